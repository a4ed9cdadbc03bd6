/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.fsm.Action;
import org.odlbfd.impl.fsm.BfdEvent;
import org.odlbfd.impl.fsm.Fsm;
import org.odlbfd.impl.fsm.Transition;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.Scheduler.Cancellable;

/**
 * One BFD session: the state variables of RFC 5880 §6.8.1 under their RFC names, reception
 * (§6.8.6), transmission (§6.8.7), detection (§6.8.4), Poll/Final (§6.5, §6.8.3), demand mode
 * (§6.6), the passive role (§6.1) and the echo function (§6.4, RFC 5881 §4). It lives on one
 * thread (its {@link Scheduler}); nothing here is thread-safe, by design.
 */
public final class Session extends SessionVars {
    /**
     * Hears what a session does; implemented by the engine.
     */
    public interface Listener {
        /**
         * The state changed.
         *
         * @param session the session
         * @param transition what happened
         */
        void onTransition(Session session, Transition transition);

        /**
         * A detection (control or echo) declared the session down this late after its deadline.
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
    }

    private final Clock clock;
    private final Scheduler scheduler;
    private final PacketSink sink;
    private final RandomGenerator random;
    private final Listener listener;
    private @Nullable Authenticator auth;

    private @Nullable Cancellable txTimer;
    private long txDueAt;
    private @Nullable Cancellable detectTimer;
    private long detectFireAt;
    private boolean sequenceForgotten;
    private final EchoFunction echo;
    private boolean deleted;

    /**
     * Creates a session in Down (or AdminDown when so configured); call {@link #start()} next.
     *
     * @param config configuration
     * @param localDiscr bfd.LocalDiscr, unique and non-zero
     * @param clock time
     * @param scheduler the session's thread
     * @param sink where packets go
     * @param auth authenticator, or null when no authentication is configured
     * @param random jitter source
     * @param listener transition listener
     */
    public Session(final SessionConfig config, final int localDiscr, final Clock clock, final Scheduler scheduler,
            final PacketSink sink, final @Nullable Authenticator auth, final RandomGenerator random,
            final Listener listener) {
        super(config, localDiscr, new SessionCounters(clock.currentTimeMillis()));
        this.clock = clock;
        this.scheduler = scheduler;
        this.sink = sink;
        this.auth = auth;
        this.random = random;
        this.listener = listener;
        echo = new EchoFunction(this, clock, scheduler, sink, random);
    }

    /** Starts transmitting, unless the session is passive (RFC 5880 §6.1). */
    public void start() {
        if (config.adminDown()) {
            sessionState = State.ADMIN_DOWN;
            localDiag = Diagnostic.ADMIN_DOWN;
        }
        updateAdvertised();
        ensureTx(0);
    }

