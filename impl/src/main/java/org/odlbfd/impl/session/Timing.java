/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import java.util.random.RandomGenerator;

/**
 * The interval arithmetic of RFC 5880 §6.8.2, §6.8.4 and §6.8.7, as plain functions.
 */
public final class Timing {
    /** RFC 5880 §6.8.3: at least one second between packets while the session is not Up. */
    public static final long SLOW_TX_US = 1_000_000;

    /** The transmit grid: see {@link #onGrid(long, long, long)}. */
    public static final long GRID_NANOS = 1_000_000;

    private Timing() {
        // functions only
    }

    /**
     * The interval between periodic transmissions before jitter (RFC 5880 §6.8.7): the larger of
     * bfd.DesiredMinTxInterval and bfd.RemoteMinRxInterval.
     *
     * @param desiredMinTxUs bfd.DesiredMinTxInterval in force
     * @param remoteMinRxUs bfd.RemoteMinRxInterval
     * @return microseconds
     */
    public static long txIntervalUs(final long desiredMinTxUs, final long remoteMinRxUs) {
        return Math.max(desiredMinTxUs, remoteMinRxUs);
    }

    /**
     * Asynchronous-mode Detection Time (RFC 5880 §6.8.4): the remote Detect Mult times the larger
     * of bfd.RequiredMinRxInterval and the remote Desired Min TX Interval.
     *
     * @param remoteDetectMult Detect Mult last received
     * @param requiredMinRxUs bfd.RequiredMinRxInterval in force
     * @param remoteDesiredMinTxUs Desired Min TX Interval last received
     * @return microseconds
     */
    public static long detectionTimeUs(final int remoteDetectMult, final long requiredMinRxUs,
            final long remoteDesiredMinTxUs) {
        return remoteDetectMult * Math.max(requiredMinRxUs, remoteDesiredMinTxUs);
    }

    /**
     * Applies RFC 5880 §6.8.7 jitter: the interval is reduced by 0 to 25 %, or by 10 to 25 % when
     * bfd.DetectMult is 1 (so that one late packet never exceeds the peer's Detection Time).
     *
     * @param intervalNanos the interval
     * @param detectMult bfd.DetectMult
     * @param random randomness
     * @return jittered interval, 75-100 % (75-90 % for multiplier 1) of the input
     */
    public static long jitter(final long intervalNanos, final int detectMult, final RandomGenerator random) {
        final double upper = detectMult == 1 ? 0.90 : 1.0;
        return (long) (intervalNanos * random.nextDouble(0.75, upper));
    }

    /**
     * Moves a jittered transmit delay earlier so that it ends on a 1 ms grid of the monotonic
     * clock. Why: with every session's timer at its own instant, each packet cost an event-loop
     * wake-up of its own (an epoll_wait and a context switch, and a wake-up of the peer's loop),
     * which the scale harness measured as the largest CPU cost after the system calls themselves.
     * On the grid, the packets due in one millisecond leave in one wake-up and one flush. The
     * result stays within RFC 5880 §6.8.7: never later than the jittered delay, never below the
     * lower bound (then one grid step later, still below the upper bound since the interval is at
     * least 8 grid steps); shorter intervals are left alone.
     *
     * @param nowNanos the clock now
     * @param delayNanos the jittered delay
     * @param minNanos the lowest delay allowed (75 % of the interval)
     * @return the delay, ending on the grid where allowed
     */
    public static long onGrid(final long nowNanos, final long delayNanos, final long minNanos) {
        if (minNanos < 8 * GRID_NANOS) {
            return delayNanos;
        }
        final long aligned = delayNanos - Math.floorMod(nowNanos + delayNanos, GRID_NANOS);
        return aligned >= minNanos ? aligned : aligned + GRID_NANOS;
    }
}
