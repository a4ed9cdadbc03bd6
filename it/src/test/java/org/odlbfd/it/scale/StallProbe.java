/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches for scheduling stalls of this box while a hold runs: a thread that sleeps 1 ms at a time and
 * records the largest overshoot. A false Down burst that coincides with a stall longer than the detection
 * time was the VM's doing (PERF-NOTES: 17-190 ms stalls happen here), not the engine's.
 */
final class StallProbe implements AutoCloseable {
    private final AtomicLong maxGapNs = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    StallProbe(final long maxSeconds) {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        thread = new Thread(() -> watch(end), "scale-stall-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(final long end) {
        long last = System.nanoTime();
        while (running && last < end) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            final long now = System.nanoTime();
            maxGapNs.accumulateAndGet(now - last, Math::max);
            last = now;
        }
    }

    /** Largest time between two 1 ms wake-ups so far, in ms. */
    long maxGapMs() {
        return TimeUnit.NANOSECONDS.toMillis(maxGapNs.get());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
