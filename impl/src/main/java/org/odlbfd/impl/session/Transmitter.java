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
 * Periodic transmission of one session's Control packets (RFC 5880 §6.8.7): when it is allowed,
 * the jittered interval, and re-timing when the interval changes. Runs on the session's thread.
 */
final class Transmitter {
    private final Session session;
    private final Clock clock;
    private final Scheduler scheduler;

    private @Nullable Cancellable timer;
    private long dueAt;

    Transmitter(final Session session, final Clock clock, final Scheduler scheduler) {
        this.session = session;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * RFC 5880 §6.8.7: whether periodic packets may be sent now.
     *
     * @return false when the session is gone, passive without a remote discriminator, asked for
     *     no periodic packets (bfd.RemoteMinRxInterval 0), or the peer is in Demand mode and no
     *     Poll Sequence is being transmitted
     */
    boolean allowed() {
        if (session.gone || session.passiveSilent() || session.remoteMinRxInterval == 0) {
            return false;
        }
        return session.pollActive || !session.remoteDemandActive();
    }

    /**
     * Makes sure the next periodic packet is scheduled, and no later than the interval in force
     * allows. RFC 5880 §6.8.3: when the interval shrinks (our faster TX applied at once, or a
     * smaller bfd.RemoteMinRxInterval) "the local system cannot wait longer than the new interval
     * between the previous packet transmission and the next one", and sends "as soon as
     * practicable" when that has passed already. A first packet (nothing sent yet) leaves at once.
     */
    void ensure() {
        if (!allowed()) {
            return;
        }
        final long now = clock.nanoTime();
        final long interval = session.txIntervalNanos();
        final long last = session.lastTxNanos;
        if (timer != null) {
            if (last == 0 || dueAt <= last + interval) {
                return;
            }
            timer.cancel();
        }
        final long due = last == 0 ? now
            : Math.max(now, last + Timing.jitter(interval, session.detectMult, session.random));
        dueAt = due;
        timer = scheduler.schedule(this::onTimer, due - now);
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
        final long now = clock.nanoTime();
        session.timerLag(now - dueAt, now);
        if (!allowed()) {
            return;
        }
        session.sendControl(false);
        // Re-based on now: a late timer sends once, it never catches up with a burst.
        final long interval = session.txIntervalNanos();
        final long delay = Timing.onGrid(now, Timing.jitter(interval, session.detectMult, session.random),
            interval * 3 / 4);
        dueAt = now + delay;
        timer = scheduler.schedule(this::onTimer, delay);
    }
}
