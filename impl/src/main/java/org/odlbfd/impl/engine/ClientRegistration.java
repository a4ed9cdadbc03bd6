/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionListener;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;

/**
 * One client's hold on a session. Its methods only submit inputs; the engine thread does the work.
 */
public final class ClientRegistration implements BfdSessionService.Registration {
    private final BfdEngine engine;
    private final SessionKey key;
    private final SessionListener listener;
    private final SessionOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SessionParams params;

    ClientRegistration(final BfdEngine engine, final SessionKey key, final SessionParams params,
            final SessionOptions options, final SessionListener listener) {
        this.engine = requireNonNull(engine);
        this.key = requireNonNull(key);
        this.params = requireNonNull(params);
        this.options = requireNonNull(options);
        this.listener = requireNonNull(listener);
    }

    /**
     * The local address a client's session sends from. A multihop key names it (RFC 5883 §4.1),
     * unless the client chose another source; a wildcard source leaves the choice to the transport
     * and accepts packets on any address. The engine and the sockets opened for the session
     * ({@code ClientSessions}) both take it from here.
     *
     * @param key the session
     * @param options the client's options
     * @return the source address, or null for the transport's choice
     */
    public static @Nullable InetAddress source(final SessionKey key, final SessionOptions options) {
        return options.source() != null ? options.source()
            : key instanceof MultiHopKey mh && !mh.source().isAnyLocalAddress() ? mh.source() : null;
    }

    @Override
    public SessionKey key() {
        return key;
    }

    SessionParams params() {
        return params;
    }

    SessionOptions options() {
        return options;
    }

    SessionListener listener() {
        return listener;
    }

    @Override
    public void update(final SessionParams newParams) {
        if (!closed.get()) {
            params = requireNonNull(newParams);
            engine.submit(new EngineInput.Update(this, newParams));
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.submit(new EngineInput.Unregister(this));
        }
    }
}
