/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The sockets of one local address (and, for single-hop, one interface): a receive socket on the
 * Control port, a send socket on the source port, and for single-hop an Echo socket (plus one that
 * loops the peer's Echo back) when Echo is used. Sessions
 * share them: PERF-NOTES measured a socket per session at +40 % CPU per packet.
 */
final class Endpoint {
    /**
     * What an endpoint is keyed by.
     *
     * @param multiHop RFC 5883 multihop (port 4784) rather than RFC 5881 single-hop (3784)
     * @param local the bound local address (a wildcard when none is configured)
     * @param interfaceName the bound interface of a single-hop endpoint, or null
     */
    record Key(boolean multiHop, InetAddress local, @Nullable String interfaceName) {
    }

    final Key key;
    volatile int minTtl;
    final List<ChannelFuture> pending = new CopyOnWriteArrayList<>();
    final List<GtsmFilter> filters = new CopyOnWriteArrayList<>();
    volatile @Nullable Channel rx;
    /** Send sockets, one per event loop (index = the loop's index); null until bound. */
    final AtomicReferenceArray<Channel> tx;
    volatile @Nullable Channel echo;
    /**
     * Sends the peer's Echo packets back with TTL / Hop Limit 254, as a forwarding plane would
     * (RFC 5881 §4). FRR bfdd takes an Echo packet that arrives with 255 for someone else's and
     * bounces it once more; one that arrives with 254 it counts as its own coming back.
     */
    volatile @Nullable Channel echoReflect;
    /** The Echo socket is opened on demand, once (see UdpTransport#open). */
    final AtomicBoolean echoOpened = new AtomicBoolean();
    /** The loop of the receive (and Echo) socket: that of the shard running the first session here. */
    final EventLoopGroup home;

    Endpoint(final Key key, final int minTtl, final int senders, final EventLoopGroup home) {
        this.key = key;
        this.home = home;
        this.minTtl = minTtl;
        this.tx = new AtomicReferenceArray<>(senders);
    }
}
