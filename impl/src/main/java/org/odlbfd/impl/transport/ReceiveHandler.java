/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineInput;
import org.odlbfd.impl.engine.RxMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands received Control packets to the engine with the key that demultiplexes them while Your
 * Discriminator is zero (RFC 5880 §6.8.6): interface and source address for single-hop (the
 * socket is bound to the interface), local and source address for multihop.
 */
final class ReceiveHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveHandler.class);

    private final UdpTransport transport;
    private final Endpoint endpoint;

    ReceiveHandler(final UdpTransport transport, final Endpoint endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        final BfdEngine engine = transport.engine();
        if (!(msg instanceof DatagramPacket packet) || engine == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        final InetSocketAddress sender = packet.sender();
        final InetAddress from = sender.getAddress();
        final String ifname = endpoint.key.interfaceName();
        // a multihop endpoint's device is its VRF, part of the multihop key
        final SessionKey key = endpoint.key.multiHop() || ifname == null
            ? new MultiHopKey(endpoint.key.local(), from, endpoint.key.multiHop() ? ifname : null)
            : new SingleHopKey(ifname, from);
        // RFC 5881 §4 binds the sender to source ports 49152-65535 but gives the receiver no rule to
        // drop other ports, and BIRD 2 sends from the kernel's ephemeral range: accept any port.
        // Ownership of the payload passes to the engine, which releases it.
        // no ancillary data in this fallback: the TTL was checked by the socket's kernel filter (-1 here)
        engine.submit(new EngineInput.Received(key, null, packet.content(), null, new RxMeta(endpoint.key.multiHop(),
            -1, endpoint.key.multiHop() ? null : ifname, from, endpoint.key.local())));
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        LOG.debug("BFD socket {} error", ctx.channel().localAddress(), cause);
    }
}
