/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import java.util.ArrayList;
import java.util.List;
import org.odlbfd.impl.policy.PolicyEvent.Kind;

/**
 * Juniper's detection-time and transmit-interval thresholds: "When the BFD session detection time
 * adapts to a value equal to or higher than the threshold, a single trap and a system log message are
 * sent"; the transmit interval alarms when it is greater than its threshold. One event when a value
 * crosses, one when it comes back; nothing while it stays on one side.
 */
final class ThresholdWatch {
    private boolean detectionExceeded;
    private boolean transmitExceeded;

    /**
     * Compares the values in force with the thresholds.
     *
     * @param config the thresholds (0: none; a removed threshold is cleared silently)
     * @param detectionTimeUs the Detection Time
     * @param transmitIntervalUs the transmit interval
     * @return the events, in order
     */
    List<PolicyEvent> evaluate(final ThresholdConfig config, final long detectionTimeUs,
            final long transmitIntervalUs) {
        final List<PolicyEvent> events = new ArrayList<>(0);
        final long dt = config.detectionTimeUs();
        final boolean detectionNow = dt > 0 && detectionTimeUs >= dt;
        if (detectionNow != detectionExceeded) {
            detectionExceeded = detectionNow;
            if (dt > 0) {
                events.add(new PolicyEvent(detectionNow ? Kind.DETECTION_TIME_CROSSED : Kind.DETECTION_TIME_CLEARED,
                    detectionTimeUs, dt));
            }
        }
        final long tt = config.transmitIntervalUs();
        final boolean transmitNow = tt > 0 && transmitIntervalUs > tt;
        if (transmitNow != transmitExceeded) {
            transmitExceeded = transmitNow;
            if (tt > 0) {
                events.add(new PolicyEvent(transmitNow ? Kind.TRANSMIT_INTERVAL_CROSSED
                    : Kind.TRANSMIT_INTERVAL_CLEARED, transmitIntervalUs, tt));
            }
        }
        return events;
    }

    boolean detectionExceeded() {
        return detectionExceeded;
    }

    boolean transmitExceeded() {
        return transmitExceeded;
    }
}