    /**
     * RFC 5880 §6.8.6 reception, after the codec's context-free checks and demultiplexing.
     *
     * @param packet the decoded packet
     * @param datagram the raw bytes (needed for authentication), or null when none is configured
     * @return null when accepted, else why it was discarded (already counted)
     */
    public @Nullable RejectReason receive(final ControlPacket packet, final @Nullable ByteBuf datagram) {
        final RejectReason reject = Reception.check(packet, datagram, config, localDiscr, auth);
        if (reject != null) {
            counters.rejected(reject);
            return reject;
        }
        counters.rx();
        // RFC 5880 §6.8.6: "If bfd.SessionState is AdminDown, discard the packet."
        if (sessionState == State.ADMIN_DOWN || deleted) {
            return null;
        }
        final long now = clock.nanoTime();
        final boolean remoteTimersChanged = remoteMinRxInterval != packet.requiredMinRxUs()
            || remoteDesiredMinTxInterval != packet.desiredMinTxUs() || remoteDetectMult != packet.detectMult()
            || remoteMinEchoRxInterval != packet.requiredMinEchoRxUs();
        remoteDiscr = packet.myDiscriminator();
        remoteSessionState = packet.state();
        remoteDemandMode = packet.demand();
        remoteMinRxInterval = packet.requiredMinRxUs();
        remoteDesiredMinTxInterval = packet.desiredMinTxUs();
        remoteMinEchoRxInterval = packet.requiredMinEchoRxUs();
        remoteDetectMult = packet.detectMult();
        final Diagnostic diag = Diagnostic.ofCode(packet.diagCode());
        if (diag != null) {
            remoteDiag = diag;
        }
        final var section = packet.auth();
        remoteAuthType = section == null ? null : section.type();
        lastRxNanos = now;
        everReceived = true;
        sequenceForgotten = false;
        // RFC 5880 §6.5: a Final ends the Poll Sequence; only now do the new timers take full effect.
        final boolean pollEnded = packet.fin() && pollActive;
        if (pollEnded) {
            pollActive = false;
            activeDesiredMinTx = desiredMinTxInterval;
            activeRequiredMinRx = requiredMinRxInterval;
        }
        final Transition transition = Fsm.next(sessionState, Reception.event(packet.state()));
        apply(transition);
        if ((remoteTimersChanged || pollEnded) && !transition.changed()) {
            listener.onTimersChanged(this);
        }
        // RFC 5880 §6.8.6: a Poll is answered at once with a packet carrying the Final bit.
        if (packet.poll()) {
            sendControl(true);
        } else if (transition.has(Action.SEND_NOW)) {
            sendControl(false);
        }
        updateEcho();
        armDetection(now);
        ensureTx(-1);
        return null;
    }

    /**
     * Counts a packet the transport or engine discarded for this session before {@link #receive}.
     *
     * @param reason why
     */
    public void rejected(final RejectReason reason) {
        counters.rejected(reason);
    }

    /**
     * An Echo packet with our discriminator arrived (RFC 5880 §6.4): it counts as ours coming back
     * only while Echo runs, with this session's nonce and a recently sent sequence number.
     *
     * @param sequence the payload's sequence number
     * @param nonce the payload's nonce
     * @return true when it counted, false when it must be discarded
     */
    public boolean echoReceived(final long sequence, final long nonce) {
        return echoActive && echo.received(sequence, nonce);
    }

    /** RFC 5880 §6.8.16: the operator disables the session; the peer hears AdminDown. */
    public void adminDown() {
        event(BfdEvent.ADMIN_DOWN);
    }

    /** RFC 5880 §6.8.16: the operator enables the session again. */
    public void adminUp() {
        event(BfdEvent.ADMIN_UP);
        ensureTx(0);
    }

    /**
     * New timers or flags with the same authentication configuration; sequence numbers carry on.
     *
     * @param newConfig the configuration, same key, discriminators and authentication
     */
    public void modify(final SessionConfig newConfig) {
        modify(newConfig, auth);
    }

    /**
     * New configuration; timer changes go through a Poll Sequence (RFC 5880 §6.8.3).
     *
     * @param newConfig the configuration, same key and discriminators
     * @param newAuth the authenticator for it (null without authentication); a new one when the
     *     Auth Type or key chain changed. RFC 5880 §6.7: the peer checks the section against its own
     *     configuration, so the session may go Down until both ends agree, then comes Up again
     *     through the normal handshake.
     */
    public void modify(final SessionConfig newConfig, final @Nullable Authenticator newAuth) {
        auth = newAuth;
        config = newConfig;
        updateAdvertised();
        updateEcho();
        ensureTx(-1);
    }

    /** RFC 5880 §6.8.16: tell the peer AdminDown once, then stop every timer. */
    public void delete() {
        if (deleted) {
            return;
        }
        if (sessionState != State.ADMIN_DOWN) {
            apply(Fsm.next(sessionState, BfdEvent.ADMIN_DOWN));
        }
        // A passive session that never heard its peer has nobody to tell (RFC 5880 §6.1).
        if (!config.passive() || remoteDiscr != 0) {
            sendControl(false);
        }
        deleted = true;
        cancel(txTimer);
        cancel(detectTimer);
        stopEcho();
        txTimer = null;
        detectTimer = null;
    }

