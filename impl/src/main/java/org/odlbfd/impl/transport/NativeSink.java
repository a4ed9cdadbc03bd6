/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.SessionConfig;

/**
 * One engine shard's way out through the native sockets: every packet due in a tick goes into the
 * {@link SendBatch} of its socket, and {@link #flush()} hands each batch to the kernel in one
 * sendmmsg (PERF-NOTES rules 1-2), whatever the packets' source addresses: they are chosen per
 * datagram (IP_PKTINFO), and so are the outgoing interface of single-hop packets and the TTL of
 * multihop ones (tx-ttl) and of looped-back Echo (254). A datagram the kernel refuses (its source
 * address does not exist yet: EADDRNOTAVAIL) is charged to its session, whose transport status
 * names the error until one of its packets leaves again. Used on its loop's thread only.
 */
final class NativeSink implements PacketSink, SendBatch.Outcome {
    private static final int MAX_ROUTES = 1 << 16;
    private static final int REFLECT_TTL = 254;

    private final NativeTransport transport;
    private final int loop;
    private final List<SendBatch> dirty = new ArrayList<>(4);
    private final Map<SessionConfig, Target> targets = new IdentityHashMap<>();
    private final Map<SessionConfig, Target> echoTargets = new IdentityHashMap<>();
    private final Map<SessionKey, TxError> errors = new HashMap<>();

    /** A session's socket batch and route, cached per configuration object. */
    record Target(SendBatch batch, SendBatch.Route route, int ttl) {
    }

    private static final class TxError {
        int errno;
        long count;
        long sinceMillis;
    }

    NativeSink(final NativeTransport transport, final int loop) {
        this.transport = transport;
        this.loop = loop;
    }

    @Override
    public boolean send(final SessionConfig session, final ControlPacket packet, final @Nullable Authenticator auth) {
        final Target target = target(session, false);
        if (target == null) {
            return false;
        }
        final ByteBuf out = target.batch().begin(this);
        if (auth != null) {
            if (!auth.encode(packet, out)) {
                return false;
            }
        } else {
            ControlPacketCodec.encode(packet, out);
        }
        commit(target, target.ttl(), session);
        return true;
    }

    @Override
    public boolean sendEcho(final SessionConfig session, final int localDiscr, final long sequence,
            final long nonce) {
        final Target target = target(session, true);
        if (target == null) {
            return false;
        }
        EchoPacket.encode(localDiscr, sequence, nonce, target.batch().begin(this));
        commit(target, 0, session);
        return true;
    }

    @Override
    public boolean reflectEcho(final SessionConfig session, final byte[] payload) {
        final SendBatch.Route back = transport.reflectRoute(session);
        final SendBatch batch = transport.echoBatch(session, loop);
        if (back == null || batch == null) {
            return false;
        }
        batch.begin(this).writeBytes(payload);
        batch.commit(back, REFLECT_TTL, null);
        markDirty(batch);
        return true;
    }

    private void commit(final Target target, final int ttl, final SessionConfig session) {
        target.batch().commit(target.route(), ttl, session);
        markDirty(target.batch());
    }

    private void markDirty(final SendBatch batch) {
        if (!dirty.contains(batch)) {
            dirty.add(batch);
        }
    }

    private @Nullable Target target(final SessionConfig session, final boolean echo) {
        final Map<SessionConfig, Target> cache = echo ? echoTargets : targets;
        Target target = cache.get(session);
        if (target == null) {
            target = transport.target(session, loop, echo);
            if (target == null) {
                return null;
            }
            if (cache.size() >= MAX_ROUTES) {
                cache.clear();
            }
            cache.put(session, target);
        }
        return target;
    }

    /** Forgets cached targets: sockets were closed or reopened. */
    void invalidate() {
        targets.clear();
        echoTargets.clear();
    }

    @Override
    public void flush() {
        for (SendBatch batch : dirty) {
            batch.flush(this);
        }
        dirty.clear();
    }

    @Override
    public void sent(final @Nullable SessionConfig session, final int errno) {
        if (session == null || errno == 0 && errors.isEmpty()) {
            return;
        }
        if (errno == 0) {
            errors.remove(session.key());
            return;
        }
        final TxError error = errors.computeIfAbsent(session.key(), key -> new TxError());
        if (error.errno != errno || error.count == 0) {
            error.sinceMillis = System.currentTimeMillis();
        }
        error.errno = errno;
        error.count++;
    }

    @Override
    public @Nullable String echoAddressing(final SessionConfig session) {
        return transport.echoHint(session);
    }

    @Override
    public @Nullable String transportStatus(final SessionConfig session) {
        final String open = transport.status(session);
        if (open != null) {
            return open;
        }
        if (target(session, false) == null) {
            return "cannot send: " + transport.targetProblem(session);
        }
        final TxError error = errors.get(session.key());
        return error == null ? null : "send failed: " + Errno.describe(error.errno) + " (" + error.count
            + " packets since " + java.time.Instant.ofEpochMilli(error.sinceMillis) + ")";
    }
}
