/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionListener;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.ClientRegistration;
import org.odlbfd.impl.session.SessionConfig;
import org.odlbfd.impl.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client API as the controller's other code gets it (route tracking): the engine's, after the
 * transport has opened the sockets the session needs. The native transport opens its wildcard
 * socket sets (per VRF, family and kind) only when a session asks for them; the configuration path
 * does it in {@link EmbeddedAgent#apply}, and a session created through the client API alone had no
 * socket to send or receive on until some configured session opened one (found by the static route
 * ITs: tracked next hops stayed Down). The sockets stay open when the registration closes: a set is
 * shared, and the transport keeps it while any session holds it.
 */
public final class ClientSessions implements BfdSessionService {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSessions.class);

    private final BfdEngine engine;
    private final Transport transport;

    ClientSessions(final BfdEngine engine, final Transport transport) {
        this.engine = requireNonNull(engine);
        this.transport = requireNonNull(transport);
    }

    @Override
    public Registration register(final SessionKey key, final SessionParams params, final SessionListener listener) {
        return register(key, params, SessionOptions.DEFAULT, listener);
    }

    @Override
    public Registration register(final SessionKey key, final SessionParams params, final SessionOptions options,
            final SessionListener listener) {
        // the same local address the engine gives the session
        final var source = ClientRegistration.source(key, options);
        if (!transport.open(SessionConfig.of(key.toString(), key, source, params))) {
            LOG.warn("BFD session {} (client API): its sockets could not be opened; packets count as send failures"
                + " until they are", key);
        }
        return engine.register(key, params, options, listener);
    }

    @Override
    public SessionStatus status(final SessionKey key) {
        return engine.status(key);
    }

    @Override
    public CompletableFuture<Boolean> verify(final SessionKey key) {
        return engine.verify(key);
    }
}
