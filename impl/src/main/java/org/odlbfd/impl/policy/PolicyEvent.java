/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import static java.util.Objects.requireNonNull;

/**
 * Something an operator is told about (odl-bfd-ext {@code threshold-notification} and
 * {@code damping-notification}).
 *
 * @param kind what happened
 * @param value the Detection Time or transmit interval in force (thresholds), or the penalty
 *     (damping)
 * @param threshold the configured threshold (thresholds), or the reuse time in epoch milliseconds
 *     when damped (0 otherwise)
 */
public record PolicyEvent(Kind kind, long value, long threshold) {
    /** What happened. */
    public enum Kind {
        /** The Detection Time reached its threshold. */
        DETECTION_TIME_CROSSED,
        /** The Detection Time is back below its threshold. */
        DETECTION_TIME_CLEARED,
        /** The transmit interval went above its threshold. */
        TRANSMIT_INTERVAL_CROSSED,
        /** The transmit interval is back at or below its threshold. */
        TRANSMIT_INTERVAL_CLEARED,
        /** The session was damped. */
        DAMPED,
        /** The session was reused. */
        REUSED
    }

    /**
     * Checks the kind.
     *
     * @param kind what happened
     * @param value value
     * @param threshold threshold or time
     */
    public PolicyEvent {
        requireNonNull(kind);
    }
}
