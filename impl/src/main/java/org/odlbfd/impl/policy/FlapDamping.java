/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.Scheduler.Cancellable;

/**
 * The flap damping of one session (RFC 2439 §4, Juniper's BFD session damping): a penalty that
 * grows by {@code increment} at each flap and decays exponentially with the half-life; above
 * {@code suppress} the session is damped until the penalty has decayed below {@code reuse}, and never
 * longer than {@code max-suppress-time} after it was damped. One timer, armed for the reuse time, runs
 * on the session's thread; {@code onReuse} runs when it ends the damping.
 */
final class FlapDamping {
    private final Scheduler scheduler;
    private final Clock clock;
    private final Runnable onReuse;

    private DampingConfig config = DampingConfig.OFF;
    private double penalty;
    private long penaltyAt;
    private boolean damped;
    private long dampedSince;
    private long reuseAt;
    private long flaps;
    private @Nullable Cancellable timer;

    FlapDamping(final Scheduler scheduler, final Clock clock, final Runnable onReuse) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.onReuse = onReuse;
    }

    /**
     * New settings. Turning damping off ends any damping and forgets the penalty; other figures
     * apply from now on (a damped session's reuse time is computed again).
     *
     * @param next the settings
     * @return true when this ended a damping
     */
    boolean configure(final DampingConfig next) {
        final long now = clock.nanoTime();
        final double current = penalty(now);
        config = next;
        if (!next.enabled()) {
            penalty = 0;
            return release();
        }
        penalty = Math.min(current, next.ceiling());
        penaltyAt = now;
        if (damped) {
            arm(now);
        }
        return false;
    }

    /**
     * A flap: the penalty grows by {@code increment} (RFC 2439 §4.4, at most the ceiling of §4.2).
     *
     * @return true when this flap damps the session
     */
    boolean flap() {
        flaps++;
        if (!config.enabled()) {
            return false;
        }
        final long now = clock.nanoTime();
        penalty = Math.min(penalty(now) + config.increment(), config.ceiling());
        penaltyAt = now;
        if (!damped && penalty > config.suppress()) {
            damped = true;
            dampedSince = now;
            arm(now);
            return true;
        }
        if (damped) {
            // a flap while damped puts the reuse time later, never beyond max-suppress-time
            arm(now);
        }
        return false;
    }

    /**
     * Ends the damping now and forgets the penalty (an operator's clear-damping).
     *
     * @return true when the session was damped
     */
    boolean clear() {
        penalty = 0;
        penaltyAt = clock.nanoTime();
        return release();
    }

    boolean damped() {
        return damped;
    }

    long flaps() {
        return flaps;
    }

    /**
     * The penalty now: RFC 2439 §4.3, {@code penalty x 2^(-t / half-life)}.
     *
     * @param nowNanos the clock
     * @return the decayed penalty
     */
    double penalty(final long nowNanos) {
        if (penalty == 0) {
            return 0;
        }
        final double halfLives = (nowNanos - penaltyAt) / (config.halfLifeMillis() * 1e6);
        return penalty * Math.pow(2, -halfLives);
    }

    /**
     * When the damping started.
     *
     * @return nanoseconds, meaningful while damped
     */
    long dampedSinceNanos() {
        return dampedSince;
    }

    /**
     * When the session will be reused if it does not flap again.
     *
     * @return nanoseconds, meaningful while damped
     */
    long reuseAtNanos() {
        return reuseAt;
    }

    /** Stops for good (the session is gone). */
    void stop() {
        cancel();
    }

    private void arm(final long now) {
        // t = half-life x log2(penalty / reuse): the time the penalty takes to decay to reuse
        final double halfLives = Math.log(penalty / config.reuse()) / Math.log(2);
        final long decay = halfLives <= 0 ? 0 : (long) Math.ceil(halfLives * config.halfLifeMillis() * 1e6);
        reuseAt = Math.min(now + decay, dampedSince + config.maxSuppressMillis() * 1_000_000);
        cancel();
        timer = scheduler.schedule(this::onTimer, Math.max(0, reuseAt - now));
    }

    private void onTimer() {
        timer = null;
        final long now = clock.nanoTime();
        if (!damped) {
            return;
        }
        if (now < reuseAt) {
            timer = scheduler.schedule(this::onTimer, reuseAt - now);
            return;
        }
        damped = false;
        onReuse.run();
    }

    private boolean release() {
        cancel();
        final boolean was = damped;
        damped = false;
        return was;
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
