/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;
import org.odlbfd.impl.fsm.Transition;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.Scheduler.Cancellable;
import org.odlbfd.impl.session.Session;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The stability policies of one session, on its thread: flap accounting, damping, adaptation,
 * wait-to-restore and thresholds, and from them the state its clients see and why it is not Up.
 * {@link SessionPolicies} creates one per session and calls it from the engine's hooks.
 */
final class SessionPolicy {
    /** What the owner does with the outcomes (the engine: publish to clients and to the observer). */
    interface Outlet {
        void clientStatus(Session session, SessionStatus status);

        void changed(Session session, PolicySnapshot snapshot);

        void event(Session session, PolicyEvent event);

        @Nullable String transportStatus(Session session);
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final Outlet outlet;
    private final FlapDamping damping;
    private final Adaptation adaptation;
    private final WaitToRestore wtr = new WaitToRestore(0, false);
    private final ThresholdWatch thresholds = new ThresholdWatch();

    private PolicyConfig config = PolicyConfig.NONE;
    private @Nullable Session session;
    /** The operator's configuration, before adaptation. */
    private @Nullable SessionConfig base;
    private State clientState = State.DOWN;
    private @Nullable Cancellable wtrTimer;
    private @Nullable PolicySnapshot last;
    private long authRejectsSeen;
    private long authGrewAt;
    private long txFailedSeen;
    private long txFailGrewAt;
    /**
     * Epoch nanoseconds minus monotonic nanoseconds, read once: every time shown for this session
     * (damped until, last packet at) converts with it, so that a time does not move between writes.
     */
    private final long wallOffsetNanos;

    SessionPolicy(final Scheduler scheduler, final Clock clock, final Outlet outlet) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.outlet = outlet;
        wallOffsetNanos = clock.currentTimeMillis() * 1_000_000 - clock.nanoTime();
        damping = new FlapDamping(scheduler, clock, this::reused);
        adaptation = new Adaptation(scheduler, clock, this::renegotiate);
    }

    void attach(final Session newSession) {
        session = newSession;
        clientState = clientStateNow();
        publish();
    }

    /**
     * New policy settings; holds that the new settings no longer want end at once.
     *
     * @param next the settings
     */
    void configure(final PolicyConfig next) {
        config = next;
        final boolean undamped = damping.configure(next.damping());
        // the timers follow with the session's configuration (SessionPolicies#effective)
        adaptation.configure(next.adaptation());
        if (wtr.setWait(next.waitToRestoreMillis() * 1_000_000)) {
            cancelWtr();
            clientsMayHaveChanged();
        }
        if (undamped) {
            reused();
        }
        evaluateThresholds();
        publish();
    }

    /**
     * The configuration the session runs: the operator's, with adapted timers.
     *
     * @param operator the operator's configuration
     * @return what the session should run
     */
    SessionConfig effective(final SessionConfig operator) {
        base = operator;
        return adaptation.adapted() ? operator.withParams(adaptation.apply(operator.params())) : operator;
    }

    /**
     * A transition of the session.
     *
     * @param transition what happened
     * @return the state its clients see now
     */
    State transition(final Transition transition) {
        final Session s = session;
        if (s == null) {
            return transition.to();
        }
        final long now = clock.nanoTime();
        final List<PolicyEvent> events = new ArrayList<>(0);
        if (transition.from() == State.UP) {
            adaptation.down();
            // RFC 5882 §3.2: AdminDown from the peer, or ours, is not a failure of the path
            final boolean failure = transition.to() == State.DOWN && s.remoteSessionState() != State.ADMIN_DOWN
                && s.localDiag() != Diagnostic.ADMIN_DOWN;
            wtr.down(failure);
            cancelWtr();
            if (failure) {
                if (damping.flap()) {
                    events.add(new PolicyEvent(PolicyEvent.Kind.DAMPED, Math.round(damping.penalty(now)),
                        wall(damping.reuseAtNanos())));
                }
                // Juniper: RX backs off when we detected the failure, TX when the peer signalled it
                if (adaptation.flap(s.localDiag() != Diagnostic.NEIGHBOR_DOWN)) {
                    // not from inside the session's own transition: right after it
                    scheduler.execute(this::renegotiate);
                }
            }
        }
        if (transition.to() == State.UP) {
            adaptation.up();
            if (!wtr.up(now)) {
                wtrTimer = scheduler.schedule(this::waited, wtr.endsAtNanos() - now);
            }
        }
        clientState = clientStateNow();
        evaluateThresholds();
        events.forEach(event -> outlet.event(s, event));
        publish();
        return clientState;
    }

    /** The negotiated timers changed (a Poll ended, the peer advertised new values). */
    void timersChanged() {
        evaluateThresholds();
        publish();
    }

    /** Called with every periodic snapshot: the reason and the penalty move with time. */
    void refresh() {
        publish();
    }

    boolean clearDamping() {
        final boolean was = damping.clear();
        if (was) {
            reused();
        } else {
            publish();
        }
        return was;
    }

    boolean clearAdaptation() {
        final boolean was = adaptation.clear();
        if (was) {
            renegotiate();
        }
        return was;
    }

