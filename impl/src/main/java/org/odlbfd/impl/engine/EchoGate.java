/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.net.InetAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Session;
import org.odlbfd.impl.session.SessionConfig;
import org.odlbfd.impl.session.SessionTable;

/**
 * Echo packets (RFC 5880 §6.4, RFC 5881 §4) in and out of one shard: authentic and closed.
 * <ul>
 *   <li>One of ours counts as returned only from the session's peer (peer-address mode: its BFD
 *       system looped it) or from our own address (RFC 5881 §4 mode: its forwarding plane did),
 *       on the session's interface, while Echo runs, with the session's nonce and a recently sent
 *       sequence number ({@code EchoFunction}).</li>
 *   <li>The peer's Echo is looped back only for a single-hop session that advertises a non-zero
 *       Required Min Echo RX Interval, only to that session's peer, only when it arrived with hop
 *       limit 255 (it was sent on this link, RFC 5881 §5), never when already looped once, and no
 *       faster than the advertised interval (a token bucket per session). Anything else is dropped
 *       and counted as BAD_ECHO: the Echo port is no reflector for strangers.</li>
 * </ul>
 */
final class EchoGate {
    private static final int MAX_TTL = 255;
    /** Loop-backs allowed in a burst: the peer's jitter may bring two Echoes close together. */
    private static final double BURST = 3;
    private static final int MAX_BUCKETS = 1 << 16;

    private static final class Bucket {
        double tokens = BURST;
        long lastNanos;
    }

    private final BfdEngine engine;
    private final SessionTable table;
    private final PacketSink sink;
    private final Clock clock;
    private final long[] globalRejects;
    private final Map<Session, Bucket> buckets = new IdentityHashMap<>();

    EchoGate(final BfdEngine engine, final SessionTable table, final PacketSink sink, final Clock clock,
            final long[] globalRejects) {
        this.engine = engine;
        this.table = table;
        this.sink = sink;
        this.clock = clock;
        this.globalRejects = globalRejects;
    }

    void arrived(final EngineInput.EchoArrived echo) {
        final Session ours = echo.discr() == 0 ? null : table.byDiscriminator(echo.discr());
        if (ours != null) {
            if (!fromPeerOrSelf(ours.config(), echo.arrival()) || !ours.echoReceived(echo.sequence(), echo.nonce())) {
                ours.rejected(RejectReason.BAD_ECHO);
            }
            return;
        }
        if (echo.reflected() || echo.arrival().multiHop()) {
            globalRejects[RejectReason.BAD_ECHO.ordinal()]++;
            return;
        }
        final Session peerOf = table.byKey(echo.arrival().demuxKey());
        if (peerOf == null) {
            // the peer's discriminator led here; its session may live on another shard
            if (echo.discr() != 0) {
                engine.echoToKeyShard(new EngineInput.EchoArrived(0, echo.sequence(), echo.nonce(), false,
                    echo.arrival(), echo.payload()));
            } else {
                globalRejects[RejectReason.BAD_ECHO.ordinal()]++;
            }
            return;
        }
        final SessionConfig config = peerOf.config();
        if (config.echoRxUs() == 0 || echo.arrival().ttl() >= 0 && echo.arrival().ttl() != MAX_TTL
                || !allowed(peerOf, config.echoRxUs())) {
            peerOf.rejected(RejectReason.BAD_ECHO);
            return;
        }
        sink.reflectEcho(config, echo.payload());
    }

    private static boolean fromPeerOrSelf(final SessionConfig config, final RxMeta arrival) {
        if (!config.singleHop()) {
            return false;
        }
        final String ifname = arrival.interfaceName();
        if (ifname != null && !ifname.equals(config.interfaceName())) {
            return false;
        }
        final InetAddress source = arrival.source();
        return source.equals(((SingleHopKey) config.key()).destination()) || source.equals(config.localAddress());
    }

    /** A token bucket: one loop-back per 3/4 of the advertised interval (the peer's jitter), a burst of 3. */
    private boolean allowed(final Session session, final long intervalUs) {
        Bucket bucket = buckets.get(session);
        final long now = clock.nanoTime();
        if (bucket == null) {
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.keySet().removeIf(Session::deleted);
            }
            bucket = new Bucket();
            bucket.lastNanos = now;
            buckets.put(session, bucket);
        }
        bucket.tokens = Math.min(BURST, bucket.tokens + (now - bucket.lastNanos) / (intervalUs * 750.0));
        bucket.lastNanos = now;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens--;
        return true;
    }
}
