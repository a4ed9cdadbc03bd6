/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Flushes once per tick: the first write of a tick queues one flush task behind everything the
 * loop has to do now, so that every packet due in this tick leaves in one batch (sendmmsg).
 */
final class TickSink implements PacketSink {
    private final PacketSink delegate;
    private final Scheduler scheduler;
    private final Runnable flushTask = this::flush;
    private boolean flushQueued;

    TickSink(final PacketSink delegate, final Scheduler scheduler) {
        this.delegate = delegate;
        this.scheduler = scheduler;
    }

    @Override
    public boolean send(final SessionConfig session, final ControlPacket packet, final @Nullable Authenticator auth) {
        queueFlush();
        return delegate.send(session, packet, auth);
    }

    @Override
    public boolean sendEcho(final SessionConfig session, final int localDiscr, final long sequence,
            final long nonce) {
        queueFlush();
        return delegate.sendEcho(session, localDiscr, sequence, nonce);
    }

    @Override
    public boolean reflectEcho(final SessionConfig session, final byte[] payload) {
        queueFlush();
        return delegate.reflectEcho(session, payload);
    }

    @Override
    public @Nullable String transportStatus(final SessionConfig session) {
        return delegate.transportStatus(session);
    }

    @Override
    public @Nullable String echoAddressing(final SessionConfig session) {
        return delegate.echoAddressing(session);
    }

    @Override
    public void flush() {
        flushQueued = false;
        delegate.flush();
    }

    private void queueFlush() {
        if (!flushQueued) {
            flushQueued = true;
            scheduler.execute(flushTask);
        }
    }
}
