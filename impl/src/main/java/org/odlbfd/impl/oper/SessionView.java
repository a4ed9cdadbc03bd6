/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;
import org.odlbfd.impl.config.SessionConfig;
import org.odlbfd.impl.engine.DetectionMode;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.session.ReceiveGap;

/**
 * Everything the config-false leaves of one ietf-bfd session need, as plain values. The engine's
 * snapshots are turned into this in one place, and {@link OperMapper} turns this into bindings.
 * Intervals are microseconds; zero discriminators mean "not known yet" and are left out.
 *
 * @param config the configuration the session runs with
 * @param localDiscriminator bfd.LocalDiscr
 * @param remoteDiscriminator bfd.RemoteDiscr, 0 while unknown
 * @param remoteMultiplier the peer's Detect Mult, 0 while unknown
 * @param demandCapability whether the local system may use demand mode
 * @param sourcePort UDP source port, 0 while unbound
 * @param destPort UDP destination port
 * @param localState bfd.SessionState
 * @param remoteState bfd.RemoteSessionState
 * @param localDiagnostic bfd.LocalDiag
 * @param remoteDiagnostic the Diag last received
 * @param remoteAuthType the peer's authentication type, null without authentication
 * @param detectionMode asynchronous or demand, with or without echo, as the engine runs it
 * @param negotiatedTxUs negotiated transmit interval
 * @param negotiatedRxUs negotiated receive interval
 * @param detectionTimeUs detection time
 * @param echoTxUs echo transmit interval in use, 0 without echo
 * @param createTime when the session was created
 * @param lastUpTime when it last went Up, or null
 * @param lastDownTime when it last went Down, or null
 * @param downCount times the session went Down
 * @param adminDownCount times the session went AdminDown
 * @param rxPackets control packets received
 * @param txPackets control packets sent
 * @param rxInvalid control packets received and discarded
 * @param txFailed control packets that could not be sent
 * @param transportStatus the transport's problem with the session (odl-bfd-ext transport-status), or null
 * @param policy the stability policies' state (odl-bfd-ext session-policy-state), or null before the
 *     engine reported it
 */
public record SessionView(SessionConfig config, int localDiscriminator, int remoteDiscriminator,
        int remoteMultiplier, boolean demandCapability, int sourcePort, int destPort, State localState,
        State remoteState, Diagnostic localDiagnostic, Diagnostic remoteDiagnostic, @Nullable AuthType remoteAuthType,
        DetectionMode detectionMode, long negotiatedTxUs, long negotiatedRxUs, long detectionTimeUs, long echoTxUs,
        Instant createTime, @Nullable Instant lastUpTime, @Nullable Instant lastDownTime, long downCount,
        long adminDownCount, long rxPackets, long txPackets, long rxInvalid, long txFailed,
        @Nullable String transportStatus, @Nullable PolicySnapshot policy, ReceiveGap largestRxGap) {
    /**
     * Checks the components.
     */
    public SessionView {
        requireNonNull(config);
        requireNonNull(localState);
        requireNonNull(remoteState);
        requireNonNull(localDiagnostic);
        requireNonNull(remoteDiagnostic);
        requireNonNull(createTime);
        requireNonNull(detectionMode);
        requireNonNull(largestRxGap);
    }

    /**
     * Whether the echo function runs.
     *
     * @return true with echo
     */
    public boolean echoActive() {
        return detectionMode == DetectionMode.ASYNC_WITH_ECHO || detectionMode == DetectionMode.DEMAND_WITH_ECHO;
    }

    /**
     * The view of a running session from the engine's snapshot.
     *
     * @param config its configuration
     * @param snapshot what the engine reported
     * @return the view
     */
    public static SessionView of(final SessionConfig config, final SessionSnapshot snapshot) {
        return of(config, snapshot, null);
    }

    /**
     * The view of a running session from the engine's snapshot and its policy state.
     *
     * @param config its configuration
     * @param snapshot what the engine reported
     * @param policy the policy state, or null
     * @return the view
     */
    public static SessionView of(final SessionConfig config, final SessionSnapshot snapshot,
            final @Nullable PolicySnapshot policy) {
        final var stats = snapshot.statistics();
        return new SessionView(config, snapshot.localDiscr(), snapshot.remoteDiscr(), snapshot.remoteMultiplier(),
            config.demand(), snapshot.sourcePort(), snapshot.destPort(), snapshot.localState(),
            snapshot.remoteState(), snapshot.localDiag(), snapshot.remoteDiag(), snapshot.remoteAuthType(),
            snapshot.detectionMode(),
            snapshot.negotiatedTxUs(), snapshot.negotiatedRxUs(), snapshot.detectionTimeUs(), snapshot.echoTxUs(),
            Instant.ofEpochMilli(stats.createTimeMillis()), instant(stats.lastUpMillis()),
            instant(stats.lastDownMillis()), stats.downCount(), stats.adminDownCount(), stats.rxPackets(),
            stats.txPackets(), stats.rxInvalid(), stats.txFailed(), snapshot.transportStatus(), policy,
            stats.largestGap());
    }

    /**
     * This view with another policy state: the periodic refresh brings counters, never the policy
     * state, which only the engine's policy reports change.
     *
     * @param other the policy state, or null
     * @return the view
     */
    public SessionView withPolicy(final @Nullable PolicySnapshot other) {
        return other == policy ? this : new SessionView(config, localDiscriminator, remoteDiscriminator,
            remoteMultiplier, demandCapability, sourcePort, destPort, localState, remoteState, localDiagnostic,
            remoteDiagnostic, remoteAuthType, detectionMode, negotiatedTxUs, negotiatedRxUs, detectionTimeUs,
            echoTxUs, createTime, lastUpTime, lastDownTime, downCount, adminDownCount, rxPackets, txPackets,
            rxInvalid, txFailed, transportStatus, other, largestRxGap);
    }

    private static @Nullable Instant instant(final long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }
}
