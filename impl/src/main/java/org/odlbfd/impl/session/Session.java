/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import io.netty.buffer.ByteBuf;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * (§6.8.6), the state machine's effects, what we advertise (§6.8.3) and administrative control
 * (§6.8.16). Periodic transmission is {@link Transmitter}'s, the Detection Time {@link Detector}'s,
 * the Poll Sequence {@link PollSequence}'s and Echo {@link EchoFunction}'s. It lives on one thread
 * (its {@link Scheduler}); nothing here is thread-safe, by design.
 */
public final class Session extends SessionVars {
    private static final Transition STAY = new Transition(State.DOWN, State.DOWN, null, Set.of());

    final Clock clock;
    final RandomGenerator random;
    private final Scheduler scheduler;
    private final PacketSink sink;
    private final SessionEvents listener;
    private final EchoFunction echo;
    private final Transmitter transmitter;
    private final Detector detector;
    private final PollSequence poll;
    private @Nullable Authenticator auth;
    private boolean wasDemandActive;
    /** Whether the last valid packet arrived while Up: the gap after it is a health figure. */
    private boolean upAtLastRx;
    private @Nullable Cancellable linger;
    private @Nullable Runnable whenGone;

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
            final SessionEvents listener) {
        super(config, localDiscr, new SessionCounters(clock.currentTimeMillis()));
        this.clock = clock;
        this.scheduler = scheduler;
        this.sink = sink;
        this.auth = auth;
        this.random = random;
        this.listener = listener;
        echo = new EchoFunction(this, clock, scheduler, sink, random);
        transmitter = new Transmitter(this, clock, scheduler);
        detector = new Detector(this, clock, scheduler);
        poll = new PollSequence(this, scheduler);
    }

    /** Starts transmitting at once, unless the session is passive (RFC 5880 §6.1). */
    public void start() {
        if (config.adminDown()) {
            sessionState = State.ADMIN_DOWN;
            localDiag = Diagnostic.ADMIN_DOWN;
        }
        refresh();
        transmitter.ensure();
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
        if (gone) {
            return null;
        }
        final long now = clock.nanoTime();
        if (upAtLastRx && sessionState != State.ADMIN_DOWN && !demandActive()) {
            // against the Detection Time the silence was judged by, before this packet changes it
            counters.gap(now - lastRxNanos, detectionTimeNanos(), clock);
        }
        final boolean remoteTimersChanged = remoteMinRxInterval != packet.requiredMinRxUs()
            || remoteDesiredMinTxInterval != packet.desiredMinTxUs() || remoteDetectMult != packet.detectMult()
            || remoteMinEchoRxInterval != packet.requiredMinEchoRxUs();
        // RFC 5880 §6.8.6 in its order: the remote variables are set before the AdminDown discard.
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
        // "If a Poll Sequence is being transmitted by the local system and the Final (F) bit in the
        // received packet is set, the Poll Sequence MUST be terminated": the frozen timers apply now.
        final boolean pollEnded = poll.received(packet.fin());
        if (pollEnded) {
            activeDesiredMinTx = desiredMinTxInterval;
            activeRequiredMinRx = requiredMinRxInterval;
        }
        // "If bfd.SessionState is AdminDown: Discard the packet" (after the variables above).
        final boolean discard = sessionState == State.ADMIN_DOWN;
        final Transition transition = discard ? STAY : hold(Fsm.next(sessionState, Reception.event(packet.state())));
        apply(transition);
        refresh(now);
        upAtLastRx = sessionState == State.UP;
        if (transition.changed()) {
            listener.onTransition(this, transition);
        } else if (remoteTimersChanged || pollEnded) {
            listener.onTimersChanged(this);
        }
        if (!discard && packet.poll()) {
            // "If the Poll (P) bit is set, send a BFD Control packet to the remote system with the
            // Poll (P) bit clear, and the Final (F) bit set."
            sendControl(true);
        } else if (transition.has(Action.SEND_NOW)) {
            sendControl(false);
        }
        // "Update the transmit interval" and "Update the Detection Time".
        detector.arm(now);
        transmitter.ensure();
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
        if (heldDown() && (sessionState == State.UP || sessionState == State.INIT)) {
            event(BfdEvent.HOLD_DOWN);
            return;
        }
        refresh();
        transmitter.ensure();
    }

    /**
     * A client asks to verify the path now (RFC 5880 §6.5, §6.6): a Poll Sequence.
     *
     * @param result completes with true at the Final, false when the session is not Up, leaves Up,
     *     or no Final comes within a Detection Time
     */
    public void verify(final CompletableFuture<Boolean> result) {
        if (sessionState != State.UP || deleting) {
            result.complete(false);
            return;
        }
        poll.verify(result);
        refresh();
        transmitter.ensure();
    }

    /**
     * RFC 5880 §6.8.16: the session goes AdminDown and keeps telling its peer so, periodically, for
     * a Detection Time ("BFD Control packets SHOULD be transmitted for at least a Detection Time
     * after transitioning to AdminDown state"); then it is gone and {@code gone} runs.
     *
     * @param whenDone runs once the session sends and receives nothing any more
     */
    public void delete(final Runnable whenDone) {
        if (gone || deleting) {
            return;
        }
        deleting = true;
        whenGone = whenDone;
        if (sessionState != State.ADMIN_DOWN) {
            event(BfdEvent.ADMIN_DOWN);
        }
        if (passiveSilent()) {
            // A passive session that does not know its peer has nobody to tell (RFC 5880 §6.8.7).
            finish();
            return;
        }
        // At least the peer's Detection Time of our packets at the AdminDown rate, and our own.
        final long forNanos = Math.max(demandDetectionNanos(), detectionTimeNanos());
        linger = scheduler.schedule(this::finish, forNanos);
    }

    /**
     * A deleted session is configured again before it is gone: it stays, still AdminDown, and
     * takes its new configuration through {@link #modify} and {@link #adminUp()}.
     */
    public void keep() {
        if (deleting && !gone) {
            deleting = false;
            whenGone = null;
            if (linger != null) {
                linger.cancel();
                linger = null;
            }
        }
    }

    private void finish() {
        linger = null;
        gone = true;
        transmitter.stop();
        detector.stop();
        poll.stop();
        echo.stop();
        final Runnable done = whenGone;
        whenGone = null;
        if (done != null) {
            done.run();
        }
    }

    private void event(final BfdEvent event) {
        final Transition transition = Fsm.next(sessionState, event);
        apply(transition);
        refresh();
        if (transition.changed()) {
            listener.onTransition(this, transition);
        }
        if (transition.has(Action.SEND_NOW) || transition.has(Action.SEND_ADMIN_DOWN)) {
            sendControl(false);
        }
        transmitter.ensure();
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
            // RFC 5880 §6.1, §6.8.16: leaving Up stops Echo; a Poll Sequence only runs while Up.
            poll.stop();
            echo.stop();
        }
    }

    /**
     * Brings what we advertise in line with the configuration and the state (RFC 5880 §6.8.3), and
     * starts a Poll Sequence where a change needs one (§6.5, §6.6, §6.8.3). While the session is
     * not Up, bfd.DesiredMinTxInterval is at least one second and changes apply at once. While
     * Echo is active, bfd.RequiredMinRxInterval is at least one second: we ask the peer to slow
     * down, and keep sending at the rate a peer without Echo needs for its own detection. While Up,
     * a sequence freezes the timers it announces until its Final: a faster TX and a slower RX apply
     * at once, a slower TX and a faster RX only at the Final, so neither side's Detection Time is
     * ever shorter than the packet spacing.
     */
    private void refresh() {
        refresh(clock.nanoTime());
    }

    private void refresh(final long now) {
        echo.update();
        detectMult = config.detectMult();
        demandMode = config.demand();
        final boolean demandNow = demandActive();
        if (wasDemandActive && !demandNow) {
            // RFC 5880 §6.6, §6.8.4: the Detection Time was not running; it starts again now.
            lastRxNanos = now;
            detector.arm(now);
        }
        wasDemandActive = demandNow;
        final long tx = sessionState == State.UP ? config.desiredMinTxUs()
            : Math.max(config.desiredMinTxUs(), Timing.SLOW_TX_US);
        final long rx = echoActive ? Math.max(config.requiredMinRxUs(), Timing.SLOW_TX_US) : config.requiredMinRxUs();
        if (sessionState != State.UP) {
            desiredMinTxInterval = tx;
            requiredMinRxInterval = rx;
            activeDesiredMinTx = tx;
            activeRequiredMinRx = rx;
            return;
        }
        if (tx != desiredMinTxInterval || rx != requiredMinRxInterval || poll.changed(this)) {
            poll.want();
        }
        if (poll.canStart(now)) {
            desiredMinTxInterval = tx;
            requiredMinRxInterval = rx;
            activeDesiredMinTx = Math.min(activeDesiredMinTx, tx);
            activeRequiredMinRx = Math.max(activeRequiredMinRx, rx);
            poll.start();
        }
    }

    /**
     * Sends one Control packet with the contents of RFC 5880 §6.8.7.
     *
     * @param fin whether it answers a Poll
     */
    void sendControl(final boolean fin) {
        // RFC 5880 §6.8.7: "A system MUST NOT transmit BFD Control packets if bfd.RemoteDiscr is zero
        // and the system is taking the Passive role", whatever the reason for sending.
        if (gone || passiveSilent()) {
            return;
        }
        // Never P and F together (§6.5); D only while both sides are Up (§6.6, §6.8.7).
        final boolean pollBit = pollActive && !fin;
        final ControlPacket packet = new ControlPacket(localDiag.code(), sessionState, pollBit, fin, false,
            demandBit(), false, detectMult, localDiscr, remoteDiscr, desiredMinTxInterval, requiredMinRxInterval,
            config.echoRxUs(), null);
        counters.tx(sink.send(config, packet, auth));
        final long now = clock.nanoTime();
        lastTxNanos = now;
        poll.cover(this);
        if (pollBit) {
            poll.sent(now);
        }
    }

    /**
     * The Detection Time passed without a valid packet (RFC 5880 §6.8.4).
     *
     * @param latenessNanos how late the check ran
     */
    void detectionExpired(final long latenessNanos) {
        if (sessionState == State.UP || sessionState == State.INIT) {
            listener.onDetection(this, latenessNanos);
            event(BfdEvent.DETECTION_TIMEOUT);
        } else {
            // §6.8.1: bfd.RemoteDiscr is zeroed in every state, AdminDown included.
            apply(Fsm.next(sessionState, BfdEvent.DETECTION_TIMEOUT));
        }
        // §6.8.18: "If the remote system does not receive any BFD Control packets for a Detection
        // Time, it SHOULD reset bfd.RemoteMinRxInterval to its initial value of 1".
        remoteMinRxInterval = 1;
        transmitter.ensure();
    }

    /**
     * A Poll got no Final within the Demand-mode Detection Time (RFC 5880 §6.6, §6.8.4).
     *
     * @param latenessNanos how late the check ran
     */
    void pollExpired(final long latenessNanos) {
        listener.onDetection(this, latenessNanos);
        event(BfdEvent.DETECTION_TIMEOUT);
    }

    /** A Poll Sequence waited for the previous one's late Finals; it may start now. */
    void pollRetry() {
        if (!gone) {
            refresh();
            transmitter.ensure();
        }
    }

    /** A transmit or detection timer of this session ran {@code lateNanos} after its deadline. */
    void timerLag(final long lateNanos, final long nowNanos) {
        listener.onTimerLag(lateNanos, nowNanos);
    }

    @Nullable Authenticator authenticator() {
        return auth;
    }

    /** No Echo came back in time (RFC 5880 §6.8.5): diag Echo Function Failed. */
    void echoFailed(final long latenessNanos) {
        listener.onDetection(this, latenessNanos);
        event(BfdEvent.ECHO_FAILURE);
    }

    /**
     * Whether {@link #delete} ran (the session may still be telling its peer AdminDown).
     *
     * @return true once deleted
     */
    public boolean deleted() {
        return deleting || gone;
    }
}
