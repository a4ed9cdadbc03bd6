/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionListener;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;

/**
 * The BFD client API at the unit test's edge: records registrations and lets the test play the
 * engine's transitions. Listeners are called on the test's thread, as the engine calls them on its own.
 */
final class FakeSessions implements BfdSessionService {
    /** One registration. */
    static final class Reg implements Registration {
        final SessionKey key;
        final SessionOptions options;
        final SessionListener listener;
        volatile SessionParams params;
        volatile boolean closed;

        Reg(final SessionKey key, final SessionParams params, final SessionOptions options,
                final SessionListener listener) {
            this.key = key;
            this.params = params;
            this.options = options;
            this.listener = listener;
        }

        @Override
        public SessionKey key() {
            return key;
        }

        @Override
        public void update(final SessionParams newParams) {
            params = newParams;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<Reg> registrations = new CopyOnWriteArrayList<>();

    @Override
    public Registration register(final SessionKey key, final SessionParams params, final SessionListener listener) {
        return register(key, params, SessionOptions.DEFAULT, listener);
    }

    @Override
    public Registration register(final SessionKey key, final SessionParams params, final SessionOptions options,
            final SessionListener listener) {
        final Reg reg = new Reg(key, params, options, listener);
        registrations.add(reg);
        // the engine's first call: the status now (a new session is Down)
        listener.onStatusChange(key, SessionStatus.initial(Instant.now()));
        return reg;
    }

    @Override
    public @Nullable SessionStatus status(final SessionKey key) {
        return null;
    }

    @Override
    public java.util.concurrent.CompletableFuture<Boolean> verify(final SessionKey key) {
        // the tracker never verifies; a Poll needs a real engine (engine.Rfc5880DemandModeTest)
        return java.util.concurrent.CompletableFuture.completedFuture(false);
    }

    List<Reg> open(final SessionKey key) {
        return registrations.stream().filter(r -> r.key.equals(key) && !r.closed).toList();
    }

    /** The engine reports a transition to every open registration of the key. */
    void transition(final SessionKey key, final State from, final State to, final State remote) {
        final var status = new SessionStatus(to, from, to == State.UP ? Diagnostic.NONE : remote == State.ADMIN_DOWN
            ? Diagnostic.NEIGHBOR_DOWN : Diagnostic.CONTROL_EXPIRY, remote, Diagnostic.NONE, Instant.now());
        for (Reg reg : open(key)) {
            reg.listener.onStatusChange(key, status);
        }
    }

    void up(final SessionKey key) {
        transition(key, State.INIT, State.UP, State.UP);
    }

    void down(final SessionKey key) {
        transition(key, State.UP, State.DOWN, State.DOWN);
    }

    void peerAdminDown(final SessionKey key) {
        transition(key, State.UP, State.DOWN, State.ADMIN_DOWN);
    }
}
