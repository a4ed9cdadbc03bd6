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
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.linux.UdpSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One native socket registered on one Netty epoll event loop as an {@link EpollIoHandle}: epoll
 * wakes the loop when datagrams wait, and they are read on the same thread that runs the timers
 * of the engine shard owning them (level-triggered; a bounded number of recvmmsg batches per
 * wake-up, so that a flood leaves the loop time for its timers and the rest is read on the next
 * turn). The socket also sends: the loop's {@link NativeSink} fills {@link SendBatch}es for it.
 */
final class LoopSocket implements EpollIoHandle {
    /** A datagram read into the receive buffer; both views are valid during the call only. */
    interface Receiver {
        /**
         * Handles one datagram.
         *
         * @param header the buffer in native byte order, for the slot header
         * @param slot offset of the slot
         * @param payload the payload (reader index at its start, writer index at its end)
         */
        void datagram(ByteBuffer header, int slot, ByteBuf payload);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LoopSocket.class);
    /** Payload room per slot: a Control packet with the longest auth section is 52 bytes. */
    static final int SLOT_SIZE = UdpSocket.SLOT_HEADER + 128;
    /**
     * recvmmsg calls per wake-up, then the loop runs its timers and tasks: up to 4,096 datagrams,
     * about what a 4 MiB receive buffer holds. Read sockets first (PERF-NOTES rule 6): after a stall
     * of the VM the buffers hold every session's latest packets, and detection timers that ran
     * before they are read would declare sessions Down whose packets are waiting (measured with 4
     * rounds: bursts of 300 false Downs on both ends at once). The bound keeps a flood from holding
     * the loop longer than one buffer's worth (a few ms).
     */
    private static final int ROUNDS = 64;

    final UdpSocket socket;
    private final FileDescriptor fd;
    private final @Nullable Receiver receiver;
    private final ByteBuffer buffer;
    private final ByteBuffer header;
    private final ByteBuf payload;
    private volatile @Nullable IoRegistration registration;
    private long kernelDrops;

    LoopSocket(final UdpSocket socket, final @Nullable Receiver receiver) {
        this.socket = socket;
        this.receiver = receiver;
        fd = new FileDescriptor(socket.fd());
        if (receiver != null) {
            buffer = ByteBuffer.allocateDirect(SLOT_SIZE * UdpSocket.MAX_BATCH);
            header = buffer.duplicate().order(ByteOrder.nativeOrder());
            payload = Unpooled.wrappedBuffer(buffer.duplicate());
        } else {
            buffer = null;
            header = null;
            payload = null;
        }
    }

    /**
     * Registers on a loop and asks for EPOLLIN; a send-only socket (no receiver) is not registered.
     *
     * @param loop the loop
     */
    void register(final IoEventLoop loop) {
        if (receiver == null) {
            return;
        }
        final IoRegistration reg = loop.register(this).syncUninterruptibly().getNow();
        registration = reg;
        loop.submit(() -> reg.submit(EpollIoOps.EPOLLIN)).syncUninterruptibly();
    }

    @Override
    public FileDescriptor fd() {
        return fd;
    }

    @Override
    public void handle(final IoRegistration reg, final IoEvent event) {
        final Receiver rx = receiver;
        if (rx == null) {
            return;
        }
        try {
            for (int round = 0; round < ROUNDS; round++) {
                final int count = socket.receive(buffer, UdpSocket.MAX_BATCH, SLOT_SIZE);
                for (int i = 0; i < count; i++) {
                    final int slot = i * SLOT_SIZE;
                    final int length = header.getInt(slot + UdpSocket.SLOT_LENGTH);
                    kernelDrops = Math.max(kernelDrops, header.getInt(slot + UdpSocket.SLOT_STATUS) & 0xFFFF_FFFFL);
                    final int start = slot + UdpSocket.SLOT_HEADER;
                    payload.setIndex(start, length < 0 ? start : start + length);
                    rx.datagram(header, slot, payload);
                }
                if (count < UdpSocket.MAX_BATCH) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("BFD socket fd {}: receive failed", socket.fd(), e);
        }
    }

    /**
     * Datagrams the kernel dropped because the receive buffer was full (SO_RXQ_OVFL), as last seen.
     *
     * @return count
     */
    long kernelDrops() {
        return kernelDrops;
    }

    @Override
    public void close() {
        final IoRegistration reg = registration;
        registration = null;
        if (reg != null) {
            reg.cancel();
        }
        socket.close();
    }
}
