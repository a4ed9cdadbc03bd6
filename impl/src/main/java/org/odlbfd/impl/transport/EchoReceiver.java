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
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.RxMeta;
import org.odlbfd.impl.linux.UdpSocket;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Echo packets (UDP 3785) read by one loop's Echo socket. Only a source that is a configured peer
 * or one of our own session addresses gets past this point (anything else is dropped before an
 * object exists for it), and so does nothing that is our own Echo looped back inside this host
 * (source equal to destination and TTL still 255: it never crossed the peer's forwarding plane,
 * so counting it would keep Echo detection happy while the link is down). The engine's
 * {@code EchoGate} decides the rest: ours returning, or the peer's to loop back.
 */
final class EchoReceiver implements LoopSocket.Receiver {
    private static final int MAX_TTL = 255;
    private static final int MIN_LENGTH = 8;

    private final NativeTransport transport;
    private final int loop;
    private final PeerSet sources;
    private final NativeArrival arrival;

    EchoReceiver(final NativeTransport transport, final int loop, final PeerSet sources,
            final Interfaces interfaces) {
        this.transport = transport;
        this.loop = loop;
        this.sources = sources;
        arrival = new NativeArrival(false, null, interfaces);
    }

    @Override
    public void datagram(final ByteBuffer header, final int slot, final ByteBuf payload) {
        final BfdEngine engine = transport.engine();
        if (engine == null) {
            return;
        }
        arrival.on(header, slot);
        final int length = arrival.addressLength();
        if (payload.readableBytes() < MIN_LENGTH || payload.getByte(payload.readerIndex()) != 1
                || !sources.mayContain(header, slot + UdpSocket.SLOT_SRC, length)
                || arrival.ttl() == MAX_TTL && sameAddress(header, slot, length)) {
            engine.dropped(loop, RejectReason.BAD_ECHO);
            return;
        }
        // the checks above make the payload an Echo of our format: its discriminator is never 0 here
        engine.submit(EchoPacket.arrived(payload, new RxMeta(false, arrival.ttl(), arrival.interfaceName(),
            arrival.source(), arrival.destination())));
    }

    private static boolean sameAddress(final ByteBuffer header, final int slot, final int length) {
        for (int i = 0; i < length; i++) {
            if (header.get(slot + UdpSocket.SLOT_SRC + i) != header.get(slot + UdpSocket.SLOT_DST + i)) {
                return false;
            }
        }
        return true;
    }
}
