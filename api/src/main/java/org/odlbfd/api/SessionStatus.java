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
 */
public record SessionStatus(State state, State previousState, Diagnostic localDiagnostic,
        Diagnostic remoteDiagnostic, Instant changedAt) {
    /**
     * Checks the components.
     *
     * @param state the state now
     * @param previousState the state before this change
     * @param localDiagnostic why the local system last left Up
     * @param remoteDiagnostic the Diag the peer last sent
     * @param changedAt when the state changed
     */
    public SessionStatus {
        requireNonNull(state, "state");
        requireNonNull(previousState, "previousState");
        requireNonNull(localDiagnostic, "localDiagnostic");
        requireNonNull(remoteDiagnostic, "remoteDiagnostic");
        requireNonNull(changedAt, "changedAt");
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
