/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

/**
 * Threshold alarms (odl-bfd-ext {@code thresholds}, Juniper's {@code detection-time threshold} and
 * {@code transmit-interval threshold}), in microseconds; 0 is none.
 *
 * @param detectionTimeUs alarm when the Detection Time is at or above this
 * @param transmitIntervalUs alarm when the transmit interval is above this
 */
public record ThresholdConfig(long detectionTimeUs, long transmitIntervalUs) {
    /** No thresholds. */
    public static final ThresholdConfig NONE = new ThresholdConfig(0, 0);

    /**
     * Checks the values.
     *
     * @param detectionTimeUs detection-time threshold, 0 for none
     * @param transmitIntervalUs transmit-interval threshold, 0 for none
     */
    public ThresholdConfig {
        if (detectionTimeUs < 0 || transmitIntervalUs < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
    }
}
