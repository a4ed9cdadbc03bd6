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

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two engines in one JVM, each with its own transport, over loopback: IPv4 on 127.0.0.1 and
 * 127.0.0.2 (one socket set per local address), IPv6 on ::1 (one address, so each side listens on
 * ports of its own). Ports are not the standard ones so the test never meets a real BFD daemon.
 */
class LoopbackTransportTest {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackTransportTest.class);
    private static final KeyProvider NO_KEYS = KeyProvider.NONE;

    /** One agent: transport, engine and latches on its session's states. */
    private static final class Agent implements EngineObserver, AutoCloseable {
        final Transport transport;
        final BfdEngine engine;
        final CountDownLatch up = new CountDownLatch(1);
        volatile SessionSnapshot lastChange;

        Agent(final TransportConfig ports, final long seed, final boolean nativeSockets) {
            transport = nativeSockets ? NativeTransport.create(2, ports) : UdpTransport.create(1, ports);
            engine = new BfdEngine(transport.schedulers(), Clock.SYSTEM, transport::sink, NO_KEYS, seed, this);
            transport.attach(engine);
        }

        @Override
        public void stateChanged(final SessionSnapshot snapshot, final State previous) {
            lastChange = snapshot;
            LOG.info("{} {} -> {} diag {}", snapshot.name(), previous, snapshot.localState(), snapshot.localDiag());
            if (snapshot.localState() == State.UP) {
                up.countDown();
            }
        }

        void start(final SessionConfig config) {
            assertTrue(transport.open(config), "sockets bound");
            engine.configure(config).join();
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    /** A single-hop session at 300 ms x 3, as these tests and {@link NativeOpenTest} configure them. */
    static SessionConfig config(final String name, final String ifname, final InetAddress local,
            final InetAddress peer) {
        return new SessionConfig(name, new SingleHopKey(ifname, peer), local, 300_000, 300_000, 3, 0, 0, false,
            false, null, "", 0, 0, 254, false);
    }

    private static void upAndDown(final TransportConfig portsA, final TransportConfig portsB, final InetAddress addrA,
            final InetAddress addrB, final int portOfB, final boolean nativeSockets) throws Exception {
        upAndDown(portsA, portsB, config("a", "lo", addrA, addrB), config("b", "lo", addrB, addrA), addrB, portOfB,
            nativeSockets);
    }

    private static void upAndDown(final TransportConfig portsA, final TransportConfig portsB,
            final SessionConfig configA, final SessionConfig configB, final InetAddress addrB, final int portOfB,
            final boolean nativeSockets) throws Exception {
        try (Agent agentA = new Agent(portsA, 1, nativeSockets); Agent agentB = new Agent(portsB, 2, nativeSockets)) {
            assertTrue(agentA.transport.nativeTransport(), "epoll is available on Linux x86_64");
            agentA.start(configA);
            agentB.start(configB);
            final boolean upA = agentA.up.await(nativeSockets ? 5 : 20, TimeUnit.SECONDS);
            if (!upA) {
                LOG.error("A not Up: {} {}", agentA.engine.stats().get(), agentA.engine.snapshot(configA.key()).get());
                LOG.error("B: {} {}", agentB.engine.stats().get(), agentB.engine.snapshot(configB.key()).get());
            }
            assertTrue(upA, "A reached Up");
            assertTrue(agentB.up.await(20, TimeUnit.SECONDS), "B reached Up");
            final SessionSnapshot snapA = agentA.engine.snapshot(configA.key()).get(5, TimeUnit.SECONDS);
            final SessionSnapshot snapB = agentB.engine.snapshot(configB.key()).get(5, TimeUnit.SECONDS);
            assertEquals(snapB.localDiscr(), snapA.remoteDiscr());
            assertEquals(snapA.localDiscr(), snapB.remoteDiscr());
            assertTrue(snapA.statistics().rxPackets() > 0 && snapA.statistics().txPackets() > 0);
            assertEquals(0, snapA.statistics().rxInvalid());
            LOG.info("A {} rx={} tx={}", snapA.localState(), snapA.statistics().rxPackets(),
                snapA.statistics().txPackets());

            // GTSM (RFC 5881 §5): a packet sent with the default TTL (64) never reaches the engine.
            // (B may have counted A's first packet as NO_SESSION if it arrived before B's session
            // existed; only the change matters.)
            final long invalidBefore = agentB.engine.stats().get(5, TimeUnit.SECONDS).rxInvalid();
            sendWithDefaultTtl(addrB, portOfB);
            Thread.sleep(200);
            // the fallback's kernel filter drops it unseen; the native transport sees and counts it
            assertEquals(invalidBefore + (nativeSockets ? 1 : 0),
                agentB.engine.stats().get(5, TimeUnit.SECONDS).rxInvalid(), "the TTL 64 packet was dropped");
            assertEquals(State.UP, agentB.engine.snapshot(configB.key()).get(5, TimeUnit.SECONDS).localState());

            // Deleting A sends AdminDown: B goes Down with Neighbor Signaled Session Down.
            agentA.engine.unconfigure(configA.key()).join();
            SessionSnapshot after = agentB.engine.snapshot(configB.key()).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 200 && after.remoteState() != State.ADMIN_DOWN; i++) {
                Thread.sleep(50);
                after = agentB.engine.snapshot(configB.key()).get(5, TimeUnit.SECONDS);
            }
            assertEquals(State.ADMIN_DOWN, after.remoteState());
            assertEquals(State.DOWN, after.localState());
            assertEquals(Diagnostic.NEIGHBOR_DOWN, after.localDiag());
        }
    }

    private static void sendWithDefaultTtl(final InetAddress to, final int port) throws Exception {
        final ControlPacket stray = new ControlPacket(0, State.DOWN, false, false, false, false, false, 3, 4242, 0,
            1_000_000, 1_000_000, 0, null);
        final ByteBuf buf = Unpooled.buffer();
        ControlPacketCodec.encode(stray, buf);
        final byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(to, 0))) {
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(to, port)));
        }
    }

    @Test
    void ipv4LoopbackReachesUp() throws Exception {
        final TransportConfig ports = new TransportConfig(13784, 13784, 14784, 14784, 13785, 13785, 50101, 50102,
            1 << 20);
        upAndDown(ports, ports, InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"), 13784,
            false);
    }

    @Test
    void ipv4LoopbackReachesUpNative() throws Exception {
        // wildcard sockets: two agents in one host need ports of their own
        final TransportConfig portsA = new TransportConfig(33784, 33884, 34784, 34884, 33785, 33885, 50301, 50302,
            1 << 20);
        final TransportConfig portsB = new TransportConfig(33884, 33784, 34884, 34784, 33885, 33785, 50311, 50312,
            1 << 20);
        upAndDown(portsA, portsB, InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"), 33884,
            true);
    }

    @Test
    void ipv4MultihopReachesUpNative() throws Exception {
        final TransportConfig portsA = new TransportConfig(35784, 35884, 36784, 36884, 35785, 35885, 50321, 50322,
            1 << 20);
        final TransportConfig portsB = new TransportConfig(35884, 35784, 36884, 36784, 35885, 35785, 50331, 50332,
            1 << 20);
        final InetAddress addrA = InetAddress.getByName("127.0.0.3");
        final InetAddress addrB = InetAddress.getByName("127.0.0.4");
        upAndDown(portsA, portsB, new SessionConfig("a", new MultiHopKey(addrA, addrB), addrA, 300_000, 300_000, 3, 0,
            0, false, false, null, "", 0, 0, 250, false), new SessionConfig("b", new MultiHopKey(addrB, addrA), addrB,
            300_000, 300_000, 3, 0, 0, false, false, null, "", 0, 0, 250, false), addrB, 36884, true);
    }

    @Test
    void ipv6LoopbackReachesUpNative() throws Exception {
        final TransportConfig portsA = new TransportConfig(37784, 37884, 38784, 38884, 37785, 37885, 50341, 50342,
            1 << 20);
        final TransportConfig portsB = new TransportConfig(37884, 37784, 38884, 38784, 37885, 37785, 50351, 50352,
            1 << 20);
        final InetAddress loopback = InetAddress.getByName("::1");
        upAndDown(portsA, portsB, loopback, loopback, 37884, true);
    }

    @Test
    void ipv4MultihopReachesUp() throws Exception {
        final TransportConfig ports = new TransportConfig(15784, 15784, 16784, 16784, 15785, 15785, 50111, 50112,
            1 << 20);
        final InetAddress addrA = InetAddress.getByName("127.0.0.3");
        final InetAddress addrB = InetAddress.getByName("127.0.0.4");
        // RFC 5883: port 4784, keyed by source and destination; rx-ttl floor 250 here.
        upAndDown(ports, ports, new SessionConfig("a", new MultiHopKey(addrA, addrB), addrA, 300_000, 300_000, 3, 0,
            0, false, false, null, "", 0, 0, 250, false), new SessionConfig("b", new MultiHopKey(addrB, addrA), addrB,
            300_000, 300_000, 3, 0, 0, false, false, null, "", 0, 0, 250, false), addrB, 16784, false);
    }

    @Test
    void ipv6LoopbackReachesUp() throws Exception {
        final TransportConfig portsA = new TransportConfig(23784, 23884, 24784, 24884, 23785, 23885, 50201, 50202,
            1 << 20);
        final TransportConfig portsB = new TransportConfig(23884, 23784, 24884, 24784, 23885, 23785, 50211, 50212,
            1 << 20);
        final InetAddress loopback = InetAddress.getByName("::1");
        upAndDown(portsA, portsB, loopback, loopback, 23884, false);
    }

}
