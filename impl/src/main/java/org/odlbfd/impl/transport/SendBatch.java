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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.linux.UdpSocket;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The datagrams one loop has queued for one socket in this tick: up to {@value UdpSocket#MAX_BATCH}
 * slots in a direct buffer, handed to the kernel in one sendmmsg when the tick flushes (or when the
 * batch fills). Each slot remembers its session, so that a datagram the kernel refuses is charged
 * to it. Used on its loop's thread only.
 */
final class SendBatch {
    /** Told of each datagram's fate after a flush. */
    interface Outcome {
        /**
         * One datagram left, or was refused.
         *
         * @param session its session (null for a looped-back Echo)
         * @param errno 0 when sent, else why not
         */
        void sent(@Nullable SessionConfig session, int errno);
    }

    private final UdpSocket socket;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(LoopSocket.SLOT_SIZE * UdpSocket.MAX_BATCH);
    private final ByteBuffer header = buffer.duplicate().order(ByteOrder.nativeOrder());
    private final ByteBuf payload = Unpooled.wrappedBuffer(buffer.duplicate());
    private final @Nullable SessionConfig[] sessions = new SessionConfig[UdpSocket.MAX_BATCH];
    private int count;

    SendBatch(final UdpSocket socket) {
        this.socket = socket;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * Starts a datagram: the returned buffer's writer index is at the start of the next slot's
     * payload. Write the payload, then {@link #commit}. Flushes first when the batch is full.
     *
     * @param outcome told of the datagrams of a flush this makes
     * @return the payload buffer
     */
    ByteBuf begin(final Outcome outcome) {
        if (count == UdpSocket.MAX_BATCH) {
            flush(outcome);
        }
        final int start = count * LoopSocket.SLOT_SIZE + UdpSocket.SLOT_HEADER;
        return payload.setIndex(start, start);
    }

    /**
     * Finishes the datagram begun last.
     *
     * @param route where it goes
     * @param ttl TTL / hop limit, 0 for the socket's (255)
     * @param session its session, or null
     */
    void commit(final Route route, final int ttl, final @Nullable SessionConfig session) {
        final int slot = count * LoopSocket.SLOT_SIZE;
        header.putInt(slot + UdpSocket.SLOT_LENGTH, payload.writerIndex() - slot - UdpSocket.SLOT_HEADER);
        header.putInt(slot + UdpSocket.SLOT_IFINDEX, route.ifindex());
        header.putInt(slot + UdpSocket.SLOT_TTL, ttl);
        header.putInt(slot + UdpSocket.SLOT_PORT, route.port());
        header.putInt(slot + UdpSocket.SLOT_FAMILY, route.v6() ? 6 : 4);
        header.put(slot + UdpSocket.SLOT_SRC, route.source());
        header.put(slot + UdpSocket.SLOT_DST, route.destination());
        sessions[count++] = session;
    }

    /**
     * Hands the queued datagrams to the kernel.
     *
     * @param outcome told of each datagram's fate
     */
    void flush(final Outcome outcome) {
        final int n = count;
        count = 0;
        if (n == 0) {
            return;
        }
        try {
            socket.send(buffer, n, LoopSocket.SLOT_SIZE);
            for (int i = 0; i < n; i++) {
                outcome.sent(sessions[i], header.getInt(i * LoopSocket.SLOT_SIZE + UdpSocket.SLOT_STATUS));
                sessions[i] = null;
            }
        } catch (IOException e) {
            for (int i = 0; i < n; i++) {
                outcome.sent(sessions[i], -1);
                sessions[i] = null;
            }
        }
    }

    /**
     * Where a datagram goes: the addresses as 16-byte fields (IPv4 in the first four).
     *
     * @param v6 IPv6
     * @param source source address bytes (zeros: the kernel chooses)
     * @param destination destination address bytes
     * @param port destination port
     * @param ifindex outgoing interface, 0 for any
     */
    record Route(boolean v6, byte[] source, byte[] destination, int port, int ifindex) {
    }
}
