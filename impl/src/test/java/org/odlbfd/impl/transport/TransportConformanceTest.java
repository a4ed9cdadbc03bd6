/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5881 §4-§5 and RFC 5883 §2 on the wire: our agent (the native transport, real sockets on
 * loopback) against a hand-driven peer ({@link RawPeer}) that crafts datagrams with any source,
 * TTL and port. Each test is named after the clause it checks; the conformance table points here.
 */
class TransportConformanceTest {
    private static final InetAddress PEER = addr("127.0.0.1");
    private static final InetAddress US = addr("127.0.0.2");
    private static final InetAddress MH_PEER = addr("127.0.0.3");
    private static final InetAddress MH_PEER2 = addr("127.0.0.4");
    private static final InetAddress STRANGER = addr("127.0.0.9");
    private static final int SH_PORT = 43784;
    private static final int SH_PEER_PORT = 43884;
    private static final int MH_PORT = 44784;
    private static final int MH_PEER_PORT = 44884;
    private static final int ECHO_PORT = 43785;
    private static final int ECHO_PEER_PORT = 43885;
    private static final int SH_SOURCE = 50401;
    private static final int MH_SOURCE = 50402;
    private static final int PEER_DISCR = 0x0BFD_0001;
    private static final TransportConfig PORTS = new TransportConfig(SH_PORT, SH_PEER_PORT, MH_PORT, MH_PEER_PORT,
        ECHO_PORT, ECHO_PEER_PORT, SH_SOURCE, MH_SOURCE, 1 << 20);

    private final ScheduledExecutorService keepalive = Executors.newSingleThreadScheduledExecutor();
    private NativeTransport transport;
    private BfdEngine engine;
    private RawPeer shPeer;
    private RawPeer mhPeer;
    private RawPeer echoPeer;

