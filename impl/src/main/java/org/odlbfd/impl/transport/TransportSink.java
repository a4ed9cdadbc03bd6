/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.SessionConfig;

/**
 * One engine shard's way out: encodes, writes without flushing, and flushes every socket it
 * wrote to once per tick, so that Netty's epoll transport hands the kernel one sendmmsg batch
 * (PERF-NOTES: flush per packet runs at 0.53x the batched rate).
 */
final class TransportSink implements PacketSink {
    private final UdpTransport transport;
    private final List<Channel> dirty = new ArrayList<>(4);

    TransportSink(final UdpTransport transport, final TransportConfig ports) {
        this.transport = transport;
    }

    @Override
    public boolean send(final SessionConfig session, final ControlPacket packet, final @Nullable Authenticator auth) {
        final Channel channel = transport.endpoint(session).tx;
        if (channel == null) {
            return false;
        }
        final ByteBuf buf = channel.alloc().ioBuffer(ControlPacketCodec.MAX_LENGTH);
        if (auth != null) {
            if (!auth.encode(packet, buf)) {
                buf.release();
                return false;
            }
        } else {
            ControlPacketCodec.encode(packet, buf);
        }
        write(channel, new DatagramPacket(buf, transport.peer(session, false)));
        return true;
    }

    @Override
    public boolean sendEcho(final SessionConfig session, final int localDiscr, final long sequence) {
        final Channel channel = transport.endpoint(session).echo;
        if (channel == null) {
            return false;
        }
        final ByteBuf buf = channel.alloc().ioBuffer(EchoPacket.LENGTH);
        EchoPacket.encode(localDiscr, sequence, buf);
        write(channel, new DatagramPacket(buf, transport.peer(session, true)));
        return true;
    }

    private void write(final Channel channel, final DatagramPacket datagram) {
        channel.write(datagram, channel.voidPromise());
        if (!dirty.contains(channel)) {
            dirty.add(channel);
        }
    }

    @Override
    public void flush() {
        for (Channel channel : dirty) {
            channel.flush();
        }
        dirty.clear();
    }
}
