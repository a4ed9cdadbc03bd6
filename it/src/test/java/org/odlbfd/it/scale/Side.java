/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.util.List;
import org.odlbfd.it.interop.Resource;

/**
 * One end of N BFD sessions: our agent or FRR bfdd, in one namespace.
 */
interface Side extends Resource {
    /** What the end looked like at one instant; counters are cumulative since start. */
    record Sample(long up, long downs, long packets, long cpuMicros) {
    }

    /** "agent" or "frr". */
    String kind();

    /** up: sessions Up now; downs: Up to Down transitions so far; packets: control packets sent + received. */
    Sample sample();

    /** A position in the event history, taken just before {@link #kill()} is done to the other end. */
    int mark();

    /**
     * Monotonic times (CLOCK_MONOTONIC ns, the JVMs' System.nanoTime) at which sessions went from Up to
     * Down with diagnostic Control Detection Time Expired since {@code mark}; empty if this end cannot say.
     */
    List<Long> expiryTimes(int mark);

    /** The end's own detection lateness figures (how late after the detection deadline), or "n/a". */
    String lateness();

    /**
     * The end's health figures (PERF-NOTES rule 6): tick lag per loop and its largest receive gaps, as
     * the agent's {@code HEALTH} line, or "n/a" where the end cannot say (FRR).
     */
    default String health() {
        return "n/a";
    }

    /** Takes the per-thread CPU figures that {@link #health()} reports the change of (hold start). */
    default void markThreads() {
        // nothing for an end that cannot say
    }

    /** SIGKILL the BFD process: it goes silent at once, as a crashed peer would. Returns nanoTime just before. */
    long kill();
}
