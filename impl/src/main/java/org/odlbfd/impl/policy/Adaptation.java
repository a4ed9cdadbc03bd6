/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import java.util.ArrayDeque;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionParams;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.Scheduler.Cancellable;

/**
 * Detection-time adaptation of one session, as Juniper describes it: "The timers adapt to a higher
 * value when a BFD session flap occurs more than three times in a span of 15 seconds. A back-off
 * algorithm increases the receive (Rx) interval by two if the local BFD instance is the reason for
 * the session flap. The transmission (Tx) interval is increased by two if the remote BFD instance is
 * the reason". Each flap beyond the count is one more doubling, up to {@code max-steps}; once the
 * session has been Up for the stable period the configured intervals return. The caller applies
 * {@link #apply(SessionParams)} to the configured timers; while Up the session renegotiates them
 * through a Poll Sequence (RFC 5880 §6.8.3), so adapting never flaps the session by itself.
 */
final class Adaptation {
    private static final long MAX_INTERVAL_US = 0xFFFF_FFFFL;

    private final Scheduler scheduler;
    private final Clock clock;
    private final Runnable onStable;
    private final ArrayDeque<Long> recent = new ArrayDeque<>();

    private AdaptationConfig config = AdaptationConfig.OFF;
    private int txSteps;
    private int rxSteps;
    private @Nullable Cancellable stableTimer;

    Adaptation(final Scheduler scheduler, final Clock clock, final Runnable onStable) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.onStable = onStable;
    }

    /**
     * New settings; turning adaptation off returns to the configured intervals.
     *
     * @param next the settings
     * @return true when the intervals in force change
     */
    boolean configure(final AdaptationConfig next) {
        config = next;
        final boolean adapted = adapted();
        if (!next.enabled()) {
            txSteps = 0;
            rxSteps = 0;
            return adapted;
        }
        final boolean capped = txSteps > next.maxSteps() || rxSteps > next.maxSteps();
        txSteps = Math.min(txSteps, next.maxSteps());
        rxSteps = Math.min(rxSteps, next.maxSteps());
        return capped;
    }

    /**
     * A flap.
     *
     * @param localDetection true when this system detected it (Control or Echo detection time
     *     expired: our receive side is too tight), false when the peer signalled Down (it missed our
     *     packets: our transmit side is)
     * @return true when the intervals in force change
     */
    boolean flap(final boolean localDetection) {
        final long now = clock.nanoTime();
        cancelStable();
        recent.addLast(now);
        prune(now);
        if (!config.enabled() || recent.size() <= config.flapCount()) {
            return false;
        }
        if (localDetection && rxSteps < config.maxSteps()) {
            rxSteps++;
            return true;
        }
        if (!localDetection && txSteps < config.maxSteps()) {
            txSteps++;
            return true;
        }
        return false;
    }

    /** The session came Up: the stable period starts. */
    void up() {
        cancelStable();
        if (adapted()) {
            stableTimer = scheduler.schedule(this::stable, config.stableMillis() * 1_000_000);
        }
    }

    /** The session left Up: the stable period stops. */
    void down() {
        cancelStable();
    }

    /**
     * Back to the configured intervals now (an operator's clear-adaptation).
     *
     * @return true when they were adapted
     */
    boolean clear() {
        cancelStable();
        recent.clear();
        final boolean was = adapted();
        txSteps = 0;
        rxSteps = 0;
        return was;
    }

    /**
     * The timers in force: the configured ones doubled once per step. A Required Min RX Interval of 0
     * (no periodic packets wanted) stays 0.
     *
     * @param configured the operator's timers
     * @return the adapted timers
     */
    SessionParams apply(final SessionParams configured) {
        if (!adapted()) {
            return configured;
        }
        final long rx = configured.requiredMinRxUs();
        return new SessionParams(Math.min(configured.desiredMinTxUs() << txSteps, MAX_INTERVAL_US),
            Math.min(rx << rxSteps, MAX_INTERVAL_US), configured.detectMultiplier());
    }

    boolean adapted() {
        return txSteps > 0 || rxSteps > 0;
    }

    int txFactor() {
        return 1 << txSteps;
    }

    int rxFactor() {
        return 1 << rxSteps;
    }

    /**
     * Flaps within the window.
     *
     * @return the count now
     */
    int recentFlaps() {
        prune(clock.nanoTime());
        return recent.size();
    }

    /** Stops for good. */
    void stop() {
        cancelStable();
    }

    private void stable() {
        stableTimer = null;
        if (adapted()) {
            txSteps = 0;
            rxSteps = 0;
            recent.clear();
            onStable.run();
        }
    }

    private void prune(final long now) {
        final long window = config.windowMillis() * 1_000_000;
        while (!recent.isEmpty() && now - recent.peekFirst() > window) {
            recent.removeFirst();
        }
    }

    private void cancelStable() {
        if (stableTimer != null) {
            stableTimer.cancel();
            stableTimer = null;
        }
    }
}
