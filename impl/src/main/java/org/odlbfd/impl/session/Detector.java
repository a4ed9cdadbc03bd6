/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.session.Scheduler.Cancellable;

/**
 * The Asynchronous-mode Detection Time of one session (RFC 5880 §6.8.4) and what a silent
 * Detection Time resets (§6.8.1, §6.8.18). Lazy (PERF-NOTES rule 4): a received packet only
 * stores its time; a check that fires early re-arms itself for the remainder. In Demand mode the
 * Detection Time is not used; a Poll Sequence has its own deadline ({@link PollSequence}).
 */
final class Detector {
    private final Session session;
    private final Clock clock;
    private final Scheduler scheduler;

    private @Nullable Cancellable timer;
    private long fireAt;
    /** The silence (identified by the time of the packet before it) already declared expired. */
    private long expiredAfter = -1;
    private boolean sequenceForgotten;

    Detector(final Session session, final Clock clock, final Scheduler scheduler) {
        this.session = session;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * The Detection Time now runs from {@code session.lastRxNanos}.
     *
     * @param nowNanos the clock
     */
    void arm(final long nowNanos) {
        sequenceForgotten = false;
        final long deadline = session.lastRxNanos + session.detectionTimeNanos();
        if (timer != null) {
            if (deadline >= fireAt) {
                return;
            }
            // The Detection Time shrank (Final received): the pending check would be late.
            timer.cancel();
        }
        rearm(nowNanos, deadline);
    }

    /** Stops for good (the session is gone). */
    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void onTimer() {
        timer = null;
        if (session.gone || session.demandActive()) {
            // Demand mode: no Detection Time; the session re-arms when Demand mode ends.
            return;
        }
        final long now = clock.nanoTime();
        session.timerLag(now - fireAt, now);
        final long detect = session.detectionTimeNanos();
        final long deadline = session.lastRxNanos + detect;
        if (now < deadline) {
            rearm(now, deadline);
            return;
        }
        if (expiredAfter != session.lastRxNanos) {
            expiredAfter = session.lastRxNanos;
            session.detectionExpired(now - deadline);
        }
        final var auth = session.authenticator();
        if (auth != null && !sequenceForgotten) {
            // RFC 5880 §6.8.1: bfd.AuthSeqKnown is reset after twice the Detection Time of silence.
            if (now - session.lastRxNanos >= 2 * detect) {
                auth.forgetSequence();
                sequenceForgotten = true;
            } else {
                rearm(now, session.lastRxNanos + 2 * detect);
            }
        }
    }

    private void rearm(final long nowNanos, final long at) {
        fireAt = at;
        timer = scheduler.schedule(this::onTimer, at - nowNanos);
    }
}
