/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.plain;
import static org.odlbfd.impl.engine.Scripted.addr;
import static org.odlbfd.impl.engine.Scripted.pkt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5881 §6 on point-to-point links: "the source address of a received BFD Control packet MUST
 * NOT be used to identify the session. This means that the initial BFD packet MUST be accepted
 * with any source address, and that subsequent BFD packets MUST be demultiplexed solely by the Your
 * Discriminator field". The packets arrive with the transport's metadata ({@link RxMeta}: TTL,
 * interface, source), so the acceptance checks run as they do on the wire; which interfaces are
 * point-to-point is what the transport tells the engine.
 */
class Rfc5881PointToPointTest {
    private static final InetAddress LOCAL = addr("192.0.2.1");
    private static final InetAddress CONFIGURED = addr("192.0.2.2");
    /** The address the peer really sends from: not the one the operator configured. */
    private static final InetAddress OTHER = addr("192.0.2.66");
    private static final SingleHopKey KEY = new SingleHopKey("tun0", CONFIGURED);

    private final Scripted peer = new Scripted();

    private static RxMeta from(final InetAddress source, final String ifname, final int ttl) {
        return new RxMeta(false, ttl, ifname, source, LOCAL);
    }

    private void deliver(final RxMeta meta, final Scripted.Pkt packet) {
        peer.engine.submit(new EngineInput.Received(meta.demuxKey(), packet.build(), null, null, meta));
        peer.loop.runMillis(1);
    }

    private long noSession() {
        return peer.engine.unattributedRejectCounts().join()[RejectReason.NO_SESSION.ordinal()];
    }

    private void pointToPoint(final String ifname) {
        peer.engine.pointToPointInterfaces(ifname::equals);
    }

    @Test
    void s6_pointToPointFirstPacketFromAnotherAddressIsAccepted() {
        pointToPoint("tun0");
        peer.engine.configure(plain("p2p", KEY, LOCAL));
        // another family on the same link is no second candidate for an IPv4 packet
        peer.engine.configure(plain("p2p6", new SingleHopKey("tun0", addr("2001:db8::2")), addr("2001:db8::1")));
        peer.loop.runMillis(1);
        deliver(from(OTHER, "tun0", 255), pkt().state(State.DOWN));
        assertEquals(State.INIT, peer.snapshot(KEY).localState(), "the first packet was not accepted");
        final int ours = peer.snapshot(KEY).localDiscr();
        // "subsequent BFD packets MUST be demultiplexed solely by the Your Discriminator field"
        deliver(from(OTHER, "tun0", 255), pkt().state(State.UP).your(ours));
        assertEquals(State.UP, peer.snapshot(KEY).localState());
        assertEquals(2, peer.snapshot(KEY).statistics().rxPackets());
        assertEquals(0, peer.snapshot(KEY).statistics().rejected(RejectReason.WRONG_SOURCE));
        // RFC 5881 §6 too: our packets still go to the configured address, not the one seen
        assertTrue(peer.sent.stream().filter(s -> s.config().name().equals("p2p"))
            .allMatch(s -> s.config().key().equals(KEY)));
        assertEquals(State.DOWN, peer.snapshot(new SingleHopKey("tun0", addr("2001:db8::2"))).localState());
    }

    @Test
    void s6_notPointToPointFirstPacketFromAnotherAddressIsNotMatched() {
        pointToPoint("tun1");
        peer.engine.configure(plain("p2p", KEY, LOCAL));
        peer.loop.runMillis(1);
        final long before = noSession();
        deliver(from(OTHER, "tun0", 255), pkt().state(State.DOWN));
        assertEquals(before + 1, noSession());
        assertEquals(State.DOWN, peer.snapshot(KEY).localState());
        assertEquals(0, peer.snapshot(KEY).statistics().rxPackets());
    }

    @Test
    void s6_twoCandidateSessionsOnThePointToPointInterfaceMatchNeither() {
        pointToPoint("tun0");
        final SingleHopKey second = new SingleHopKey("tun0", addr("192.0.2.3"));
        peer.engine.configure(plain("p2p", KEY, LOCAL));
        peer.engine.configure(plain("p2p-b", second, LOCAL));
        peer.loop.runMillis(1);
        final long before = noSession();
        deliver(from(OTHER, "tun0", 255), pkt().state(State.DOWN));
        assertEquals(before + 1, noSession());
        assertEquals(State.DOWN, peer.snapshot(KEY).localState());
        assertEquals(State.DOWN, peer.snapshot(second).localState());
    }

