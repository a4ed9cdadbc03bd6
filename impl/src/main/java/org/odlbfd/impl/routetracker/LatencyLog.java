/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long after a BFD event its routes reached the kernel and the operational RIB. The tracker
 * hears the engine's transition on the engine's thread and stamps it with {@link System#nanoTime()};
 * the kernel sink stamps the kernel's acknowledgement, the RIB writer its commit. Each batch is
 * logged once (a line starting {@code MEASURED route-tracking}, which the end-to-end tests read)
 * and kept in a bounded ring for in-process benchmarks.
 */
public final class LatencyLog {
    /** What was reached. */
    public enum Stage {
        /** the kernel acknowledged the routes (RTM_NEWROUTE / RTM_DELROUTE). */
        KERNEL,
        /** the operational RIB transaction committed. */
        RIB,
        /** a NETCONF device's configuration committed (routes placed on devices, package southbound). */
        DEVICE
    }

    private static final Logger LOG = LoggerFactory.getLogger(LatencyLog.class);
    private static final int RING = 4096;

    private final long[][] samples = new long[Stage.values().length][RING];
    private final int[] counts = new int[Stage.values().length];

    /**
     * Records a batch.
     *
     * @param stage what it reached
     * @param eventNanos when the BFD event was heard; 0 (a configuration change) is not recorded
     * @param routes how many routes the batch held
     */
    public void record(final Stage stage, final long eventNanos, final int routes) {
        record(stage, eventNanos, routes, "");
    }

    /**
     * Records a batch, with where its time went.
     *
     * @param stage what it reached
     * @param eventNanos when the BFD event was heard; 0 (a configuration change) is not recorded
     * @param routes how many routes the batch held
     * @param detail e.g. the time spent building and committing, or empty
     */
    public void record(final Stage stage, final long eventNanos, final int routes, final String detail) {
        if (eventNanos == 0) {
            return;
        }
        final long micros = (System.nanoTime() - eventNanos) / 1_000;
        synchronized (this) {
            samples[stage.ordinal()][counts[stage.ordinal()]++ % RING] = micros;
        }
        LOG.info("MEASURED route-tracking {} {} ms after the BFD event, {} route(s){}",
            stage.name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT, "%.2f", micros / 1000.0), routes,
            detail.isEmpty() ? "" : " (" + detail + ")");
    }

    /**
     * The samples recorded so far (the last {@value #RING}), in microseconds, sorted.
     *
     * @param stage the stage
     * @return the samples
     */
    public synchronized long[] samples(final Stage stage) {
        final int n = Math.min(counts[stage.ordinal()], RING);
        final long[] copy = Arrays.copyOf(samples[stage.ordinal()], n);
        Arrays.sort(copy);
        return copy;
    }
}
