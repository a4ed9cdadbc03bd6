/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.engine.ShardHash;
import org.odlbfd.impl.linux.UdpSocket;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The SO_REUSEPORT steering program ({@link SocketFilters#steering}) against its twin in the engine
 * ({@link ShardHash}), on this kernel's real sockets: which socket of a group reads a datagram, by
 * Your Discriminator or, when that is zero, by the source address read at SKF_NET_OFF. Then the
 * whole native path: no packet of a session is handed between loops, so a Down with Your
 * Discriminator 0 followed by an Init is never applied the other way round (RFC 5880 §6.8.6 would
 * then take the session Up and at once Down, neighbor-down: the defect seen against FRR).
 */
class SteeringTest {
    private static final int SLOT = UdpSocket.SLOT_HEADER + 64;
    /** Ports of this class only (grep the tests before reusing). */
    private static final int GROUP_PORT = 47384;
    private static final int SENDER_PORT = 47484;
    private static final int MH_PORT = 48384;
    private static final int MH_PEER_PORT = 48484;
    private static final TransportConfig PORTS = new TransportConfig(48385, 48485, MH_PORT, MH_PEER_PORT, 48386,
        48486, 50601, 50602, 1 << 20);
    private static final InetAddress US = TransportConformanceTest.addr("127.0.0.2");
    private static final InetAddress V6_LOOPBACK = TransportConformanceTest.addr("::1");
    private static final int PEER_DISCR = 0x0BFD_0002;

    /** A Control-like payload whose Your Discriminator (offset 8) is {@code your}. */
    private static byte[] payload(final int your) {
        return ByteBuffer.allocate(24).put(0, (byte) 0x20).putInt(4, PEER_DISCR).putInt(8, your).array();
    }

    /**
     * Sends each (source, Your Discriminator) pair to a group of {@code loops} steered sockets and
     * returns, per datagram read, the socket index that read it and the index the engine expects.
     */
    private static List<int[]> readers(final boolean v6, final int loops, final List<InetAddress> sources,
            final int[] yours) throws Exception {
        final List<UdpSocket> group = new ArrayList<>();
        final List<int[]> result = new ArrayList<>();
        try (RawPeer sender = new RawPeer(v6, SENDER_PORT)) {
            for (int i = 0; i < loops; i++) {
                group.add(UdpSocket.open(v6, GROUP_PORT, null, true, 1 << 20, 255, 0));
                if (i == 0) {
                    group.get(0).attachSteering(SocketFilters.steering(8, loops, v6));
                }
            }
            final InetAddress to = v6 ? V6_LOOPBACK : US;
            for (InetAddress source : sources) {
                for (int your : yours) {
                    sender.send(payload(your), source, to, GROUP_PORT, 255);
                }
            }
            final ByteBuffer in = ByteBuffer.allocateDirect(SLOT * UdpSocket.MAX_BATCH).order(ByteOrder.nativeOrder());
            final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            final int expected = sources.size() * yours.length;
            while (result.size() < expected && System.nanoTime() < end) {
                for (int i = 0; i < loops; i++) {
                    final int n = group.get(i).receive(in, UdpSocket.MAX_BATCH, SLOT);
                    for (int d = 0; d < n; d++) {
                        final byte[] src = new byte[v6 ? 16 : 4];
                        in.get(d * SLOT + UdpSocket.SLOT_SRC, src);
                        final int your = in.order(ByteOrder.BIG_ENDIAN).getInt(d * SLOT + UdpSocket.SLOT_HEADER + 8);
                        in.order(ByteOrder.nativeOrder());
                        final int want = your != 0 ? ShardHash.ofDiscr(your, loops)
                            : ShardHash.ofPeer(InetAddress.getByAddress(src), loops);
                        result.add(new int[] {i, want, your});
                    }
                }
                Thread.sleep(1);
            }
            assertEquals(expected, result.size(), "every datagram was read");
            return result;
        } finally {
            group.forEach(UdpSocket::close);
        }
    }

    @Test
    void ipv4SteeringAgreesWithTheEnginesHash() throws Exception {
        final List<InetAddress> sources = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            sources.add(TransportConformanceTest.addr("127.0.0." + i));
        }
        for (int loops : new int[] {2, 3}) {
            final Set<Integer> zeroReaders = new HashSet<>();
            for (int[] read : readers(false, loops, sources, new int[] {0, 0x1234_5679, 0xF000_0001})) {
                assertEquals(read[1], read[0], loops + " loops, your discriminator " + read[2]);
                if (read[2] == 0) {
                    zeroReaders.add(read[0]);
                }
            }
            // a failed SKF_NET_OFF load ends the program with 0: every zero packet would go to socket 0
            assertEquals(loops, zeroReaders.size(), "Your Discriminator 0 spread over all " + loops + " sockets");
        }
    }

    @Test
    void ipv6SteeringAgreesWithTheEnginesHash() throws Exception {
        // ::1 is the one IPv6 source a unit test has; loop counts where its hash is not socket 0 show
        // that the four SKF_NET_OFF loads worked (a failed load would pick socket 0)
        int nonZero = 0;
        for (int loops = 2; loops <= 8; loops++) {
            for (int[] read : readers(true, loops, List.of(V6_LOOPBACK), new int[] {0, 7})) {
                assertEquals(read[1], read[0], loops + " loops, your discriminator " + read[2]);
                nonZero += read[2] == 0 && read[0] != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > 0, "::1 hashed to a socket other than 0 for some loop count");
    }

    @Test
    void noHandOffSoDownWithYourDiscriminatorZeroNeverOvertakesInit() throws Exception {
        final ConcurrentLinkedQueue<String> neighborDowns = new ConcurrentLinkedQueue<>();
        final NativeTransport transport = NativeTransport.create(2, PORTS);
        try (RawPeer peer = new RawPeer(false, MH_PEER_PORT)) {
            final BfdEngine engine = new BfdEngine(transport.schedulers(), Clock.SYSTEM, transport::sink,
                KeyProvider.NONE, 11, new EngineObserver() {
                    @Override
                    public void stateChanged(final SessionSnapshot snapshot, final State previous) {
                        if (previous == State.UP && snapshot.localDiag() == Diagnostic.NEIGHBOR_DOWN) {
                            neighborDowns.add(snapshot.name());
                        }
                    }
                });
            transport.attach(engine);
            final List<SessionConfig> sessions = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                final InetAddress address = TransportConformanceTest.addr("127.0.1." + (10 + i));
                final SessionConfig config = new SessionConfig("mh-" + i, new MultiHopKey(US, address), US, 1_000_000,
                    1_000_000, 3, 0, 0, false, false, null, "", 0, 0, 254, false, 255, null);
                assertTrue(transport.open(config), "sockets open");
                engine.configure(config).join();
                sessions.add(config);
            }
            final long before = engine.handedOff();
            final Set<Integer> loops = new HashSet<>();
            for (SessionConfig config : sessions) {
                final int ours = engine.snapshot(config.key()).get(5, TimeUnit.SECONDS).localDiscr();
                loops.add(BfdEngine.shardIndexOfDiscr(ours, 2));
                final InetAddress from = config.key().destination();
                // the peer timed out: Down with Your Discriminator 0 (RFC 5880 §6.8.1), then at once Init
                peer.send(RawPeer.packet(State.DOWN, PEER_DISCR, 0, 0), from, US, MH_PORT, 255);
                peer.send(RawPeer.packet(State.INIT, PEER_DISCR, ours, 0), from, US, MH_PORT, 255);
            }
            final List<String> notUp = new ArrayList<>();
            final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            do {
                Thread.sleep(20);
                notUp.clear();
                for (SessionConfig config : sessions) {
                    if (engine.snapshot(config.key()).get(5, TimeUnit.SECONDS).localState() != State.UP) {
                        notUp.add(config.name());
                    }
                }
            } while (!notUp.isEmpty() && System.nanoTime() < end);
            final String figures = sessions.size() + " sessions, handed off " + (engine.handedOff() - before)
                + ", Up -> Down (neighbor-down) " + neighborDowns + ", not Up " + notUp;
            assertEquals(2, loops.size(), "sessions on both loops");
            assertEquals(List.of(), notUp, "Down then Init, applied in that order: " + figures);
            assertEquals(List.of(), List.copyOf(neighborDowns), "no Up -> Down from a late Down: " + figures);
            assertEquals(0, engine.handedOff() - before, "no datagram handed between loops: " + figures);
        } finally {
            transport.close();
        }
    }
}
