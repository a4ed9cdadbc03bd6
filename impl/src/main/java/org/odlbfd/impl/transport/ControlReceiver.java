/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.linux.UdpSocket;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Control packets read by one loop's socket of one kind (single-hop 3784 or multihop 4784).
 * A datagram with Your Discriminator zero is selected by address (RFC 5880 §6.8.6), so one whose
 * source is no configured peer, or (single-hop) whose TTL is not 255 (RFC 5881 §5), is dropped and
 * counted here, before any object exists for it (but on a point-to-point interface the source is
 * not checked: RFC 5881 §6, {@code engine.PointToPoint}); the rest goes to the engine, which selects the
 * session and checks the arrival against it ({@code PacketAcceptance}) before decoding.
 */
final class ControlReceiver implements LoopSocket.Receiver {
    private static final int MAX_TTL = 255;
    private static final int MIN_LENGTH = 24;
    private static final int YOUR_DISCR = 8;

    private final NativeTransport transport;
    private final int loop;
    private final boolean multiHop;
    private final PeerSet peers;
    private final NativeArrival arrival;
    private final Interfaces interfaces;

    ControlReceiver(final NativeTransport transport, final int loop, final boolean multiHop, final PeerSet peers,
            final Interfaces interfaces, final @Nullable String vrf) {
        this.transport = transport;
        this.loop = loop;
        this.multiHop = multiHop;
        this.peers = peers;
        this.interfaces = interfaces;
        this.arrival = new NativeArrival(multiHop, vrf, interfaces);
    }

    @Override
    public void datagram(final ByteBuffer header, final int slot, final ByteBuf payload) {
        final BfdEngine engine = transport.engine();
        if (engine == null) {
            return;
        }
        arrival.on(header, slot);
        if (payload.readableBytes() < MIN_LENGTH) {
            engine.dropped(loop, RejectReason.TOO_SHORT);
            return;
        }
        if (payload.getInt(payload.readerIndex() + YOUR_DISCR) == 0) {
            if (!multiHop && arrival.ttl() != MAX_TTL) {
                engine.dropped(loop, RejectReason.TTL_TOO_LOW);
                return;
            }
            // RFC 5881 §6: on a point-to-point interface the first packet comes from any source
            if (!peers.mayContain(header, slot + UdpSocket.SLOT_SRC, arrival.addressLength())
                    && (multiHop || !interfaces.pointToPoint(arrival.ifindex()))) {
                engine.dropped(loop, RejectReason.NO_SESSION);
                return;
            }
        }
        engine.receiveInline(loop, arrival, payload);
    }
}
