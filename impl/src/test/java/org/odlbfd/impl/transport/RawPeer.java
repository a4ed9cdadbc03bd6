/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.odlbfd.api.State;
import org.odlbfd.impl.linux.UdpSocket;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;

/**
 * A hand-driven BFD peer for transport tests: one native socket on loopback that sends crafted
 * datagrams with any source address (of this host), TTL and destination port, and reports what
 * arrives with its source, destination, port and TTL.
 */
final class RawPeer implements AutoCloseable {
    private static final int SLOT = UdpSocket.SLOT_HEADER + 128;

    /** One datagram received. */
    record Datagram(InetAddress source, int sourcePort, InetAddress destination, int ttl, byte[] payload) {
    }

    private final UdpSocket socket;
    private final ByteBuffer out = ByteBuffer.allocateDirect(SLOT * UdpSocket.MAX_BATCH).order(ByteOrder.nativeOrder());
    private final ByteBuffer in = ByteBuffer.allocateDirect(SLOT * UdpSocket.MAX_BATCH).order(ByteOrder.nativeOrder());

    RawPeer(final boolean v6, final int port) throws IOException {
        socket = UdpSocket.open(v6, port, null, false, 1 << 20, 255, 0xC0);
    }

    static ControlPacket packet(final State state, final int my, final int your, final long echoRxUs) {
        return new ControlPacket(0, state, false, false, false, false, false, 3, my, your, 100_000, 100_000, echoRxUs,
            null);
    }

    void send(final ControlPacket packet, final InetAddress from, final InetAddress to, final int port,
            final int ttl) throws IOException {
        final ByteBuf buf = Unpooled.buffer();
        ControlPacketCodec.encode(packet, buf);
        final byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        send(bytes, from, to, port, ttl);
    }

    void send(final byte[] payload, final InetAddress from, final InetAddress to, final int port, final int ttl)
            throws IOException {
        out.putInt(UdpSocket.SLOT_LENGTH, payload.length);
        out.putInt(UdpSocket.SLOT_IFINDEX, 0);
        out.putInt(UdpSocket.SLOT_TTL, ttl);
        out.putInt(UdpSocket.SLOT_PORT, port);
        out.putInt(UdpSocket.SLOT_FAMILY, to.getAddress().length == 16 ? 6 : 4);
        out.put(UdpSocket.SLOT_SRC, Arrays.copyOf(from.getAddress(), 16));
        out.put(UdpSocket.SLOT_DST, Arrays.copyOf(to.getAddress(), 16));
        out.put(UdpSocket.SLOT_HEADER, payload);
        if (socket.send(out, 1, SLOT) != 1) {
            throw new IOException("not sent: errno " + out.getInt(UdpSocket.SLOT_STATUS));
        }
    }

    /** Everything that arrived within {@code millis}. */
    List<Datagram> receive(final long millis) throws Exception {
        final List<Datagram> got = new ArrayList<>();
        final long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            final int n = socket.receive(in, UdpSocket.MAX_BATCH, SLOT);
            for (int i = 0; i < n; i++) {
                final int base = i * SLOT;
                final int length = in.getInt(base + UdpSocket.SLOT_FAMILY) == 6 ? 16 : 4;
                final byte[] payload = new byte[in.getInt(base + UdpSocket.SLOT_LENGTH)];
                in.get(base + UdpSocket.SLOT_HEADER, payload);
                got.add(new Datagram(address(base + UdpSocket.SLOT_SRC, length), in.getInt(base + UdpSocket.SLOT_PORT),
                    address(base + UdpSocket.SLOT_DST, length), in.getInt(base + UdpSocket.SLOT_TTL), payload));
            }
            if (n == 0) {
                Thread.sleep(2);
            }
        }
        return got;
    }

    private InetAddress address(final int offset, final int length) throws IOException {
        final byte[] bytes = new byte[length];
        in.get(offset, bytes);
        return InetAddress.getByAddress(bytes);
    }

    @Override
    public void close() {
        socket.close();
    }
}
