/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;
import org.odlbfd.impl.fsm.Transition;

/**
 * The state variables of RFC 5880 §6.8.1, named as there (without the "bfd." prefix), and the
 * read-only views the engine's snapshots need. {@link Session} holds the behaviour.
 */
abstract class SessionVars {
    SessionConfig config;
    final int localDiscr;
    final SessionCounters counters;

    /** bfd.SessionState. */
    State sessionState = State.DOWN;
    /** bfd.RemoteSessionState. */
    State remoteSessionState = State.DOWN;
    /** bfd.RemoteDiscr. */
    int remoteDiscr;
    /** bfd.LocalDiag. */
    Diagnostic localDiag = Diagnostic.NONE;
    /** The Diag of the last packet received. */
    Diagnostic remoteDiag = Diagnostic.NONE;
    /** bfd.DesiredMinTxInterval as advertised, in microseconds. */
    long desiredMinTxInterval;
    /** bfd.RequiredMinRxInterval as advertised, in microseconds. */
    long requiredMinRxInterval;
    /** bfd.RemoteMinRxInterval; RFC 5880 §6.8.1 initializes it to 1. */
    long remoteMinRxInterval = 1;
    /** The peer's Desired Min TX Interval. */
    long remoteDesiredMinTxInterval;
    /** The peer's Required Min Echo RX Interval. */
    long remoteMinEchoRxInterval;
    /** The peer's Detect Mult. */
    int remoteDetectMult;
    /** bfd.DemandMode. */
    boolean demandMode;
    /** bfd.RemoteDemandMode. */
    boolean remoteDemandMode;
    /** bfd.DetectMult. */
    int detectMult;
    /** The TX interval in force (differs from the advertised one during a Poll Sequence). */
    long activeDesiredMinTx;
    /** The RX interval in force (differs from the advertised one during a Poll Sequence). */
    long activeRequiredMinRx;
    /** A Poll Sequence is in progress (RFC 5880 §6.5). */
    boolean pollActive;
    boolean echoActive;
    /** When the last valid packet arrived (the Detection Time runs from it, RFC 5880 §6.8.4). */
    long lastRxNanos;
    /** When the last Control packet left, periodic or not (RFC 5880 §6.8.3: the next one is due an interval later). */
    long lastTxNanos;
    /** {@code delete()} ran: AdminDown is being sent for a Detection Time (RFC 5880 §6.8.16). */
    boolean deleting;
    /** The session is gone: it neither sends nor receives any more. */
    boolean gone;
    @Nullable AuthType remoteAuthType;

    SessionVars(final SessionConfig config, final int localDiscr, final SessionCounters counters) {
        if (localDiscr == 0) {
            throw new IllegalArgumentException("bfd.LocalDiscr must be non-zero (RFC 5880 section 6.8.1)");
        }
        this.config = config;
        this.localDiscr = localDiscr;
        this.counters = counters;
        this.remoteDiscr = config.staticRemoteDiscr();
        this.detectMult = config.detectMult();
    }

    /**
     * Configuration in force.
     *
     * @return config
     */
    public final SessionConfig config() {
        return config;
    }

    /**
     * bfd.LocalDiscr.
     *
     * @return discriminator
     */
    public final int localDiscr() {
        return localDiscr;
    }

    /**
     * bfd.RemoteDiscr.
     *
     * @return discriminator, 0 when unknown
     */
    public final int remoteDiscr() {
        return remoteDiscr;
    }

    /**
     * bfd.SessionState.
     *
     * @return state
     */
    public final State sessionState() {
        return sessionState;
    }

    /**
     * bfd.RemoteSessionState.
     *
     * @return state
     */
    public final State remoteSessionState() {
        return remoteSessionState;
    }

    /**
     * bfd.LocalDiag.
     *
     * @return diagnostic
     */
    public final Diagnostic localDiag() {
        return localDiag;
    }

    /**
     * The peer's last Diag.
     *
     * @return diagnostic
     */
    public final Diagnostic remoteDiag() {
        return remoteDiag;
    }

    /**
     * The peer's Detect Mult.
     *
     * @return multiplier, 0 before the first packet
     */
    public final int remoteDetectMult() {
        return remoteDetectMult;
    }

    /**
     * bfd.RemoteDemandMode.
     *
     * @return whether the peer asks for Demand mode
     */
    public final boolean remoteDemandMode() {
        return remoteDemandMode;
    }

    /**
     * Whether a Poll Sequence is in progress.
     *
     * @return true while polling
     */
    public final boolean pollActive() {
        return pollActive;
    }

    /**
     * Whether the echo function runs.
     *
     * @return true while echo is active
     */
    public final boolean echoActive() {
        return echoActive;
    }

    /**
     * RFC 5880 §6.6, §6.8: Demand mode is active for us when we asked for it and both sides are Up.
     *
     * @return true when the Detection Time is not used
     */
    public final boolean demandActive() {
        return demandMode && sessionState == State.UP && remoteSessionState == State.UP;
    }

