/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One observation of a session's state. Every transition carries the state it left, so that a
 * client can tell Init-to-Down from Up-to-Down without keeping its own history (the shape of
 * FRR's {@code bfd_session_status}).
 *
 * @param state the state now
 * @param previousState the state before this change
 * @param localDiagnostic why the local system last left Up (RFC 5880 §6.8.1 bfd.LocalDiag)
 * @param remoteDiagnostic the Diag the peer last sent
 * @param changedAt when the state changed
 * @param remoteState the State the peer last sent (bfd.RemoteSessionState): a Down with a remote
 *        AdminDown is the peer's administrative action, not a path failure (RFC 5882 §3.2), which
 *        neither the local diagnostic (3, Neighbor Signaled Session Down, either way) nor the peer's
 *        diagnostic (FRR sends 0 with AdminDown) tells
 */
public record SessionStatus(State state, State previousState, Diagnostic localDiagnostic,
        Diagnostic remoteDiagnostic, Instant changedAt, State remoteState) {
    /**
     * Checks the components.
     *
     * @param state the state now
     * @param previousState the state before this change
     * @param localDiagnostic why the local system last left Up
     * @param remoteDiagnostic the Diag the peer last sent
     * @param changedAt when the state changed
     * @param remoteState the State the peer last sent
     */
    public SessionStatus {
        requireNonNull(state, "state");
        requireNonNull(previousState, "previousState");
        requireNonNull(localDiagnostic, "localDiagnostic");
        requireNonNull(remoteDiagnostic, "remoteDiagnostic");
        requireNonNull(changedAt, "changedAt");
        requireNonNull(remoteState, "remoteState");
    }

    /**
     * A status whose remote state is not known: Down, as RFC 5880 §6.8.1 initialises
     * bfd.RemoteSessionState.
     *
     * @param state the state now
     * @param previousState the state before this change
     * @param localDiagnostic why the local system last left Up
     * @param remoteDiagnostic the Diag the peer last sent
     * @param changedAt when the state changed
     */
    public SessionStatus(final State state, final State previousState, final Diagnostic localDiagnostic,
            final Diagnostic remoteDiagnostic, final Instant changedAt) {
        this(state, previousState, localDiagnostic, remoteDiagnostic, changedAt, State.DOWN);
    }

    /**
     * Whether the session is Down because the peer said AdminDown (RFC 5880 §6.8.6, RFC 5882 §3.2).
     *
     * @return true when Down and the peer's last state was AdminDown
     */
    public boolean peerAdminDown() {
        return state == State.DOWN && remoteState == State.ADMIN_DOWN;
    }

    /**
     * The status of a session that has just been created: Down, no diagnostic (RFC 5880 §6.8.1).
     *
     * @param createdAt creation time
     * @return initial status
     */
    public static SessionStatus initial(final Instant createdAt) {
        return new SessionStatus(State.DOWN, State.DOWN, Diagnostic.NONE, Diagnostic.NONE, createdAt);
    }
}
