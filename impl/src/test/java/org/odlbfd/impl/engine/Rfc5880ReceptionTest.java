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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.PEER;
import static org.odlbfd.impl.engine.Scripted.pkt;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5880 §6.8.6, Reception of BFD Control Packets: "the following procedure MUST be followed, in
 * the order specified. If the packet is discarded according to these rules, processing of the
 * packet MUST cease at that point." Each discard test sends a packet that breaks its rule and
 * every later one it can, so that only the order of the checks decides which reason is counted.
 */
class Rfc5880ReceptionTest {
    private static final AuthKey KEY = new AuthKey(7, "conformance".getBytes(StandardCharsets.US_ASCII));
    private static final KeyProvider KEYS = Scripted.oneKey("k", KEY);

    private final Scripted peer = new Scripted(KEYS);
    private int ours;

    private void up() {
        ours = peer.bringUp(EngineScenarioTest.plain("a", KEY_A, ADDR_A), KEY_A, pkt());
    }

    /** A valid Up packet to us as bytes, then changed by {@code edit}. */
    private byte[] upPacket(final Consumer<byte[]> edit) {
        final var buffer = Unpooled.buffer();
        ControlPacketCodec.encode(pkt().state(State.UP).your(ours).build(), buffer);
        final byte[] bytes = ByteBufUtil.getBytes(buffer);
        edit.accept(bytes);
        return bytes;
    }

    private long unattributed(final RejectReason reason) {
        return peer.engine.unattributedRejectCounts().join()[reason.ordinal()];
    }

    private void assertDiscarded(final byte[] datagram, final RejectReason expected, final boolean toSession) {
        final long session = peer.rejected(KEY_A, expected);
        final long global = unattributed(expected);
        final long valid = peer.snapshot(KEY_A).statistics().rxPackets();
        peer.deliverRaw(KEY_A, datagram);
        peer.loop.runMillis(1);
        assertEquals(session + (toSession ? 1 : 0), peer.rejected(KEY_A, expected), expected + " on the session");
        assertEquals(global + (toSession ? 0 : 1), unattributed(expected), expected + " unattributed");
        assertEquals(valid, peer.snapshot(KEY_A).statistics().rxPackets(), "not received");
    }

    @Test
    void s6_8_6_versionIsCheckedFirst() {
        up();
        // version 0, and also Detect Mult 0, M bit and My Discriminator 0
        assertDiscarded(upPacket(b -> {
            b[0] = 0;
            b[2] = 0;
            b[1] |= 0x01;
            b[4] = b[5] = b[6] = b[7] = 0;
        }), RejectReason.BAD_VERSION, true);
    }

    @Test
    void s6_8_6_lengthBelowTheMinimumIsSecond() {
        up();
        // Length 23, and Detect Mult 0
        assertDiscarded(upPacket(b -> {
            b[3] = 23;
            b[2] = 0;
        }), RejectReason.TOO_SHORT, true);
        // A bit with Length 25 (26 is the minimum with the A bit)
        final byte[] withA = new byte[26];
        System.arraycopy(upPacket(b -> {
            b[1] |= 0x04;
            b[3] = 25;
            b[2] = 0;
        }), 0, withA, 0, 24);
        assertDiscarded(withA, RejectReason.TOO_SHORT, true);
    }

    @Test
    void s6_8_6_lengthBeyondThePayloadIsThird() {
        up();
        assertDiscarded(upPacket(b -> {
            b[3] = 30;
            b[2] = 0;
        }), RejectReason.LENGTH_MISMATCH, true);
    }

    @Test
    void s6_8_6_detectMultZeroIsFourth() {
        up();
        assertDiscarded(upPacket(b -> {
            b[2] = 0;
            b[1] |= 0x01;
            b[4] = b[5] = b[6] = b[7] = 0;
        }), RejectReason.ZERO_DETECT_MULT, true);
    }

    @Test
    void s6_8_6_multipointIsFifth() {
        up();
        assertDiscarded(upPacket(b -> {
            b[1] |= 0x01;
            b[4] = b[5] = b[6] = b[7] = 0;
        }), RejectReason.MULTIPOINT, true);
    }