    void stop() {
        damping.stop();
        adaptation.stop();
        cancelWtr();
        session = null;
    }

    State clientState() {
        return clientState;
    }

    @Nullable PolicySnapshot last() {
        return last;
    }

    private void reused() {
        final Session s = session;
        if (s != null) {
            outlet.event(s, new PolicyEvent(PolicyEvent.Kind.REUSED, Math.round(damping.penalty(clock.nanoTime())), 0));
            clientsMayHaveChanged();
            publish();
        }
    }

    private void waited() {
        wtrTimer = null;
        if (wtr.expire(clock.nanoTime())) {
            clientsMayHaveChanged();
            publish();
        }
    }

    /** The adapted timers changed: the session renegotiates (a Poll Sequence while Up). */
    private void renegotiate() {
        final Session s = session;
        if (s != null && !s.deleted()) {
            s.modify(effective(base != null ? base : s.config()));
            publish();
        }
    }

    private void clientsMayHaveChanged() {
        final Session s = session;
        final State next = clientStateNow();
        if (s != null && next != clientState) {
            final SessionStatus status = new SessionStatus(next, clientState, s.localDiag(), s.remoteSessionState(),
                s.remoteDiag(), Instant.ofEpochMilli(clock.currentTimeMillis()));
            clientState = next;
            outlet.clientStatus(s, status);
        }
    }

    private State clientStateNow() {
        final Session s = session;
        if (s == null) {
            return State.DOWN;
        }
        final State wire = s.sessionState();
        if (wire == State.ADMIN_DOWN) {
            return wire;
        }
        if (damping.damped() || wire == State.UP && wtr.holding()) {
            return State.DOWN;
        }
        return wire;
    }

    private void evaluateThresholds() {
        final Session s = session;
        // only values both ends have settled on: Up on both sides and no Poll of ours pending (at Up
        // the peer may still advertise its slow 1 s for a moment, RFC 5880 §6.8.3)
        if (s != null && s.sessionState() == State.UP && s.remoteSessionState() == State.UP && !s.pollActive()) {
            for (PolicyEvent event : thresholds.evaluate(config.thresholds(), s.detectionTimeUs(),
                    s.negotiatedTxUs())) {
                outlet.event(s, event);
            }
        }
    }

    private void publish() {
        final Session s = session;
        if (s == null) {
            return;
        }
        final PolicySnapshot next = snapshot(s);
        if (!next.equals(last)) {
            last = next;
            outlet.changed(s, next);
        }
    }

    private PolicySnapshot snapshot(final Session sess) {
        final long now = clock.nanoTime();
        final var stats = sess.statistics();
        final long authRejects = stats.rejected(RejectReason.AUTH_FAILED) + stats.rejected(RejectReason.AUTH_SEQUENCE)
            + stats.rejected(RejectReason.AUTH_MISMATCH) + stats.rejected(RejectReason.BAD_AUTH_SECTION);
        if (authRejects > authRejectsSeen) {
            authRejectsSeen = authRejects;
            authGrewAt = now;
        }
        if (stats.txFailed() > txFailedSeen) {
            txFailedSeen = stats.txFailed();
            txFailGrewAt = now;
        }
        final long lastRx = sess.lastRxNanos();
        final boolean damped = damping.damped();
        final long penalty = Math.round(damping.penalty(now));
        final long wtrUntil = wtr.holding() && sess.sessionState() == State.UP ? wall(wtr.endsAtNanos()) : 0;
        final SessionConfig running = sess.config();
        final var facts = new NotUpReason.Facts(sess.sessionState(), sess.remoteSessionState(), sess.localDiag(),
            sess.remoteDiag(), sess.deleted(), running.requiredMinRxUs() == 0,
            running.passive() && sess.remoteDiscr() == 0,
            stats.createTimeMillis(), stats.rxPackets(), lastRx == 0 ? 0 : wall(lastRx), authRejects,
            authRejects > 0 && (lastRx == 0 || authGrewAt - lastRx > 0), stats.txFailed(),
            stats.txFailed() > 0 && (lastRx == 0 || txFailGrewAt - lastRx > 0), running.localAddress(),
            outlet.transportStatus(sess), damped ? wall(damping.reuseAtNanos()) : 0, penalty,
            config.damping().reuse(), wtrUntil);
        return new PolicySnapshot(clientState, NotUpReason.of(facts, clientState), damped, penalty, damping.flaps(),
            damped ? wall(damping.dampedSinceNanos()) : 0, damped ? wall(damping.reuseAtNanos()) : 0,
            adaptation.txFactor(), adaptation.rxFactor(), running.desiredMinTxUs(), running.requiredMinRxUs(),
            adaptation.recentFlaps(), thresholds.detectionExceeded(), thresholds.transmitExceeded(), wtrUntil);
    }

    /** A time on the monotonic clock as epoch milliseconds. */
    private long wall(final long nanos) {
        return Math.floorDiv(nanos + wallOffsetNanos, 1_000_000);
    }

    private void cancelWtr() {
        if (wtrTimer != null) {
            wtrTimer.cancel();
            wtrTimer = null;
        }
    }
}