    static InetAddress addr(final String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void start(final TransportConfig ports) throws Exception {
        transport = NativeTransport.create(2, ports);
        engine = new BfdEngine(transport.schedulers(), Clock.SYSTEM, transport::sink, KeyProvider.NONE, 7,
            new EngineObserver() { });
        transport.attach(engine);
        shPeer = new RawPeer(false, SH_PEER_PORT);
        mhPeer = new RawPeer(false, MH_PEER_PORT);
        echoPeer = new RawPeer(false, ECHO_PEER_PORT);
    }

    @AfterEach
    void stop() {
        keepalive.shutdownNow();
        for (RawPeer peer : new RawPeer[] {shPeer, mhPeer, echoPeer}) {
            if (peer != null) {
                peer.close();
            }
        }
        if (transport != null) {
            transport.close();
        }
    }

    private static SessionConfig singleHop(final long echoUs) {
        return new SessionConfig("sh", new SingleHopKey("lo", PEER), US, 100_000, 100_000, 3, echoUs, echoUs, false,
            false, null, "", 0, 0, 254, false);
    }

    private static SessionConfig multiHop(final InetAddress peer, final int rxTtl, final int txTtl) {
        return new SessionConfig("mh-" + peer.getHostAddress(), new MultiHopKey(US, peer), US, 100_000, 100_000, 3,
            0, 0, false, false, null, "", 0, 0, rxTtl, false, txTtl, null);
    }

    private void configure(final SessionConfig config) {
        assertTrue(transport.open(config), "sockets open");
        engine.configure(config).join();
    }

    private SessionSnapshot snapshot(final SessionConfig config) throws Exception {
        return engine.snapshot(config.key()).get(5, TimeUnit.SECONDS);
    }

    /** Brings the single-hop session Up by hand and keeps it Up (Up packets every 30 ms). */
    private int bringUp(final SessionConfig config, final long echoRxUs) throws Exception {
        configure(config);
        final int ours = snapshot(config).localDiscr();
        shPeer.send(RawPeer.packet(State.INIT, PEER_DISCR, ours, echoRxUs), PEER, US, SH_PORT, 255);
        keepalive.scheduleAtFixedRate(() -> {
            try {
                shPeer.send(RawPeer.packet(State.UP, PEER_DISCR, ours, echoRxUs), PEER, US, SH_PORT, 255);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, 30, 30, TimeUnit.MILLISECONDS);
        for (int i = 0; i < 100 && snapshot(config).localState() != State.UP; i++) {
            Thread.sleep(20);
        }
        assertEquals(State.UP, snapshot(config).localState(), "the hand-driven handshake reached Up");
        return ours;
    }

    @Test
    void rfc5881Section4ControlPacketsLeaveFromSourcePortWithTtl255() throws Exception {
        start(PORTS);
        configure(singleHop(0));
        final List<RawPeer.Datagram> got = shPeer.receive(400);
        assertFalse(got.isEmpty(), "our Down packets reached the peer");
        for (RawPeer.Datagram datagram : got) {
            assertEquals(SH_SOURCE, datagram.sourcePort(), "RFC 5881 §4: a source port in 49152-65535");
            assertEquals(255, datagram.ttl(), "RFC 5881 §5: sent with TTL 255");
            assertEquals(US, datagram.source(), "the session's source address, chosen per datagram");
            assertEquals(PEER, datagram.destination());
        }
    }

    @Test
    void rfc5881Section5PacketsBelowTtl255AreDiscardedAndCounted() throws Exception {
        start(PORTS);
        final SessionConfig config = singleHop(0);
        final int ours = bringUp(config, 0);
        shPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, ours, 0), PEER, US, SH_PORT, 254);
        shPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, 0, 0), PEER, US, SH_PORT, 64);
        Thread.sleep(200);
        final SessionSnapshot snap = snapshot(config);
        assertEquals(State.UP, snap.localState(), "a packet that crossed a router does not take the session Down");
        assertEquals(1, snap.statistics().rejected(RejectReason.TTL_TOO_LOW), "counted on the session");
        assertEquals(2, engine.stats().get().rejected(RejectReason.TTL_TOO_LOW), "and globally (Your Discr 0)");
    }

    @Test
    void rfc5881Section4SourcePortSocketsReadNothing() throws Exception {
        start(PORTS);
        final SessionConfig config = singleHop(0);
        final int ours = bringUp(config, 0);
        final long invalid = engine.stats().get().rxInvalid();
        // issue 9: a spoofed Down to our source port once took the session Down (50 of 50)
        for (int i = 0; i < 50; i++) {
            shPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, i % 2 == 0 ? 0 : ours, 0), PEER, US, SH_SOURCE, 255);
            shPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, 0, 0), PEER, US, SH_SOURCE, 64);
        }
        Thread.sleep(200);
        assertEquals(State.UP, snapshot(config).localState());
        assertEquals(0, snapshot(config).statistics().downCount());
        assertEquals(invalid, engine.stats().get().rxInvalid(), "nothing sent to 49152 reached the engine");
    }

    @Test
    void rfc5881Section4PacketsAreTakenOnlyFromTheSessionsPortAndPeer() throws Exception {
        start(PORTS);
        final SessionConfig config = singleHop(0);
        configure(multiHop(MH_PEER, 254, 255));
        final int ours = bringUp(config, 0);
        // the single-hop session's discriminator on the multihop port (RFC 5883 §2 vs RFC 5881 §4)
        mhPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, ours, 0), PEER, US, MH_PORT, 255);
        // the right port and TTL, but another source than the session's peer
        shPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, ours, 0), STRANGER, US, SH_PORT, 255);
        Thread.sleep(200);
        final SessionSnapshot snap = snapshot(config);
        assertEquals(State.UP, snap.localState());
        assertEquals(1, snap.statistics().rejected(RejectReason.WRONG_PORT));
        assertEquals(1, snap.statistics().rejected(RejectReason.WRONG_SOURCE));
    }

    @Test
    void rfc5883Section2RxTtlIsCheckedPerSessionAndChangesApply() throws Exception {
        start(PORTS);
        final SessionConfig strict = multiHop(MH_PEER, 250, 255);
        final SessionConfig loose = multiHop(MH_PEER2, 200, 255);
        configure(strict);
        configure(loose);
        // both share the multihop sockets; each keeps its own floor
        mhPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, 0, 0), MH_PEER, US, MH_PORT, 240);
        mhPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR + 1, 0, 0), MH_PEER2, US, MH_PORT, 240);
        Thread.sleep(200);
        assertEquals(1, snapshot(strict).statistics().rejected(RejectReason.RX_TTL_BELOW_FLOOR));
        assertEquals(State.DOWN, snapshot(strict).localState());
        assertEquals(State.INIT, snapshot(loose).localState(), "TTL 240 >= 200: accepted");
        // raising the loose session's rx-ttl applies to the next packet
        configure(multiHop(MH_PEER2, 245, 255));
        mhPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR + 1, 0, 0), MH_PEER2, US, MH_PORT, 240);
        Thread.sleep(200);
        assertEquals(1, snapshot(loose).statistics().rejected(RejectReason.RX_TTL_BELOW_FLOOR));
    }

    @Test
    void rfc5883Section2TxTtlIsAppliedOnTheWire() throws Exception {
        start(PORTS);
        configure(multiHop(MH_PEER, 254, 200));
        final List<RawPeer.Datagram> got = mhPeer.receive(400);
        assertFalse(got.isEmpty());
        for (RawPeer.Datagram datagram : got) {
            assertEquals(200, datagram.ttl(), "tx-ttl 200");
            assertEquals(MH_SOURCE, datagram.sourcePort());
            assertEquals(MH_PEER, datagram.destination());
        }
    }

    @Test
    void rfc5881Section4EchoIsAddressedToOurselvesInRfcMode() throws Exception {
        start(PORTS.withIpv4EchoToSelf(true));
        bringUp(singleHop(50_000), 50_000);
        final List<RawPeer.Datagram> echoes = echoPeer.receive(400);
        assertFalse(echoes.isEmpty(), "Echo runs once Up with a peer that advertises Required Min Echo RX");
        for (RawPeer.Datagram echo : echoes) {
            assertEquals(US, echo.destination(), "RFC 5881 §4: addressed so that the peer forwards it back to us");
            assertEquals(US, echo.source());
            assertEquals(255, echo.ttl());
            assertEquals(24, echo.payload().length, "FRR's 24-byte layout");
        }
    }

    @Test
    void rfc5881Section4EchoToThePeerInCompatibilityMode() throws Exception {
        start(PORTS);
        bringUp(singleHop(50_000), 50_000);
        final List<RawPeer.Datagram> echoes = echoPeer.receive(400);
        assertFalse(echoes.isEmpty());
        echoes.forEach(echo -> assertEquals(PEER, echo.destination(), "peer-address mode"));
    }

    @Test
    void rfc5880Section64ForgedAndReplayedEchoDoNotCount() throws Exception {
        start(PORTS);
        final SessionConfig config = singleHop(50_000);
        bringUp(config, 50_000);
        keepalive.shutdownNow();
        final RawPeer.Datagram echo = echoPeer.receive(200).get(0);
        final byte[] forged = echo.payload().clone();
        forged[23] ^= 1;
        final long before = snapshot(config).statistics().echoRxPackets();
        echoPeer.send(forged, PEER, US, ECHO_PORT, 254);
        echoPeer.send(echo.payload(), STRANGER, US, ECHO_PORT, 254);
        Thread.sleep(100);
        final SessionSnapshot snap = snapshot(config);
        assertEquals(before, snap.statistics().echoRxPackets(), "a wrong nonce or a stranger's return never counts");
        assertEquals(1, snap.statistics().rejected(RejectReason.BAD_ECHO), "the wrong nonce (the stranger is "
            + "dropped before the engine)");
    }

    @Test
    void rfc5881Section4EchoIsLoopedBackOnlyToThePeerAt255() throws Exception {
        start(PORTS);
        bringUp(singleHop(50_000), 50_000);
        keepalive.shutdownNow();
        echoPeer.receive(100);
        final byte[] theirs = {1, 24, 0, 0, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0, 0, 0, 0, 1,
            0, 0, 0, 0, 0, 0, 0, 0};
        echoPeer.send(theirs, PEER, US, ECHO_PORT, 255);
        List<RawPeer.Datagram> back = echoPeer.receive(100).stream()
            .filter(d -> d.payload()[4] == 0x11).toList();
        assertEquals(1, back.size(), "the peer's Echo comes back");
        assertEquals(254, back.get(0).ttl(), "as a forwarding plane sends it");
        assertEquals(PEER, back.get(0).destination());
        assertEquals(1, back.get(0).payload()[2], "marked as looped back");
        // not from a stranger, not when it crossed a router, never twice
        echoPeer.send(theirs, STRANGER, US, ECHO_PORT, 255);
        echoPeer.send(theirs, PEER, US, ECHO_PORT, 64);
        echoPeer.send(back.get(0).payload(), PEER, US, ECHO_PORT, 255);
        back = echoPeer.receive(150).stream().filter(d -> d.payload()[4] == 0x11).toList();
        assertEquals(0, back.size(), "the Echo port is no open reflector");
    }

    @Test
    void echoLoopBackIsRateLimitedToTheAdvertisedInterval() throws Exception {
        start(PORTS);
        bringUp(singleHop(50_000), 50_000);
        keepalive.shutdownNow();
        echoPeer.receive(100);
        final byte[] theirs = {1, 24, 0, 0, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0, 0, 0, 0, 1,
            0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < 100; i++) {
            echoPeer.send(theirs, PEER, US, ECHO_PORT, 255);
        }
        final long back = echoPeer.receive(150).stream().filter(d -> d.payload()[4] == 0x11).count();
        assertTrue(back >= 1 && back <= 6, "a burst of 100 within ~0.2 s at 50 ms: " + back + " looped back");
    }

    /**
     * Not an RFC clause: with wildcard sockets a session configured before its source address
     * exists cannot send yet; it says why in its transport status, and the status clears once its
     * packets leave again.
     */
    @Test
    void missingSourceAddressIsReportedAndClears() throws Exception {
        start(PORTS);
        final SessionConfig absent = new SessionConfig("sh", new SingleHopKey("lo", PEER), addr("192.0.2.99"),
            100_000, 100_000, 3, 0, 0, false, false, null, "", 0, 0, 254, false);
        configure(absent);
        String status = null;
        for (int i = 0; i < 100 && status == null; i++) {
            Thread.sleep(20);
            status = snapshot(absent).transportStatus();
        }
        assertTrue(status != null && status.startsWith("send failed: E"), "status: " + status);
        assertTrue(snapshot(absent).statistics().txFailed() == 0, "queued, refused by the kernel: " + status);
        configure(singleHop(0));
        for (int i = 0; i < 100 && snapshot(absent).transportStatus() != null; i++) {
            Thread.sleep(20);
        }
        assertEquals(null, snapshot(absent).transportStatus(), "sending works again");
        assertFalse(shPeer.receive(300).isEmpty());
    }

    /**
     * Not an RFC clause: a session of a VRF gets a socket set of its own, bound to the VRF device
     * (SO_BINDTODEVICE; this machine's kernel has no VRF module, so "lo" stands in for the device),
     * and a VRF device that does not exist is a clear error, never a socket of the default VRF.
     */
    @Test
    void vrfSocketsAreBoundToTheirDeviceOrFailClearly() throws Exception {
        start(PORTS);
        final SessionConfig inVrf = multiHop(MH_PEER, 254, 255).withVrf("lo");
        configure(inVrf);
        mhPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, 0, 0), MH_PEER, US, MH_PORT, 255);
        for (int i = 0; i < 50 && snapshot(inVrf).localState() != State.INIT; i++) {
            Thread.sleep(20);
        }
        assertEquals(State.INIT, snapshot(inVrf).localState(), "the VRF's sockets received the peer's packet");

        final SessionConfig missing = multiHop(MH_PEER2, 254, 255).withVrf("no-such-vrf0");
        assertFalse(transport.open(missing));
        final String status = transport.status(missing);
        assertTrue(status != null && status.contains("SO_BINDTODEVICE") && status.contains("no-such-vrf0"),
            "status: " + status);
    }

    /**
     * Not an RFC clause (issue 12): the SO_REUSEPORT selector reads each packet with a non-zero Your
     * Discriminator on the loop that owns its session, so no packet is handed between loops.
     */
    @Test
    void steeringReadsEachPacketOnItsSessionsLoop() throws Exception {
        start(PORTS);
        final java.util.List<SessionConfig> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            final SessionConfig config = multiHop(addr("127.0.0." + (20 + i)), 254, 255);
            configure(config);
            sessions.add(config);
        }
        final java.util.Set<Integer> shards = new java.util.HashSet<>();
        final long before = engine.handedOff();
        for (SessionConfig config : sessions) {
            final int ours = snapshot(config).localDiscr();
            shards.add(BfdEngine.shardIndexOfDiscr(ours, 2));
            final InetAddress peer = ((MultiHopKey) config.key()).destination();
            mhPeer.send(RawPeer.packet(State.DOWN, PEER_DISCR, ours, 0), peer, US, MH_PORT, 255);
        }
        Thread.sleep(200);
        for (SessionConfig config : sessions) {
            assertEquals(State.INIT, snapshot(config).localState(), config.name());
        }
        assertEquals(2, shards.size(), "sessions on both loops");
        assertEquals(before, engine.handedOff(), "every packet was read on its session's loop");
    }
}
