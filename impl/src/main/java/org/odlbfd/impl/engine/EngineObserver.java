/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;

/**
 * Hears whole-session events, for the operational-state writer. Called on the session's engine
 * thread: return quickly, never block. Default methods do nothing.
 */
public interface EngineObserver {
    /**
     * A session was created.
     *
     * @param snapshot its first snapshot
     */
    default void sessionCreated(final SessionSnapshot snapshot) {
        // nothing
    }

    /**
     * A session changed state.
     *
     * @param snapshot the snapshot after the change
     * @param previous the state before
     */
    default void stateChanged(final SessionSnapshot snapshot, final State previous) {
        // nothing
    }

    /**
     * A session's negotiated timers changed while its state did not (RFC 5880 §6.8.2, §6.8.4).
     *
     * @param snapshot the snapshot after the change
     */
    default void timersChanged(final SessionSnapshot snapshot) {
        // nothing
    }

    /**
     * A session was deleted (after it told its peer AdminDown).
     *
     * @param key its key
     * @param name its name
     */
    default void sessionDeleted(final SessionKey key, final String name) {
        // nothing
    }

    /**
     * A session's stability policy state changed: the state its clients see, its "not Up" reason,
     * damping, adaptation or thresholds (odl-bfd-ext {@code session-policy-state}). Heard before
     * {@link #stateChanged} when a transition changes it.
     *
     * @param snapshot the session's snapshot now
     * @param policy the policy state
     */
    default void policyChanged(final SessionSnapshot snapshot, final PolicySnapshot policy) {
        // nothing
    }

    /**
     * A stability policy event for operators: a threshold crossed or cleared, a session damped or
     * reused.
     *
     * @param snapshot the session's snapshot now
     * @param event what happened
     */
    default void policyEvent(final SessionSnapshot snapshot, final PolicyEvent event) {
        // nothing
    }
}
