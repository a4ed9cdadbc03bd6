/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * Why a session is not Up for its clients, in words an operator understands (Huawei's "Session Not
 * Up Reason"): the first cause that applies, most specific first, followed by what the policies add
 * (damped until, waiting to restore). A pure function of the facts, so that it is tested without a
 * session.
 */
public final class NotUpReason {
    /**
     * What is known about a session when its reason is written. Times are epoch milliseconds, 0 for
     * never.
     *
     * @param state bfd.SessionState
     * @param remoteState bfd.RemoteSessionState
     * @param localDiag bfd.LocalDiag
     * @param remoteDiag the peer's last Diag
     * @param deleting the session was deleted and tells its peer AdminDown (RFC 5880 §6.8.16)
     * @param rxZeroHold our Required Min RX Interval is configured 0 (RFC 5880 §6.8.18)
     * @param passiveWaiting passive and the peer's discriminator unknown (RFC 5880 §6.1)
     * @param createdMillis when the session was created
     * @param rxPackets valid packets received so far
     * @param lastRxMillis when the last valid packet arrived
     * @param authRejects packets discarded by authentication so far
     * @param authFailing authentication discards came after the last valid packet
     * @param txFailed packets that could not be sent so far
     * @param sendFailing send failures came after the last packet sent
     * @param local the source address
     * @param transportStatus the transport's error for the session (socket or send), or null
     * @param dampedUntilMillis damped until then, 0 when not damped
     * @param penalty the damping penalty
     * @param reuse the reuse threshold
     * @param waitUntilMillis the clients wait until then to see the session Up, 0 when not
     */
    public record Facts(State state, State remoteState, Diagnostic localDiag, Diagnostic remoteDiag,
            boolean deleting, boolean rxZeroHold, boolean passiveWaiting, long createdMillis, long rxPackets,
            long lastRxMillis, long authRejects, boolean authFailing, long txFailed, boolean sendFailing,
            @Nullable InetAddress local, @Nullable String transportStatus, long dampedUntilMillis, long penalty,
            long reuse, long waitUntilMillis) {
    }

    private NotUpReason() {
        // functions only
    }

    /**
     * The reason.
     *
     * @param facts what is known
     * @param clientState what the clients see
     * @return the reason, or null when the clients see the session Up
     */
    public static @Nullable String of(final Facts facts, final State clientState) {
        if (clientState == State.UP) {
            return null;
        }
        final StringBuilder text = new StringBuilder(wire(facts));
        if (facts.dampedUntilMillis() != 0) {
            text.append(facts.state() == State.UP ? "Up on the wire, but damped until " : "; damped until ")
                .append(time(facts.dampedUntilMillis())).append(" (flap penalty ").append(facts.penalty())
                .append(", reused below ").append(facts.reuse()).append(')');
        } else if (facts.waitUntilMillis() != 0) {
            text.append("Up on the wire since a failure; its clients wait to restore until ")
                .append(time(facts.waitUntilMillis()));
        }
        return text.toString();
    }

    /** Why the protocol itself is not Up; empty when it is. */
    private static String wire(final Facts facts) {
        if (facts.state() == State.UP) {
            return "";
        }
        if (facts.deleting()) {
            return "deleted: telling the peer AdminDown for a Detection Time before it goes (RFC 5880 6.8.16)";
        }
        if (facts.state() == State.ADMIN_DOWN) {
            return "admin-down here: the peer is told AdminDown (RFC 5880 6.8.16)";
        }
        if (facts.transportStatus() != null) {
            return "transport: " + facts.transportStatus();
        }
        if (facts.rxZeroHold()) {
            return "held Down: required-min-rx-interval is 0, so the peer sends nothing to detect (RFC 5880 6.8.18)";
        }
        if (facts.remoteState() == State.ADMIN_DOWN && facts.lastRxMillis() != 0) {
            return "peer admin-down: it signalled AdminDown" + diag(facts.remoteDiag()) + " (last packet at "
                + time(facts.lastRxMillis()) + ")";
        }
        if (facts.passiveWaiting()) {
            return "passive: sends nothing until the peer's first packet arrives (RFC 5880 6.1); none so far";
        }
        if (facts.sendFailing()) {
            return "sending fails from " + address(facts.local()) + " (" + facts.txFailed() + " packets not sent)";
        }
        if (facts.authFailing()) {
            return "authentication failing: " + facts.authRejects() + " packets from the peer discarded (key chain, key"
                + " id or Auth Type differ)";
        }
        if (facts.rxPackets() == 0) {
            return "no packets received from the peer since the session was created at " + time(facts.createdMillis());
        }
        if (facts.state() == State.INIT) {
            return "handshake: we said Init, the peer says " + facts.remoteState().rfcName() + diag(facts.remoteDiag())
                + " (it does not hear us yet)";
        }
        if (facts.remoteState() == State.DOWN && facts.remoteDiag() != Diagnostic.NONE
                && facts.localDiag() == Diagnostic.NEIGHBOR_DOWN) {
            return "peer says Down" + diag(facts.remoteDiag()) + "; no packets received since "
                + time(facts.lastRxMillis());
        }
        return "no packets received since " + time(facts.lastRxMillis()) + (facts.localDiag() == Diagnostic.NONE ? ""
            : " (went Down with diag " + diagName(facts.localDiag()) + ")");
    }

    private static String diag(final Diagnostic diag) {
        return diag == Diagnostic.NONE ? "" : " with diag " + diagName(diag);
    }

    private static String diagName(final Diagnostic diag) {
        return diag.code() + " (" + diag.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")";
    }

    private static String address(final @Nullable InetAddress address) {
        return address == null ? "the address the kernel chooses" : address.getHostAddress();
    }

    /**
     * An operator's timestamp: UTC, to the millisecond.
     *
     * @param millis epoch milliseconds
     * @return ISO-8601
     */
    static String time(final long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