    @Test
    void s6_aSessionThatLearntItsPeersDiscriminatorIsNoCandidate() {
        pointToPoint("tun0");
        peer.engine.configure(plain("p2p", KEY, LOCAL));
        peer.loop.runMillis(1);
        deliver(from(OTHER, "tun0", 255), pkt().state(State.DOWN));
        deliver(from(OTHER, "tun0", 255), pkt().state(State.UP).your(peer.snapshot(KEY).localDiscr()));
        assertEquals(State.UP, peer.snapshot(KEY).localState());
        final long received = peer.snapshot(KEY).statistics().rxPackets();
        final long before = noSession();
        // a Your Discriminator 0 packet from yet another address (a second box on the link) changes nothing
        deliver(from(addr("192.0.2.77"), "tun0", 255), pkt().state(State.DOWN).my(99));
        assertEquals(before + 1, noSession());
        assertEquals(received, peer.snapshot(KEY).statistics().rxPackets());
        assertEquals(State.UP, peer.snapshot(KEY).localState());
    }

    @Test
    void s5_theTtlCheckStillAppliesOnPointToPointLinks() {
        pointToPoint("tun0");
        peer.engine.configure(plain("p2p", KEY, LOCAL));
        peer.loop.runMillis(1);
        deliver(from(OTHER, "tun0", 254), pkt().state(State.DOWN));
        assertEquals(1, peer.rejected(KEY, RejectReason.TTL_TOO_LOW));
        assertEquals(State.DOWN, peer.snapshot(KEY).localState());
    }

    @Test
    void s3_theSessionStaysBoundToItsInterface() {
        peer.engine.pointToPointInterfaces(ifname -> ifname.startsWith("tun"));
        peer.engine.configure(plain("p2p", KEY, LOCAL));
        peer.loop.runMillis(1);
        final long before = noSession();
        deliver(from(OTHER, "tun1", 255), pkt().state(State.DOWN));
        assertEquals(before + 1, noSession());
        assertEquals(State.DOWN, peer.snapshot(KEY).localState());
    }

    @Test
    void s6_theFirstPacketReadOnAnotherLoopReachesTheSessionsShard() {
        final int shards = 4;
        final BfdEngine engine = new BfdEngine(List.of(peer.loop, peer.loop, peer.loop, peer.loop), peer.loop,
            ignored -> peer, KeyProvider.NONE, 42, peer);
        engine.pointToPointInterfaces("tun0"::equals);
        engine.configure(plain("p2p", KEY, LOCAL));
        peer.loop.runMillis(1);
        final int home = engine.shardIndex(plain("p2p", KEY, LOCAL));
        // a source address that the address hash puts on another shard than the session's
        InetAddress source = OTHER;
        for (int host = 100; ShardHash.ofPeer(source, shards) == home && host < 200; host++) {
            source = addr("192.0.2." + host);
        }
        final int readOn = ShardHash.ofPeer(source, shards);
        assertNotEquals(home, readOn);
        final ByteBuf payload = Unpooled.buffer();
        ControlPacketCodec.encode(pkt().state(State.DOWN).build(), payload);
        // read inline on the loop the transport's steering would pick for that source
        engine.receiveInline(readOn, from(source, "tun0", 255), payload);
        payload.release();
        peer.loop.runMillis(1);
        assertEquals(State.INIT, engine.snapshot(KEY).join().localState());
    }

    @Test
    void s6_authenticationStillAppliesOnPointToPointLinks() {
        final AuthKey key = new AuthKey(7, "point-to-point".getBytes(StandardCharsets.US_ASCII));
        final KeyProvider keys = Scripted.oneKey("k", key);
        final Scripted signed = new Scripted(keys);
        signed.engine.pointToPointInterfaces("tun0"::equals);
        signed.engine.configure(new SessionConfig("p2p", KEY, LOCAL, 300_000, 300_000, 3, 0, 0, false, false,
            AuthType.KEYED_SHA1, "k", 0, 0, 254, false));
        signed.loop.runMillis(1);
        final RxMeta meta = from(OTHER, "tun0", 255);
        // unsigned, from another address: selected by the interface, then refused (RFC 5880 §6.8.6)
        signed.engine.submit(new EngineInput.Received(meta.demuxKey(), pkt().state(State.DOWN).build(), null, null,
            meta));
        signed.loop.runMillis(1);
        assertEquals(1, signed.rejected(KEY, RejectReason.AUTH_MISMATCH));
        assertEquals(State.DOWN, signed.snapshot(KEY).localState());
        final ByteBuf buffer = Unpooled.buffer();
        Authenticator.create(AuthType.KEYED_SHA1, "k", keys, new SplittableRandom(1))
            .encode(pkt().state(State.DOWN).build(), buffer);
        signed.engine.submit(new EngineInput.Received(meta.demuxKey(), null, buffer, null, meta));
        signed.loop.runMillis(1);
        assertEquals(State.INIT, signed.snapshot(KEY).localState());
    }
}
