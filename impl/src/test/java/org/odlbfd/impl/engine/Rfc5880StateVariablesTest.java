/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.plain;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.PEER;
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5880 §6.8.1 (State Variables), §6.3 (Discriminators), §6.1-§6.2 (roles, three-way handshake)
 * and §6.8.4 (Detection Time).
 */
class Rfc5880StateVariablesTest {
    private final Scripted peer = new Scripted();
    private int ours;

    private Scripted.Pkt up() {
        return pkt().state(State.UP).your(ours);
    }

    @Test
    void s6_8_1_initialValues() {
        peer.engine.configure(plain("a", KEY_A, ADDR_A));
        peer.loop.runMillis(3_000);
        final SessionSnapshot snap = peer.snapshot(KEY_A);
        assertEquals(State.DOWN, snap.localState(), "bfd.SessionState: Down");
        assertEquals(State.DOWN, snap.remoteState(), "bfd.RemoteSessionState: Down");
        assertEquals(0, snap.remoteDiscr(), "bfd.RemoteDiscr: 0");
        assertEquals(Diagnostic.NONE, snap.localDiag(), "bfd.LocalDiag: 0");
        assertFalse(snap.remoteDemand(), "bfd.RemoteDemandMode: 0");
        assertNotEquals(0, snap.localDiscr(), "bfd.LocalDiscr non-zero");
        for (Scripted.Sent sent : peer.sent) {
            final ControlPacket packet = sent.packet();
            assertEquals(State.DOWN, packet.state());
            assertEquals(0, packet.diagCode());
            assertEquals(0, packet.yourDiscriminator());
            assertEquals(1_000_000, packet.desiredMinTxUs(), "bfd.DesiredMinTxInterval: at least 1 s");
            assertFalse(packet.demand() || packet.poll() || packet.fin());
        }
        // bfd.RemoteMinRxInterval starts at 1: we send at our own (slow) rate
        assertEquals(1_000_000, snap.negotiatedTxUs());
    }

    @Test
    void s6_8_1_detectMultMustBeNonZero() {
        assertThrows(IllegalArgumentException.class, () -> new SessionConfig("a", KEY_A, ADDR_A, 300_000, 300_000, 0,
            0, 0, false, false, null, "", 0, 0, 254, false));
        assertThrows(IllegalArgumentException.class, () -> new SessionConfig("a", KEY_A, ADDR_A, 0, 300_000, 3, 0, 0,
            false, false, null, "", 0, 0, 254, false), "bfd.DesiredMinTxInterval is never zero");
    }

    @Test
    void s6_8_1_remoteDiscriminatorIsZeroedAfterADetectionTimeInEveryState() {
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        // Up: the silence takes the session Down and zeroes bfd.RemoteDiscr
        peer.loop.runMillis(2_000);
        assertEquals(State.DOWN, peer.snapshot(KEY_A).localState());
        assertEquals(0, peer.snapshot(KEY_A).remoteDiscr());
        // AdminDown: the peer is heard, then falls silent
        peer.engine.adminState(KEY_A, true);
        peer.feed(KEY_A, pkt().state(State.DOWN).your(ours), 250, 1_000);
        assertEquals(PEER, peer.snapshot(KEY_A).remoteDiscr());
        peer.loop.runMillis(2_000);
        assertEquals(0, peer.snapshot(KEY_A).remoteDiscr(), "zeroed in AdminDown too");
        assertEquals(0, peer.last().packet().yourDiscriminator());
    }

    @Test
    void s6_8_1_authSeqKnownIsForgottenAfterTwiceTheDetectionTime() {
        final AuthKey key = new AuthKey(1, "seq".getBytes(StandardCharsets.US_ASCII));
        final KeyProvider keys = Scripted.oneKey("c", key);
        final Scripted signed = new Scripted(keys);
        final SessionConfig config = new SessionConfig("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, 0, false, false,
            AuthType.METICULOUS_KEYED_SHA1, "c", 0, 0, 254, false);
        signed.engine.configure(config);
        signed.loop.runMillis(1);
        final Authenticator before = Authenticator.create(AuthType.METICULOUS_KEYED_SHA1, "c", keys,
            new SplittableRandom(11));
        for (int i = 0; i < 4; i++) {
            signed.deliverSigned(KEY_A, pkt().state(State.DOWN), before);
            signed.loop.runMillis(250);
        }
        assertEquals(State.INIT, signed.snapshot(KEY_A).localState());
        // The peer restarts with a new random sequence number (6.8.1 bfd.XmitAuthSeq)
        final Authenticator restarted = Authenticator.create(AuthType.METICULOUS_KEYED_SHA1, "c", keys,
            new SplittableRandom(12));
        // one Detection Time (900 ms) of silence: still known, the new sequence is refused
        signed.loop.runMillis(1_000);
        signed.deliverSigned(KEY_A, pkt().state(State.DOWN), restarted);
        signed.loop.runMillis(1);
        assertEquals(1, signed.rejected(KEY_A, RejectReason.AUTH_SEQUENCE));
        // twice the Detection Time: bfd.AuthSeqKnown is 0 again and the packet is accepted
        signed.loop.runMillis(2_000);
        final long received = signed.snapshot(KEY_A).statistics().rxPackets();
        signed.deliverSigned(KEY_A, pkt().state(State.DOWN), restarted);
        signed.loop.runMillis(1);
        assertEquals(received + 1, signed.snapshot(KEY_A).statistics().rxPackets());
    }

