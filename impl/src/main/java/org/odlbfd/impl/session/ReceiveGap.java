/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

/**
 * The largest silence a session saw between two valid Control packets, the first of them
 * received while Up, measured against the Detection Time in force (RFC 5880 §6.8.4): the health
 * figure of PERF-NOTES rule 6. A ratio near 1 means the session nearly went Down; above 1 it did
 * (the gap is then counted when the first packet after the Down arrives), or the detection timer
 * ran that late.
 *
 * @param gapUs the gap, µs; 0 when none was seen
 * @param detectionTimeUs the Detection Time it was judged against, µs
 * @param atMillis when the packet that closed it arrived, epoch ms; 0 when none
 */
public record ReceiveGap(long gapUs, long detectionTimeUs, long atMillis) {
    /** No gap seen yet (or since the statistics were cleared). */
    public static final ReceiveGap NONE = new ReceiveGap(0, 0, 0);

    /**
     * The gap as a share of the Detection Time.
     *
     * @return gap / detection time, 0 when none
     */
    public double ratio() {
        return detectionTimeUs == 0 ? 0 : (double) gapUs / detectionTimeUs;
    }

    /**
     * Whether this gap is a larger share of its Detection Time than another.
     *
     * @param gap the other gap, µs
     * @param detection its Detection Time, µs
     * @return true when {@code gap/detection} is larger than this one's ratio
     */
    boolean smallerThan(final long gap, final long detection) {
        // cross-multiplied in doubles: no overflow whatever the gap (a session silent for days)
        return detection > 0 && (detectionTimeUs == 0 || (double) gap * detectionTimeUs > (double) gapUs * detection);
    }
}