    @Test
    void s6_8_6_myDiscriminatorZeroIsSixth() {
        up();
        assertDiscarded(upPacket(b -> b[4] = b[5] = b[6] = b[7] = 0), RejectReason.ZERO_MY_DISCRIMINATOR, true);
        // and before Your Discriminator 0 in Up, which is not attributable to any session
        assertDiscarded(upPacket(b -> {
            b[4] = b[5] = b[6] = b[7] = 0;
            b[8] = b[9] = b[10] = b[11] = 0;
        }), RejectReason.ZERO_MY_DISCRIMINATOR, false);
    }

    @Test
    void s6_8_6_unknownYourDiscriminatorIsDiscarded() {
        up();
        assertDiscarded(upPacket(b -> b[11] ^= 0x40), RejectReason.UNKNOWN_DISCRIMINATOR, false);
    }

    @Test
    void s6_8_6_yourDiscriminatorZeroOnlyInDownOrAdminDown() {
        up();
        for (State state : List.of(State.UP, State.INIT)) {
            assertDiscarded(upPacket(b -> {
                b[8] = b[9] = b[10] = b[11] = 0;
                b[1] = (byte) (state.code() << 6);
            }), RejectReason.ZERO_YOUR_DISCRIMINATOR, false);
        }
        // Down and AdminDown with Your Discriminator 0 are received, selected by address and interface
        final long before = peer.snapshot(KEY_A).statistics().rxPackets();
        peer.deliver(KEY_A, pkt().state(State.DOWN).your(0));
        peer.loop.runMillis(1);
        assertEquals(before + 1, peer.snapshot(KEY_A).statistics().rxPackets());
    }

    @Test
    void s6_8_6_noSessionForTheAddressIsDiscarded() {
        up();
        final long before = unattributed(RejectReason.NO_SESSION);
        peer.deliver(new SingleHopKey("eth7", ADDR_A), pkt().state(State.DOWN).your(0));
        peer.loop.runMillis(1);
        assertEquals(before + 1, unattributed(RejectReason.NO_SESSION));
    }

    @Test
    void s6_8_6_authBitWithoutAuthenticationIsDiscarded() {
        up();
        final Authenticator signer = Authenticator.create(AuthType.KEYED_SHA1, "k", KEYS, new SplittableRandom(1));
        final long before = peer.rejected(KEY_A, RejectReason.AUTH_MISMATCH);
        peer.deliverSigned(KEY_A, pkt().state(State.UP).your(ours), signer);
        peer.loop.runMillis(1);
        assertEquals(before + 1, peer.rejected(KEY_A, RejectReason.AUTH_MISMATCH));
    }

    @Test
    void s6_8_6_noAuthBitWithAuthenticationIsDiscardedAndFailuresToo() {
        final SessionConfig config = new SessionConfig("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, 0, false, false,
            AuthType.KEYED_SHA1, "k", 0, 0, 254, false);
        peer.engine.configure(config);
        peer.loop.runMillis(1);
        ours = peer.snapshot(KEY_A).localDiscr();
        peer.deliver(KEY_A, pkt().state(State.DOWN).your(ours));
        peer.loop.runMillis(1);
        assertEquals(1, peer.rejected(KEY_A, RejectReason.AUTH_MISMATCH));
        // signed with another key under the same key id: the hash does not verify (§6.7.4)
        final KeyProvider wrong = new KeyProvider() {
            @Override
            public AuthKey sendKey(final String keyChain) {
                return new AuthKey(7, "another".getBytes(StandardCharsets.US_ASCII));
            }

            @Override
            public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
                return null;
            }
        };
        peer.deliverSigned(KEY_A, pkt().state(State.DOWN).your(ours),
            Authenticator.create(AuthType.KEYED_SHA1, "k", wrong, new SplittableRandom(2)));
        peer.loop.runMillis(1);
        assertEquals(1, peer.rejected(KEY_A, RejectReason.AUTH_FAILED));
        assertEquals(State.DOWN, peer.snapshot(KEY_A).localState(), "nothing was received");
        // and the right key is received (the state machine moves: Down + Down -> Init)
        peer.deliverSigned(KEY_A, pkt().state(State.DOWN).your(ours),
            Authenticator.create(AuthType.KEYED_SHA1, "k", KEYS, new SplittableRandom(3)));
        peer.loop.runMillis(1);
        assertEquals(State.INIT, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_8_6_remoteVariablesAreSetBeforeTheAdminDownDiscard() {
        up();
        peer.engine.adminState(KEY_A, true);
        peer.loop.runMillis(10);
        assertEquals(State.ADMIN_DOWN, peer.snapshot(KEY_A).localState());
        // The peer changes its discriminator and asks for packets every 2 s (and polls).
        final int sentBefore = peer.sent.size();
        peer.deliver(KEY_A, pkt().state(State.DOWN).my(PEER + 1).your(ours).timers(300_000, 2_000_000).poll());
        peer.loop.runMillis(1);
        final SessionSnapshot snap = peer.snapshot(KEY_A);
        assertEquals(PEER + 1, snap.remoteDiscr(), "bfd.RemoteDiscr is set before the discard");
        assertEquals(2_000_000, snap.negotiatedTxUs(), "bfd.RemoteMinRxInterval is set before the discard");
        assertEquals(State.DOWN, snap.remoteState());
        assertEquals(State.ADMIN_DOWN, snap.localState(), "then the packet is discarded");
        assertEquals(sentBefore, peer.sent.size(), "processing ceased: no Final");
        // the periodic AdminDown packets now come every 1.5-2 s (2 s less jitter)
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, pkt().state(State.DOWN).my(PEER + 1).your(ours).timers(300_000, 2_000_000), 250, 6_000);
        final List<Scripted.Sent> later = peer.sentSince(from);
        for (int i = 1; i < later.size(); i++) {
            final long gap = later.get(i).atNanos() - later.get(i - 1).atNanos();
            assertTrue(gap >= 1_500 * MS && gap <= 2_000 * MS, "gap " + gap / MS + " ms");
            assertEquals(PEER + 1, later.get(i).packet().yourDiscriminator());
        }
    }

