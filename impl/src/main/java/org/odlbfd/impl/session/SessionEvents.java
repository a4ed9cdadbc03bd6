/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import org.odlbfd.impl.fsm.Transition;

/**
 * Hears what a session does; implemented by the engine. Called on the session's thread.
 */
public interface SessionEvents {
    /**
     * The state changed.
     *
     * @param session the session
     * @param transition what happened
     */
    void onTransition(Session session, Transition transition);

    /**
     * A detection (control, echo or an unanswered Poll in Demand mode) declared the session
     * down this late after its deadline.
     *
     * @param session the session
     * @param latenessNanos how long after the deadline the check ran
     */
    void onDetection(Session session, long latenessNanos);

    /**
     * The negotiated timers changed without a state change: the peer advertised new values
     * or our Poll Sequence ended (RFC 5880 §6.8.2, §6.8.4).
     *
     * @param session the session
     */
    default void onTimersChanged(final Session session) {
        // nothing
    }

    /**
     * A transmit or detection timer ran this late after the deadline it was scheduled for: the
     * loop's tick lag (a health figure, PERF-NOTES rule 6). Called on the loop, allocation-free.
     *
     * @param lateNanos how late, 0 or more
     * @param nowNanos the clock when it ran
     */
    default void onTimerLag(final long lateNanos, final long nowNanos) {
        // nothing
    }
}
