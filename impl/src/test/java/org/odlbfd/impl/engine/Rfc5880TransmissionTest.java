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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.config;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.PEER;
import static org.odlbfd.impl.engine.Scripted.pkt;

import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5880 §6.8.7 (Transmitting BFD Control Packets), §6.8.2 (Timer Negotiation) and the roles of
 * §6.1.
 */
class Rfc5880TransmissionTest {
    private static final SessionConfig PASSIVE = config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, true, false, 0,
        0);

    private final Scripted peer = new Scripted();
    private int ours;

    private Scripted.Pkt up() {
        return pkt().state(State.UP).your(ours);
    }

    private static long[] gaps(final List<Scripted.Sent> sent) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 1; i < sent.size(); i++) {
            final long gap = sent.get(i).atNanos() - sent.get(i - 1).atNanos();
            min = Math.min(min, gap);
            max = Math.max(max, gap);
        }
        return new long[] { min, max };
    }

    @Test
    void s6_1_activeSendsWithoutHearingThePeer() {
        peer.engine.configure(EngineScenarioTest.plain("a", KEY_A, ADDR_A));
        peer.loop.runMillis(10_000);
        assertTrue(peer.sent.size() >= 10, "sent " + peer.sent.size());
        assertEquals(0, peer.sent.get(0).atNanos() - 1_000_000_000L, "the first at once");
    }

    @Test
    void s6_8_7_passiveWithoutRemoteDiscriminatorNeverTransmits() {
        // RFC 5880 §6.1: "MUST NOT begin sending BFD packets for a particular session until it has
        // received a BFD packet"; §6.8.7: never while bfd.RemoteDiscr is zero, whatever happens
        peer.engine.configure(PASSIVE);
        peer.loop.runMillis(3_000);
        peer.engine.adminState(KEY_A, true);
        peer.loop.runMillis(3_000);
        peer.engine.adminState(KEY_A, false);
        peer.engine.configure(config("a", KEY_A, ADDR_A, 200_000, 200_000, 5, 0, true, true, 0, 0));
        final CompletableFuture<Boolean> verified = peer.engine.verify(KEY_A);
        peer.loop.runMillis(3_000);
        assertFalse(verified.join());
        assertTrue(peer.sent.isEmpty(), "sent " + peer.sent);
        // once it heard the peer it answers, and the peer's silence (RemoteDiscr zeroed, 6.8.1)
        // makes it silent again: then neither admin-down nor delete sends anything
        peer.engine.configure(PASSIVE);
        peer.deliver(KEY_A, pkt().state(State.DOWN));
        peer.loop.runMillis(1);
        assertFalse(peer.sent.isEmpty());
        assertEquals(PEER, peer.last().packet().yourDiscriminator());
        peer.loop.runMillis(2_000);
        final int before = peer.sent.size();
        peer.loop.runMillis(2_000);
        peer.engine.adminState(KEY_A, true);
        peer.loop.runMillis(2_000);
        final CompletableFuture<Void> deleted = peer.engine.unconfigure(KEY_A);
        peer.loop.runMillis(5_000);
        assertTrue(deleted.isDone());
        assertEquals(before, peer.sent.size(), "silent: " + peer.sentSince(0));
    }

    @Test
    void s6_8_7_zeroRemoteMinRxStopsPeriodicTransmissionWithoutDroppingTheSession() {
        ours = peer.bringUp(EngineScenarioTest.plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        peer.feed(KEY_A, up(), 250, 1_000);
        final int changes = peer.changes.size();
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up().timers(300_000, 0), 250, 10_000);
        // "A system MUST NOT periodically transmit BFD Control packets if bfd.RemoteMinRxInterval
        // is zero"; our own detection still runs on the peer's packets (6.8.4): no flap
        assertTrue(peer.sentSince(from + 300 * MS).isEmpty(), "sent " + peer.sentSince(from).size());
        assertEquals(changes, peer.changes.size());
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
        // a Poll is still answered (not periodic)
        peer.deliver(KEY_A, up().timers(300_000, 0).poll());
        peer.loop.runMillis(1);
        assertTrue(peer.last().packet().fin());
        // the peer asks for packets again: they start at once
        final long again = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 2_000);
        assertTrue(peer.sentSince(again).size() >= 6);
    }

    @Test
    void s6_8_7_jitterIsUpTo25PercentAnd10To25WithMultiplierOne() {
        ours = peer.bringUp(config("a", KEY_A, ADDR_A, 300_000, 300_000, 1, 0, false, false, 0, 0), KEY_A, pkt());
        long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 100, 60_000);
        long[] range = gaps(peer.sentSince(from));
        assertTrue(range[0] >= 225 * MS && range[1] <= 270 * MS, range[0] / MS + ".." + range[1] / MS);
        assertTrue(range[0] < 232 * MS && range[1] > 262 * MS, "jitter applied: " + range[0] / MS + ".."
            + range[1] / MS);
        // §6.8.12: a new Detect Mult goes out with the next packet and needs no Poll (no Demand mode)
        final long changed = peer.loop.nanoTime();
        peer.engine.configure(config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, false, false, 0, 0));
        peer.feed(KEY_A, up(), 100, 1_000);
        assertTrue(peer.sentSince(changed).stream().allMatch(s -> s.packet().detectMult() == 3 && !s.packet().poll()));
        from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 100, 60_000);
        range = gaps(peer.sentSince(from));
        assertTrue(range[0] >= 225 * MS && range[1] <= 300 * MS && range[1] > 290 * MS, range[0] / MS + ".."
            + range[1] / MS);
    }

    @Test
    void s6_8_2_theSlowerSideSetsTheRate() {
        ours = peer.bringUp(EngineScenarioTest.plain("a", KEY_A, ADDR_A), KEY_A, pkt().timers(300_000, 500_000));
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up().timers(300_000, 500_000), 250, 10_000);
        final long[] range = gaps(peer.sentSince(from));
        assertTrue(range[0] >= 375 * MS && range[1] <= 500 * MS, range[0] / MS + ".." + range[1] / MS);
        assertEquals(500_000, peer.snapshot(KEY_A).negotiatedTxUs());
    }

    @Test
    void s6_8_7_aStateChangeIsSentAtOnce() {
        peer.engine.configure(EngineScenarioTest.plain("a", KEY_A, ADDR_A));
        peer.loop.runMillis(100);
        ours = peer.snapshot(KEY_A).localDiscr();
        final long at = peer.loop.nanoTime();
        peer.deliver(KEY_A, pkt().state(State.DOWN));
        peer.loop.runMillis(1);
        assertEquals(at, peer.last().atNanos());
        assertEquals(State.INIT, peer.last().packet().state());
    }

    @Test
    void s6_8_7_packetFieldsFollowTheStateVariables() throws Exception {
        ours = peer.bringUp(config("a", KEY_A, ADDR_A, 300_000, 250_000, 4, 70_000, false, false, 0, 0), KEY_A,
            pkt());
        final var buffer = Unpooled.buffer();
        ControlPacketCodec.encode(peer.last().packet(), buffer);
        final byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        assertEquals(24, bytes.length);
        assertEquals(1, (bytes[0] & 0xff) >>> 5, "Version 1");
        assertEquals(0, bytes[0] & 0x1f, "Diag: bfd.LocalDiag");
        assertEquals(State.UP.code(), (bytes[1] & 0xff) >>> 6, "State: bfd.SessionState");
        assertEquals(0, bytes[1] & 0x08, "C: our BFD shares fate with the control plane");
        assertEquals(0, bytes[1] & 0x04, "A: no authentication");
        assertEquals(0, bytes[1] & 0x01, "M: 0");
        assertEquals(4, bytes[2], "Detect Mult: bfd.DetectMult");
        assertEquals(24, bytes[3], "Length");
        final var packet = ControlPacketCodec.decode(Unpooled.wrappedBuffer(bytes));
        assertEquals(ours, packet.myDiscriminator());
        assertEquals(PEER, packet.yourDiscriminator());
        assertEquals(300_000, packet.desiredMinTxUs());
        assertEquals(250_000, packet.requiredMinRxUs());
        assertEquals(70_000, packet.requiredMinEchoRxUs());
    }
}
