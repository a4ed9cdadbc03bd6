/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

import java.util.concurrent.CompletableFuture;

/**
 * The client API of the BFD engine, in the shape of FRR's lib/bfd.h: a client registers interest
 * in a session (creating it when nobody else has), updates the parameters it wants, and closes its
 * registration when done. A session created by clients lives while at least one registration does;
 * a session configured by an operator lives as long as its configuration, whoever listens.
 */
public interface BfdSessionService {
    /**
     * Registers interest in a session and starts it if it does not run yet. The listener hears
     * the current status at once, then every later transition.
     *
     * @param key the session
     * @param params the timers this client wants; an operator's configuration takes precedence
     * @param listener receives transitions
     * @return the registration; close it to unregister
     */
    Registration register(SessionKey key, SessionParams params, SessionListener listener);

    /**
     * Like {@link #register(SessionKey, SessionParams, SessionListener)}, with the path settings a
     * session this client creates uses (FRR's {@code bfd_sess_set_ipv4_addrs} and
     * {@code bfd_sess_set_hop_count}). A session that already runs keeps its own.
     *
     * @param key the session
     * @param params the timers this client wants; an operator's configuration takes precedence
     * @param options source address and multihop TTL floor
     * @param listener receives transitions
     * @return the registration; close it to unregister
     * @throws UnsupportedOperationException when this service cannot apply the options
     */
    default Registration register(final SessionKey key, final SessionParams params, final SessionOptions options,
            final SessionListener listener) {
        if (!options.equals(SessionOptions.DEFAULT)) {
            throw new UnsupportedOperationException("this session service takes no session options");
        }
        return register(key, params, listener);
    }

    /**
     * The last known status of a session.
     *
     * @param key the session
     * @return its status, or null if no such session runs
     */
    SessionStatus status(SessionKey key);

    /**
     * Verifies bidirectional connectivity now with a Poll Sequence (RFC 5880 §6.5, §6.6): the
     * session sends Control packets with the Poll bit until the peer answers with the Final bit.
     * In Demand mode this is how a client checks a path that carries no periodic packets; in
     * Asynchronous mode it checks that the peer answers at once. A poll already running (a timer
     * change, say) counts: its Final verifies too.
     *
     * @param key the session
     * @return completes with true when the Final arrives; with false when the session is not Up,
     *     leaves Up, or no Final comes within one Detection Time (in Demand mode the session then
     *     goes Down, RFC 5880 §6.8.4); exceptionally with {@link IllegalArgumentException} when no
     *     such session runs
     */
    CompletableFuture<Boolean> verify(SessionKey key);

    /**
     * One client's hold on a session.
     */
    interface Registration extends AutoCloseable {
        /**
         * The session this registration holds.
         *
         * @return the key
         */
        SessionKey key();

        /**
         * Asks for other timers; applied through a Poll sequence (RFC 5880 §6.8.3).
         *
         * @param params the timers this client wants now
         */
        void update(SessionParams params);

        /**
         * Unregisters; the last client's close deletes a client-created session, which first
         * tells its peer AdminDown (RFC 5880 §6.8.16).
         */
        @Override
        void close();
    }
}
