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
import java.net.InetSocketAddress;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.RxMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Echo packets (RFC 5880 §6.4, RFC 5881 §4, UDP 3785) of the fallback transport, handed to the
 * engine's Echo gate, which decides whether one is ours coming back or the peer's to loop back.
 */
final class EchoHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(EchoHandler.class);

    private final UdpTransport transport;
    private final Endpoint endpoint;

    EchoHandler(final UdpTransport transport, final Endpoint endpoint) {
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
        // no ancillary data here: TTL unknown (-1); the socket is bound to the interface and address
        final var echo = EchoPacket.arrived(packet.content(),
            new RxMeta(false, -1, endpoint.key.interfaceName(), sender.getAddress(), endpoint.key.local()));
        packet.release();
        // discriminator 0: not an Echo of this format, so no session's and nothing to loop back
        if (echo.discr() != 0) {
            engine.submit(echo);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        LOG.debug("BFD echo socket {} error", ctx.channel().localAddress(), cause);
    }
}
