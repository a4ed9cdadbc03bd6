/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.State;

/**
 * What the stability policies do to one session now, taken on the session's thread: the state its
 * clients see, why it is not Up, and the damping, adaptation, threshold and wait-to-restore state
 * (odl-bfd-ext {@code session-policy-state}). Times are epoch milliseconds, 0 when not applicable;
 * intervals microseconds.
 *
 * @param clientState the state the session's clients see
 * @param notUpReason why it is not Up for them, in words; null exactly when {@code clientState} is Up
 * @param damped damped now
 * @param penalty the damping penalty now, rounded
 * @param flaps flaps counted since the session was created
 * @param dampedSinceMillis when the damping started
 * @param dampedUntilMillis when it ends unless the session flaps again
 * @param txBackoff factor on the configured Desired Min TX Interval (1 when not adapted)
 * @param rxBackoff factor on the configured Required Min RX Interval
 * @param adaptedTxUs bfd.DesiredMinTxInterval after adaptation
 * @param adaptedRxUs bfd.RequiredMinRxInterval after adaptation
 * @param recentFlaps flaps within the adaptation window
 * @param detectionTimeExceeded the Detection Time is at or above its threshold
 * @param transmitIntervalExceeded the transmit interval is above its threshold
 * @param waitToRestoreUntilMillis when the clients' wait to see it Up again ends
 */
public record PolicySnapshot(State clientState, @Nullable String notUpReason, boolean damped, long penalty,
        long flaps, long dampedSinceMillis, long dampedUntilMillis, int txBackoff, int rxBackoff, long adaptedTxUs,
        long adaptedRxUs, int recentFlaps, boolean detectionTimeExceeded, boolean transmitIntervalExceeded,
        long waitToRestoreUntilMillis) {
    /**
     * Checks the components.
     *
     * @param clientState client state
     * @param notUpReason reason
     * @param damped damped
     * @param penalty penalty
     * @param flaps flaps
     * @param dampedSinceMillis damped since
     * @param dampedUntilMillis damped until
     * @param txBackoff tx factor
     * @param rxBackoff rx factor
     * @param adaptedTxUs adapted tx
     * @param adaptedRxUs adapted rx
     * @param recentFlaps recent flaps
     * @param detectionTimeExceeded detection threshold exceeded
     * @param transmitIntervalExceeded transmit threshold exceeded
     * @param waitToRestoreUntilMillis WTR end
     */
    public PolicySnapshot {
        requireNonNull(clientState);
        if (clientState == State.UP != (notUpReason == null)) {
            throw new IllegalArgumentException("a reason exactly when not Up: " + clientState + ", " + notUpReason);
        }
    }

    /**
     * Whether the intervals are adapted.
     *
     * @return true when a backoff is above 1
     */
    public boolean adapted() {
        return txBackoff > 1 || rxBackoff > 1;
    }
}