    /**
     * RFC 5880 §6.8: Demand mode is active on the remote system when its last packet had the D bit
     * and both sides are Up; we then send no periodic packets (§6.8.7).
     *
     * @return true when the peer asked us to stop periodic transmission
     */
    final boolean remoteDemandActive() {
        return remoteDemandMode && sessionState == State.UP && remoteSessionState == State.UP;
    }

    /**
     * The D bit of the next packet: RFC 5880 §6.8.7 sets it to bfd.DemandMode only while both sides
     * are Up.
     *
     * @return the Demand bit to send
     */
    final boolean demandBit() {
        return demandActive();
    }

    /**
     * Whether the operator holds the session Down with a Required Min RX Interval of zero (RFC 5880
     * §6.8.18: the peer must then send no periodic packets, so there would be nothing to detect).
     *
     * @return true while bfd.RequiredMinRxInterval is configured as 0
     */
    final boolean heldDown() {
        return config.requiredMinRxUs() == 0;
    }

    /**
     * RFC 5880 §6.2: "A system MAY hold a session in Down state indefinitely (by simply refusing to
     * advance the session state)". We do so while bfd.RequiredMinRxInterval is configured as 0.
     *
     * @param transition what the state machine says
     * @return the transition, or none when it would leave Down while held
     */
    final Transition hold(final Transition transition) {
        return heldDown() && (transition.to() == State.INIT || transition.to() == State.UP)
            ? new Transition(transition.from(), transition.from(), null, Set.of()) : transition;
    }

    /**
     * RFC 5880 §6.8.7: "A system MUST NOT transmit BFD Control packets if bfd.RemoteDiscr is zero
     * and the system is taking the Passive role".
     *
     * @return true while the session is passive and does not know the remote discriminator
     */
    final boolean passiveSilent() {
        return config.passive() && remoteDiscr == 0;
    }

    /**
     * The periodic transmit interval before jitter (RFC 5880 §6.8.7).
     *
     * @return microseconds
     */
    public final long negotiatedTxUs() {
        return Timing.txIntervalUs(activeDesiredMinTx, remoteMinRxInterval);
    }

    /**
     * The interval at which we expect the peer's packets.
     *
     * @return microseconds
     */
    public final long negotiatedRxUs() {
        return Math.max(activeRequiredMinRx, remoteDesiredMinTxInterval);
    }

    /**
     * The Detection Time (RFC 5880 §6.8.4): in Asynchronous mode the peer's Detect Mult times the
     * slower of our RX and its TX; in Demand mode our Detect Mult times our own transmit interval,
     * counted from the first packet of a Poll Sequence.
     *
     * @return microseconds, 0 before the first packet
     */
    public final long detectionTimeUs() {
        return demandActive() ? demandDetectionNanos() / 1000
            : Timing.detectionTimeUs(remoteDetectMult, activeRequiredMinRx, remoteDesiredMinTxInterval);
    }

    /**
     * The Asynchronous-mode Detection Time.
     *
     * @return nanoseconds
     */
    final long detectionTimeNanos() {
        return Timing.detectionTimeUs(remoteDetectMult, activeRequiredMinRx, remoteDesiredMinTxInterval) * 1000;
    }

    /**
     * RFC 5880 §6.8.4: the Demand-mode Detection Time, bfd.DetectMult times the agreed transmit
     * interval of the local system. A Poll that gets no Final within it means the path is down.
     *
     * @return nanoseconds
     */
    final long demandDetectionNanos() {
        return detectMult * txIntervalNanos();
    }

    /**
     * The periodic transmit interval in force, before jitter (RFC 5880 §6.8.7).
     *
     * @return nanoseconds
     */
    final long txIntervalNanos() {
        return Timing.txIntervalUs(activeDesiredMinTx, remoteMinRxInterval) * 1000;
    }

    /**
     * The echo transmit interval: ours, but never faster than the peer accepts (RFC 5880 §6.8.9).
     *
     * @return microseconds
     */
    final long echoTxIntervalUs() {
        return Math.max(config.echoTxUs(), remoteMinEchoRxInterval);
    }

    /**
     * The echo transmit interval in use.
     *
     * @return microseconds, 0 when echo is not active
     */
    public final long echoTxUsInUse() {
        return echoActive ? echoTxIntervalUs() : 0;
    }

    /**
     * The statistics.
     *
     * @return a copy
     */
    public final SessionCounters.Snapshot statistics() {
        return counters.snapshot();
    }

    /**
     * Sets the statistics back to zero, as an operator's {@code clear statistics} asks; the session
     * itself (state, timers, discriminators) is untouched.
     */
    public final void clearStatistics() {
        counters.clear();
    }

    /**
     * The authentication type of the peer's last packet.
     *
     * @return type, or null when it was unauthenticated
     */
    public final @Nullable AuthType remoteAuthType() {
        return remoteAuthType;
    }
}
