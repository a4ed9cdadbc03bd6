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
 * FRR's {@code bfd_session_status}). It also carries what the peer last said, its State and its
 * Diag, so that a client can tell a peer taken down on purpose (remote state AdminDown) from a
 * path failure: RFC 5882 §3.2 asks clients not to treat the former as a failure.
 *
 * @param state the state now
 * @param previousState the state before this change
 * @param localDiagnostic why the local system last left Up (RFC 5880 §6.8.1 bfd.LocalDiag)
 * @param remoteState the State the peer last sent (bfd.RemoteSessionState)
 * @param remoteDiagnostic the Diag the peer last sent
 * @param changedAt when the state changed
 */
public record SessionStatus(State state, State previousState, Diagnostic localDiagnostic, State remoteState,
        Diagnostic remoteDiagnostic, Instant changedAt) {
    /**
     * Checks the components.
     *
     * @param state the state now
     * @param previousState the state before this change
     * @param localDiagnostic why the local system last left Up
     * @param remoteState the State the peer last sent
     * @param remoteDiagnostic the Diag the peer last sent
     * @param changedAt when the state changed
     */
    public SessionStatus {
        requireNonNull(state, "state");
        requireNonNull(previousState, "previousState");
        requireNonNull(localDiagnostic, "localDiagnostic");
        requireNonNull(remoteState, "remoteState");
        requireNonNull(remoteDiagnostic, "remoteDiagnostic");
        requireNonNull(changedAt, "changedAt");
    }

    /**
     * The status of a session that has just been created: Down, no diagnostic, the peer Down too
     * (RFC 5880 §6.8.1 initial values).
     *
     * @param createdAt creation time
     * @return initial status
     */
    public static SessionStatus initial(final Instant createdAt) {
        return new SessionStatus(State.DOWN, State.DOWN, Diagnostic.NONE, State.DOWN, Diagnostic.NONE, createdAt);
    }

    /**
     * Whether the peer took the session down on purpose: it last said AdminDown. RFC 5882 §3.2: a
     * client SHOULD NOT treat that as a failure of the path.
     *
     * @return true when the peer's last State was AdminDown
     */
    public boolean peerAdminDown() {
        return remoteState == State.ADMIN_DOWN;
    }
}
