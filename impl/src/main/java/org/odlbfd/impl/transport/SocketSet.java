/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.channel.IoEventLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.linux.UdpSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native sockets of one (VRF, address family, kind): per event loop, a receive socket on the
 * kind's port, all of them one SO_REUSEPORT group bound in loop order and steered by
 * discriminator, or while it is zero by source address ({@link SocketFilters#steering}, one program
 * per family), and for Control packets a send socket on the
 * source port (RFC 5881 §4: 49152 single-hop, 49153 multihop) that reads nothing
 * ({@link SocketFilters#dropAll}). Echo sockets send from the Echo port itself. Opened with the
 * first session that needs them, closed with the last (reference count, held by the transport).
 */
final class SocketSet {
    /** What a set is for. */
    enum Kind {
        SINGLE_HOP, MULTI_HOP, ECHO
    }

    /**
     * Identity of a set.
     *
     * @param vrf VRF device or null
     * @param v6 IPv6
     * @param kind kind
     */
    record Key(@Nullable String vrf, boolean v6, Kind kind) {
        @Override
        public String toString() {
            return kind + (v6 ? " IPv6" : " IPv4") + (vrf == null ? "" : " vrf " + vrf);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SocketSet.class);
    private static final int DSCP_CS6 = 0xC0;
    private static final int MAX_TTL = 255;
    /** Control packets: Your Discriminator (RFC 5880 §4.1); Echo: our payload's discriminator. */
    private static final int CONTROL_STEER_OFFSET = 8;
    private static final int ECHO_STEER_OFFSET = 4;

    final Key key;
    final List<LoopSocket> receivers;
    final List<SendBatch> batches;
    private final List<LoopSocket> senders;
    int references;

    private SocketSet(final Key key, final List<LoopSocket> receivers, final List<LoopSocket> senders,
            final List<SendBatch> batches) {
        this.key = key;
        this.receivers = receivers;
        this.senders = senders;
        this.batches = batches;
    }

    /**
     * Opens and registers the sockets of a set, one per loop; on any failure closes what it opened.
     *
     * @param key the set
     * @param loops event loops, in index order
     * @param port the kind's receive port
     * @param sourcePort the send sockets' port (ignored for Echo)
     * @param rcvbuf SO_RCVBUF
     * @param receiver the receiver of loop i
     * @return the set
     * @throws IOException naming the option or call that failed
     */
    static SocketSet open(final Key key, final List<IoEventLoop> loops, final int port, final int sourcePort,
            final int rcvbuf, final IntFunction<LoopSocket.Receiver> receiver) throws IOException {
        final List<LoopSocket> receivers = new ArrayList<>(loops.size());
        final List<LoopSocket> senders = new ArrayList<>(loops.size());
        boolean opened = false;
        try {
            final boolean echo = key.kind() == Kind.ECHO;
            for (int i = 0; i < loops.size(); i++) {
                final UdpSocket socket = UdpSocket.open(key.v6(), port, key.vrf(), true, rcvbuf, MAX_TTL, DSCP_CS6);
                receivers.add(new LoopSocket(socket, receiver.apply(i)));
                if (i == 0) {
                    // the group's selector; later members join in bind order, so index i is loop i
                    socket.attachSteering(SocketFilters.steering(echo ? ECHO_STEER_OFFSET : CONTROL_STEER_OFFSET,
                        loops.size(), key.v6()));
                }
                if (!echo) {
                    final UdpSocket tx = UdpSocket.open(key.v6(), sourcePort, key.vrf(), true, 0, MAX_TTL, DSCP_CS6);
                    senders.add(new LoopSocket(tx, null));
                    tx.attachFilter(SocketFilters.dropAll());
                }
            }
            for (int i = 0; i < loops.size(); i++) {
                receivers.get(i).register(loops.get(i));
            }
            opened = true;
        } catch (IOException e) {
            throw new IOException(key + " port " + port + ": " + e.getMessage(), e);
        } finally {
            if (!opened) {
                receivers.forEach(LoopSocket::close);
                senders.forEach(LoopSocket::close);
            }
        }
        final List<SendBatch> batches = new ArrayList<>(loops.size());
        for (int i = 0; i < loops.size(); i++) {
            batches.add(new SendBatch((senders.isEmpty() ? receivers : senders).get(i).socket));
        }
        LOG.info("BFD sockets open: {} port {} on {} loops", key, port, loops.size());
        return new SocketSet(key, List.copyOf(receivers), List.copyOf(senders), List.copyOf(batches));
    }

    /**
     * The most datagrams the kernel dropped at one of the set's sockets for a full buffer.
     *
     * @return count
     */
    long kernelDrops() {
        return receivers.stream().mapToLong(LoopSocket::kernelDrops).max().orElse(0);
    }

    /**
     * Closes the sockets, each on its own loop (epoll registrations belong to their loop).
     *
     * @param loops the loops, in index order
     */
    void close(final List<IoEventLoop> loops) {
        for (int i = 0; i < receivers.size(); i++) {
            final LoopSocket rx = receivers.get(i);
            final IoEventLoop loop = loops.get(i);
            if (loop.isShuttingDown()) {
                rx.close();
            } else {
                loop.submit(rx::close).awaitUninterruptibly();
            }
        }
        senders.forEach(LoopSocket::close);
        LOG.info("BFD sockets closed: {}", key);
    }
}