    private void event(final BfdEvent event) {
        final Transition transition = Fsm.next(sessionState, event);
        apply(transition);
        if (transition.has(Action.SEND_NOW) || transition.has(Action.SEND_ADMIN_DOWN)) {
            sendControl(false);
        }
        updateEcho();
        ensureTx(-1);
    }

    private void apply(final Transition transition) {
        if (transition.diag() != null) {
            localDiag = transition.diag();
        }
        if (transition.has(Action.RESET_REMOTE_DISCR)) {
            // RFC 5880 §6.8.1: zero on expiry; a statically configured value stays.
            remoteDiscr = config.staticRemoteDiscr();
        }
        if (!transition.changed()) {
            return;
        }
        sessionState = transition.to();
        final long nowMillis = clock.currentTimeMillis();
        switch (sessionState) {
            case UP -> counters.up(nowMillis);
            case DOWN -> counters.down(nowMillis);
            case ADMIN_DOWN -> counters.adminDown(nowMillis);
            default -> {
                // Init is not counted
            }
        }
        if (sessionState != State.UP) {
            // A Poll Sequence only matters while Up (RFC 5880 §6.8.3); leaving Up applies all at once.
            pollActive = false;
            stopEcho();
        }
        updateAdvertised();
        listener.onTransition(this, transition);
    }

    /**
     * RFC 5880 §6.8.3: recomputes what we advertise. While the session is not Up (or while echo
     * is active, RFC 5880 §6.4) bfd.DesiredMinTxInterval is at least one second. A change while
     * Up starts a Poll Sequence; an increase of the TX interval and a decrease of the RX interval
     * take effect only when the Final arrives, so neither side's Detection Time is ever shorter
     * than the packet spacing and the session does not flap.
     */
    private void updateAdvertised() {
        detectMult = config.detectMult();
        demandMode = config.demand();
        final long newTx = sessionState == State.UP && !echoActive ? config.desiredMinTxUs()
            : Math.max(config.desiredMinTxUs(), Timing.SLOW_TX_US);
        final long newRx = config.requiredMinRxUs();
        if (newTx == desiredMinTxInterval && newRx == requiredMinRxInterval) {
            return;
        }
        desiredMinTxInterval = newTx;
        requiredMinRxInterval = newRx;
        if (sessionState == State.UP) {
            activeDesiredMinTx = Math.min(activeDesiredMinTx, newTx);
            activeRequiredMinRx = Math.max(activeRequiredMinRx, newRx);
            pollActive = true;
            if (everReceived) {
                sendControl(false);
            }
        } else {
            activeDesiredMinTx = newTx;
            activeRequiredMinRx = newRx;
        }
    }

    private void sendControl(final boolean fin) {
        if (deleted) {
            return;
        }
        // RFC 5880 §6.8.7: never P and F together; D only once Up (§6.6).
        final ControlPacket packet = new ControlPacket(localDiag.code(), sessionState, pollActive && !fin, fin,
            false, demandMode && sessionState == State.UP, false, detectMult, localDiscr, remoteDiscr,
            desiredMinTxInterval, requiredMinRxInterval, config.echoRxUs(), null);
        counters.tx(sink.send(config, packet, auth));
    }

    /**
     * RFC 5880 §6.8.7 periodic transmission rules.
     *
     * @return whether periodic packets may be sent now
     */
    private boolean periodicAllowed() {
        if (deleted || remoteMinRxInterval == 0) {
            return false;
        }
        if (config.passive() && remoteDiscr == 0) {
            return false;
        }
        return !(remoteDemandMode && sessionState == State.UP && remoteSessionState == State.UP);
    }

    private void ensureTx(final long delayNanos) {
        if (!periodicAllowed()) {
            return;
        }
        final long now = clock.nanoTime();
        if (txTimer != null) {
            final long latest = delayNanos >= 0 ? delayNanos : txIntervalNanos();
            if (txDueAt <= now + latest) {
                return;
            }
            // The interval shrank (faster TX applied at once, RFC 5880 §6.8.3, or a smaller
            // RemoteMinRxInterval): a packet still due at the old, slower pace would let the peer's
            // new, shorter Detection Time expire.
            txTimer.cancel();
        }
        final long delay = delayNanos >= 0 ? delayNanos : nextTxDelay();
        txDueAt = now + delay;
        txTimer = scheduler.schedule(this::onTxTimer, delay);
    }