    @Test
    void s6_3_discriminatorsAreNonZeroAndUnique() {
        final Wire wire = new Wire();
        final Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            final SingleHopKey key = new SingleHopKey("eth" + i, ADDR_A);
            wire.sideA.engine.configure(plain("s" + i, key, ADDR_A));
            final int discr = wire.sideA.snapshot(key).localDiscr();
            assertNotEquals(0, discr);
            assertTrue(seen.add(discr), "duplicate " + discr);
        }
    }

    @Test
    void s6_3_yourDiscriminatorSelectsTheSessionWhateverTheAddressAndInterface() {
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        final long received = peer.snapshot(KEY_A).statistics().rxPackets();
        peer.deliver(new SingleHopKey("eth9", Scripted.addr("198.51.100.9")), up());
        peer.loop.runMillis(1);
        assertEquals(received + 1, peer.snapshot(KEY_A).statistics().rxPackets());
        // RFC 5881 §6: our packets still go to the configured peer
        assertTrue(peer.sent.stream().allMatch(s -> s.config().key().equals(KEY_A)));
    }

    @Test
    void s6_3_thePeerMayChangeItsDiscriminator() {
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        peer.feed(KEY_A, up().my(PEER + 7), 250, 1_000);
        assertEquals(PEER + 7, peer.last().packet().yourDiscriminator());
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_2_downComesBackOnlyThroughTheThreeWayHandshake() {
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        peer.loop.runMillis(2_000);
        assertEquals(State.DOWN, peer.snapshot(KEY_A).localState());
        // the peer, unaware, goes on saying Up: "it cannot come back up until the remote end first
        // signals that it is down" (6.1)
        peer.feed(KEY_A, up(), 250, 2_000);
        assertEquals(State.DOWN, peer.snapshot(KEY_A).localState());
        peer.deliver(KEY_A, pkt().state(State.DOWN).your(ours));
        peer.loop.runMillis(1);
        assertEquals(State.INIT, peer.snapshot(KEY_A).localState());
        peer.deliver(KEY_A, up());
        peer.loop.runMillis(1);
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_8_4_initAndUpTimeOutWithDiag1AtTheDetectionTime() {
        peer.engine.configure(plain("a", KEY_A, ADDR_A));
        peer.loop.runMillis(1);
        ours = peer.snapshot(KEY_A).localDiscr();
        peer.deliver(KEY_A, pkt().state(State.DOWN).timers(400_000, 300_000).mult(2));
        final long last = peer.loop.nanoTime();
        peer.loop.runMillis(2_000);
        final Wire.Change down = peer.changes.get(peer.changes.size() - 1);
        assertEquals(State.INIT, down.from());
        assertEquals(Diagnostic.CONTROL_EXPIRY, down.snapshot().localDiag());
        // the peer's Detect Mult (2) x the larger of our RX (300 ms) and its TX (400 ms)
        assertEquals(last + 800 * MS, down.atNanos());
    }

    @Test
    void s6_8_4_discardedPacketsDoNotCountAsReceived() {
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        peer.deliver(KEY_A, up());
        final long last = peer.loop.nanoTime();
        // a stream of packets that are all discarded (multipoint, wrong discriminator, zero mult)
        for (int i = 0; i < 10; i++) {
            peer.deliver(KEY_A, up().multipoint());
            peer.deliver(KEY_A, up().your(ours + 1));
            peer.deliver(KEY_A, up().mult(0));
            peer.loop.runMillis(100);
        }
        final List<Wire.Change> changes = peer.changes;
        final Wire.Change down = changes.get(changes.size() - 1);
        assertEquals(State.DOWN, down.to());
        assertEquals(last + 900 * MS, down.atNanos());
    }
}