    @Test
    void s6_8_6_zeroEchoRxStopsEcho() {
        peer.bringUp(EngineScenarioTest.config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 50_000, false, false, 0, 0),
            KEY_A, pkt().echoRx(50_000));
        ours = peer.snapshot(KEY_A).localDiscr();
        peer.loop.runMillis(200);
        assertTrue(peer.snapshot(KEY_A).echoTxUs() > 0, "echo runs");
        peer.deliver(KEY_A, pkt().state(State.UP).your(ours).echoRx(0));
        peer.loop.runMillis(1);
        final long echoes = peer.echoesSent;
        peer.loop.runMillis(500);
        assertEquals(echoes, peer.echoesSent, "Required Min Echo RX Interval 0: Echo MUST cease");
        assertEquals(0, peer.snapshot(KEY_A).echoTxUs());
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_8_6_pollIsAnsweredWithFinalInEveryState() {
        final SessionConfig config = EngineScenarioTest.plain("a", KEY_A, ADDR_A);
        peer.engine.configure(config);
        peer.loop.runMillis(1);
        ours = peer.snapshot(KEY_A).localDiscr();
        // Down (the peer in AdminDown, so that we stay Down), Init, then Up
        for (var packet : List.of(pkt().state(State.ADMIN_DOWN).your(ours), pkt().state(State.DOWN).your(0),
                pkt().state(State.UP).your(ours))) {
            final int before = peer.sent.size();
            peer.deliver(KEY_A, packet.poll());
            peer.loop.runMillis(1);
            final Scripted.Sent answer = peer.sent.get(before);
            assertTrue(answer.packet().fin(), "Final in " + answer.packet().state());
            assertFalse(answer.packet().poll(), "never P and F together");
            assertEquals(answer.atNanos(), peer.loop.nanoTime() - MS, "at once");
        }
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_8_6_remoteAdminDownTakesTheSessionDownWithDiag3() {
        up();
        peer.deliver(KEY_A, pkt().state(State.ADMIN_DOWN).your(ours).diag(Diagnostic.ADMIN_DOWN.code()));
        peer.loop.runMillis(1);
        final SessionSnapshot snap = peer.snapshot(KEY_A);
        assertEquals(State.DOWN, snap.localState());
        assertEquals(Diagnostic.NEIGHBOR_DOWN, snap.localDiag());
        assertEquals(Diagnostic.ADMIN_DOWN, snap.remoteDiag());
        final Scripted.Sent told = peer.last();
        assertNotNull(told);
        assertEquals(State.DOWN, told.packet().state(), "the change is sent at once (6.8.7)");
    }
}