    private long txIntervalNanos() {
        return Timing.txIntervalUs(activeDesiredMinTx, remoteMinRxInterval) * 1000;
    }

    private long nextTxDelay() {
        final long interval = txIntervalNanos();
        return Timing.onGrid(clock.nanoTime(), Timing.jitter(interval, detectMult, random), interval * 3 / 4);
    }

    private void onTxTimer() {
        txTimer = null;
        if (!periodicAllowed()) {
            return;
        }
        sendControl(false);
        // Re-based on now: a late timer sends once, it never catches up with a burst.
        final long delay = nextTxDelay();
        txDueAt = clock.nanoTime() + delay;
        txTimer = scheduler.schedule(this::onTxTimer, delay);
    }

    private void armDetection(final long now) {
        final long deadline = now + detectionTimeNanos();
        if (detectTimer != null) {
            if (deadline >= detectFireAt) {
                // Lazy detection: the pending check re-arms itself for the remainder when it fires.
                return;
            }
            // The Detection Time shrank (Final received): the pending check would be late.
            detectTimer.cancel();
        }
        detectFireAt = deadline;
        detectTimer = scheduler.schedule(this::onDetectTimer, deadline - now);
    }

    private void onDetectTimer() {
        detectTimer = null;
        if (deleted || sessionState == State.ADMIN_DOWN) {
            return;
        }
        final long now = clock.nanoTime();
        final long detect = detectionTimeNanos();
        final long deadline = lastRxNanos + detect;
        if (now < deadline) {
            rearmDetect(now, deadline);
            return;
        }
        if (demandActive()) {
            // RFC 5880 §6.8.4: with Demand mode active the Detection Time is not used.
            rearmDetect(now, now + detect);
            return;
        }
        if (sessionState == State.UP || sessionState == State.INIT) {
            listener.onDetection(this, now - deadline);
            event(BfdEvent.DETECTION_TIMEOUT);
        } else if (remoteDiscr != config.staticRemoteDiscr()) {
            apply(Fsm.next(sessionState, BfdEvent.DETECTION_TIMEOUT));
        }
        if (auth != null && !sequenceForgotten) {
            // RFC 5880 §6.8.1: bfd.AuthSeqKnown is reset after twice the Detection Time of silence.
            if (now - lastRxNanos >= 2 * detect) {
                auth.forgetSequence();
                sequenceForgotten = true;
            } else {
                rearmDetect(now, lastRxNanos + 2 * detect);
            }
        }
    }

    private void rearmDetect(final long now, final long at) {
        detectFireAt = at;
        detectTimer = scheduler.schedule(this::onDetectTimer, at - now);
    }

    /**
     * RFC 5880 §6.4 and RFC 5881 §4: echo runs while Up when we want it and the peer advertises a
     * non-zero Required Min Echo RX Interval (§6.8.6: zero means "cease").
     */
    private void updateEcho() {
        final boolean want = !deleted && sessionState == State.UP && config.echoTxUs() > 0
            && remoteMinEchoRxInterval > 0 && config.singleHop();
        if (want == echoActive) {
            return;
        }
        if (want) {
            echoActive = true;
            echo.start();
        } else {
            stopEcho();
        }
        // Control packets slow down to one per second while echo runs (RFC 5880 §6.4).
        updateAdvertised();
    }

    private void stopEcho() {
        echoActive = false;
        echo.stop();
    }

    /** No Echo came back in time (RFC 5880 §6.8.4 as applied to Echo, §6.4): diag Echo Function Failed. */
    void echoFailed(final long latenessNanos) {
        listener.onDetection(this, latenessNanos);
        event(BfdEvent.ECHO_FAILURE);
    }

    private static void cancel(final @Nullable Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /**
     * Whether {@link #delete()} ran.
     *
     * @return true once deleted
     */
    public boolean deleted() {
        return deleted;
    }
}
