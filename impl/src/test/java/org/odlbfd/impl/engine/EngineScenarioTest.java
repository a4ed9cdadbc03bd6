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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Two engines back to back on a fake clock: the scenarios of RFC 5880 that decide whether a
 * session comes Up, stays Up and goes Down for the right reason at the right time.
 */
class EngineScenarioTest {
    static final InetAddress ADDR_A = addr("192.0.2.1");
    static final InetAddress ADDR_B = addr("192.0.2.2");
    static final SessionKey KEY_A = new SingleHopKey("eth0", ADDR_B);
    static final SessionKey KEY_B = new SingleHopKey("eth0", ADDR_A);
    static final long MS = 1_000_000;

    final Wire wire = new Wire();
    final Wire.Side sideA = wire.sideA;
    final Wire.Side sideB = wire.sideB;

    static InetAddress addr(final String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static SessionConfig config(final String name, final SessionKey key, final InetAddress local, final long txUs,
            final long rxUs, final int mult, final long echoUs, final boolean passive, final boolean demand,
            final int ldisc, final int rdisc) {
        return new SessionConfig(name, key, local, txUs, rxUs, mult, echoUs, echoUs, passive, demand, null, "",
            ldisc, rdisc, 254, false);
    }

    static SessionConfig plain(final String name, final SessionKey key, final InetAddress local) {
        return config(name, key, local, 300_000, 300_000, 3, 0, false, false, 0, 0);
    }

    void bringUp(final SessionConfig configA, final SessionConfig configB) {
        sideA.engine.configure(configA).join();
        sideB.engine.configure(configB).join();
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, sideA.snapshot(KEY_A).localState());
        assertEquals(State.UP, sideB.snapshot(KEY_B).localState());
    }

    void bringUp() {
        bringUp(plain("a", KEY_A, ADDR_A), plain("b", KEY_B, ADDR_B));
    }

    @Test
    void threeWayHandshakeReachesUp() {
        bringUp();
        // RFC 5880 §6.2: one side passes through Init, the other goes straight from Down to Up
        // (or both pass Init when their first Down packets cross).
        final List<State> pathA = sideA.changes.stream().map(Wire.Change::to).toList();
        final List<State> pathB = sideB.changes.stream().map(Wire.Change::to).toList();
        assertEquals(State.UP, pathA.get(pathA.size() - 1));
        assertEquals(State.UP, pathB.get(pathB.size() - 1));
        assertTrue(pathA.contains(State.INIT) || pathB.contains(State.INIT), pathA + " " + pathB);
        final SessionSnapshot snapA = sideA.snapshot(KEY_A);
        final SessionSnapshot snapB = sideB.snapshot(KEY_B);
        assertEquals(snapB.localDiscr(), snapA.remoteDiscr());
        assertEquals(snapA.localDiscr(), snapB.remoteDiscr());
        assertEquals(300_000, snapA.negotiatedTxUs());
        assertEquals(900_000, snapA.detectionTimeUs());
        assertEquals(DetectionMode.ASYNC_WITHOUT_ECHO, snapA.detectionMode());
        assertEquals(3784, snapA.destPort());
        assertTrue(snapA.sourcePort() >= 49152);
        assertTrue(snapA.statistics().rxPackets() > 5);
        assertTrue(snapA.statistics().txPackets() > 5);
        assertEquals(0, snapA.statistics().rxInvalid());
        assertEquals(0, snapA.statistics().downCount());
    }

    @Test
    void fastTimersDoNotFlapAfterUp() {
        // Going Up lowers TX from the 1 s of §6.8.3 to 50 ms: the pending slow packet must be
        // brought forward, or the peer's new 150 ms Detection Time expires first.
        for (int round = 0; round < 20; round++) {
            final Wire fresh = new Wire();
            fresh.sideA.engine.configure(config("a", KEY_A, ADDR_A, 50_000, 50_000, 3, 0, false, false, 0, 0));
            fresh.loop.runMillis(round * 37);
            fresh.sideB.engine.configure(config("b", KEY_B, ADDR_B, 50_000, 50_000, 3, 0, false, false, 0, 0));
            fresh.loop.runMillis(10_000);
            for (Wire.Side side : List.of(fresh.sideA, fresh.sideB)) {
                final List<State> path = side.changes.stream().map(Wire.Change::to).toList();
                assertEquals(State.UP, path.get(path.size() - 1), "round " + round + " " + path);
                assertFalse(path.contains(State.DOWN), "round " + round + " flapped: " + path);
            }
        }
    }

    @Test
    void detectionTimeoutAtTheRightTime() {
        bringUp();
        sideB.linkUp = false;
        final long cut = wire.loop.nanoTime();
        wire.loop.runMillis(3_000);
        final Wire.Change down = sideA.changes.get(sideA.changes.size() - 1);
        assertEquals(State.UP, down.from());
        assertEquals(State.DOWN, down.to());
        assertEquals(Diagnostic.CONTROL_EXPIRY, down.snapshot().localDiag());
        // RFC 5880 §6.8.4: Down exactly one Detection Time (3 x 300 ms) after the last packet.
        assertTrue(sideA.lastDelivered <= cut);
        assertEquals(sideA.lastDelivered + 900 * MS, down.atNanos());
        assertEquals(0, down.snapshot().remoteDiscr(), "RFC 5880 6.8.1: RemoteDiscr zeroed on expiry");
        final EngineStats stats = sideA.engine.stats().join();
        assertEquals(0, stats.latenessMaxUs());
        assertEquals(1, sideA.snapshot(KEY_A).statistics().downCount());
    }

    @Test
    void peerAdminDownGivesNeighborDown() {
        bringUp();
        sideB.engine.adminState(KEY_B, true).join();
        wire.loop.runMillis(100);
        final SessionSnapshot snapA = sideA.snapshot(KEY_A);
        assertEquals(State.DOWN, snapA.localState());
        assertEquals(Diagnostic.NEIGHBOR_DOWN, snapA.localDiag());
        assertEquals(State.ADMIN_DOWN, snapA.remoteState());
        assertEquals(Diagnostic.ADMIN_DOWN, snapA.remoteDiag());
        final SessionSnapshot snapB = sideB.snapshot(KEY_B);
        assertEquals(State.ADMIN_DOWN, snapB.localState());
        assertEquals(Diagnostic.ADMIN_DOWN, snapB.localDiag());
        assertEquals(1, snapB.statistics().adminDownCount());
        // Stays down while B is disabled; comes back after admin-up.
        wire.loop.runMillis(5_000);
        assertEquals(State.DOWN, sideA.snapshot(KEY_A).localState());
        sideB.engine.adminState(KEY_B, false).join();
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, sideA.snapshot(KEY_A).localState());
        assertEquals(State.UP, sideB.snapshot(KEY_B).localState());
    }

    @Test
    void pollFinalTimerChangeDoesNotFlap() {
        bringUp();
        final int changesA = sideA.changes.size();
        final int changesB = sideB.changes.size();
        final long before = wire.loop.nanoTime();
        // Slower TX on A: the peer must learn it (Poll) before A slows down (after Final).
        sideA.engine.configure(config("a", KEY_A, ADDR_A, 2_000_000, 300_000, 3, 0, false, false, 0, 0)).join();
        wire.loop.runMillis(10_000);
        assertTrue(sideA.sentSince(before).stream().anyMatch(s -> s.packet().poll()), "A polled");
        assertTrue(sideB.sentSince(before).stream().anyMatch(s -> s.packet().fin()), "B answered Final");
        assertTrue(sideA.sentSince(before).stream().noneMatch(s -> s.packet().poll() && s.packet().fin()));
        assertFalse(sideA.snapshot(KEY_A).statistics().rxPackets() == 0);
        assertEquals(2_000_000, sideA.snapshot(KEY_A).negotiatedTxUs());
        assertEquals(6_000_000, sideB.snapshot(KEY_B).detectionTimeUs());
        // Then a faster RX on B (a Detection Time decrease) and a lower multiplier.
        sideB.engine.configure(config("b", KEY_B, ADDR_B, 300_000, 100_000, 2, 0, false, false, 0, 0)).join();
        wire.loop.runMillis(10_000);
        assertEquals(changesA, sideA.changes.size(), "A never flapped: " + sideA.changes);
        assertEquals(changesB, sideB.changes.size(), "B never flapped: " + sideB.changes);
        assertFalse(sideA.snapshot(KEY_A).statistics().rxPackets() == 0);
        assertEquals(900_000, sideB.snapshot(KEY_B).negotiatedTxUs() * 3);
        assertEquals(600_000, sideA.snapshot(KEY_A).detectionTimeUs());
    }

    @Test
    void slowTransmissionWhileNotUp() {
        sideB.linkUp = false;
        sideA.engine.configure(plain("a", KEY_A, ADDR_A)).join();
        wire.loop.runMillis(20_000);
        final List<Wire.Sent> sent = sideA.sent;
        assertTrue(sent.size() >= 15 && sent.size() <= 27, "sent " + sent.size());
        for (int i = 1; i < sent.size(); i++) {
            final long gap = sent.get(i).atNanos() - sent.get(i - 1).atNanos();
            // RFC 5880 §6.8.3: at least 1 s while not Up, less up to 25 % jitter (§6.8.7).
            assertTrue(gap >= 750 * MS && gap <= 1_000 * MS, "gap " + gap);
            assertEquals(1_000_000, sent.get(i).packet().desiredMinTxUs());
            assertEquals(State.DOWN, sent.get(i).packet().state());
        }
    }

    @Test
    void transmitJitterWhileUp() {
        bringUp();
        final long from = wire.loop.nanoTime();
        wire.loop.runMillis(60_000);
        final List<Wire.Sent> sent = sideA.sentSince(from);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 1; i < sent.size(); i++) {
            final long gap = sent.get(i).atNanos() - sent.get(i - 1).atNanos();
            min = Math.min(min, gap);
            max = Math.max(max, gap);
        }
        // RFC 5880 §6.8.7: 75-100 % of 300 ms; the spread shows the jitter is really applied.
        assertTrue(min >= 225 * MS && max <= 300 * MS, min + ".." + max);
        assertTrue(min < 235 * MS && max > 290 * MS, min + ".." + max);
        assertEquals(State.UP, sideB.snapshot(KEY_B).localState());
    }

    @Test
    void demandModeStopsPeerTransmission() {
        bringUp(config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, false, true, 0, 0),
            plain("b", KEY_B, ADDR_B));
        wire.loop.runMillis(2_000);
        final long from = wire.loop.nanoTime();
        wire.loop.runMillis(10_000);
        // RFC 5880 §6.8.7: B must not transmit periodically while A asks for Demand mode and both are Up.
        assertEquals(0, sideB.sentSince(from).size());
        final SessionSnapshot snapA = sideA.snapshot(KEY_A);
        assertEquals(State.UP, snapA.localState(), "A uses no Detection Time in Demand mode (6.8.4)");
        assertEquals(DetectionMode.DEMAND_WITHOUT_ECHO, snapA.detectionMode());
        assertTrue(sideA.sentSince(from).size() > 20);
        assertTrue(sideB.snapshot(KEY_B).remoteDemand());
        assertEquals(State.UP, sideB.snapshot(KEY_B).localState());
        // B still detects A's failure: A keeps transmitting, so B's Detection Time applies.
        sideA.linkUp = false;
        wire.loop.runMillis(2_000);
        assertEquals(Diagnostic.CONTROL_EXPIRY, sideB.snapshot(KEY_B).localDiag());
    }

    @Test
    void passiveWaitsForThePeer() {
        sideB.engine.configure(config("b", KEY_B, ADDR_B, 300_000, 300_000, 3, 0, true, false, 0, 0)).join();
        wire.loop.runMillis(5_000);
        // RFC 5880 §6.1: a passive system sends nothing before it has heard its peer.
        assertEquals(0, sideB.sent.size());
        sideA.engine.configure(plain("a", KEY_A, ADDR_A)).join();
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, sideA.snapshot(KEY_A).localState());
        assertEquals(State.UP, sideB.snapshot(KEY_B).localState());
        assertTrue(sideB.sent.size() > 3);
    }

    @Test
    void echoFailureGivesEchoFailed() {
        bringUp(config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 50_000, false, false, 0, 0),
            config("b", KEY_B, ADDR_B, 300_000, 300_000, 3, 50_000, false, false, 0, 0));
        wire.loop.runMillis(5_000);
        final SessionSnapshot snapA = sideA.snapshot(KEY_A);
        assertEquals(DetectionMode.ASYNC_WITH_ECHO, snapA.detectionMode());
        assertEquals(50_000, snapA.echoTxUs());
        assertEquals(50_000, wire.sideA.sent.get(0).packet().requiredMinEchoRxUs());
        // RFC 5880 §6.8.3: both run echo, so both ask for Control packets at most once a second.
        assertEquals(1_000_000, snapA.negotiatedTxUs());
        assertTrue(sideA.echoesSent > 50);
        assertEquals(sideA.echoesSent, snapA.statistics().echoTxPackets());
        assertTrue(snapA.statistics().echoRxPackets() > 50);
        assertEquals(sideA.sent.size(), snapA.statistics().txPackets(), "Control packets only");
        final int changes = sideA.changes.size();
        sideA.reflectEcho = false;
        final long cut = wire.loop.nanoTime();
        wire.loop.runMillis(1_000);
        final Wire.Change down = sideA.changes.get(changes);
        assertEquals(State.DOWN, down.to());
        assertEquals(Diagnostic.ECHO_FAILED, down.snapshot().localDiag());
        // Echo detection: 3 x 50 ms after the last reflection, well before control detection (3 s).
        assertTrue(down.atNanos() - cut <= 160 * MS, "after " + (down.atNanos() - cut));
    }

    @Test
    void echoNotUsedWhenPeerAdvertisesZero() {
        bringUp(config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 50_000, false, false, 0, 0),
            plain("b", KEY_B, ADDR_B));
        wire.loop.runMillis(2_000);
        assertEquals(0, sideA.echoesSent, "RFC 5880 6.8.6: Required Min Echo RX 0 means no echo");
        assertEquals(DetectionMode.ASYNC_WITHOUT_ECHO, sideA.snapshot(KEY_A).detectionMode());
        assertEquals(0, sideB.sent.get(0).packet().requiredMinEchoRxUs());
    }

    @Test
    void staticDiscriminators() {
        bringUp(config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, false, false, 100, 200),
            config("b", KEY_B, ADDR_B, 300_000, 300_000, 3, 0, false, false, 200, 100));
        assertEquals(100, sideA.snapshot(KEY_A).localDiscr());
        assertEquals(200, sideA.snapshot(KEY_A).remoteDiscr());
        // With a static remote discriminator even the first packet names the peer.
        assertEquals(200, sideA.sent.get(0).packet().yourDiscriminator());
        // A second session cannot take a discriminator in use.
        final SessionConfig clash = config("c", new SingleHopKey("eth1", ADDR_B), ADDR_A, 300_000, 300_000, 3, 0,
            false, false, 100, 0);
        assertTrue(sideA.engine.configure(clash).isCompletedExceptionally());
    }

    @Test
    void demultiplexWhileYourDiscriminatorIsZero() {
        sideA.engine.configure(plain("a", KEY_A, ADDR_A)).join();
        sideB.engine.configure(plain("b", KEY_B, ADDR_B)).join();
        wire.loop.runMillis(1);
        assertEquals(0, sideA.sent.get(0).packet().yourDiscriminator());
        assertTrue(sideB.snapshot(KEY_B).statistics().rxPackets() >= 1, "found by address and interface");
        // Your Discriminator 0 from an unknown address/interface: no session, counted globally.
        final ControlPacket stray = new ControlPacket(0, State.DOWN, false, false, false, false, false, 3, 77, 0,
            1_000_000, 1_000_000, 0, null);
        sideB.engine.submit(new EngineInput.Received(new SingleHopKey("eth9", ADDR_A), stray, null, null));
        // Unknown non-zero Your Discriminator: counted globally too.
        final ControlPacket unknown = new ControlPacket(0, State.UP, false, false, false, false, false, 3, 77, 12345,
            1_000_000, 1_000_000, 0, null);
        sideB.engine.submit(new EngineInput.Received(KEY_B, unknown, null, null));
        wire.loop.runMillis(1);
        assertEquals(2, sideB.engine.stats().join().rxInvalid());
        assertEquals(0, sideB.snapshot(KEY_B).statistics().rxInvalid());
    }

    @Test
    void malformedPacketIsCountedNotThrown() {
        bringUp();
        final int discrB = sideB.snapshot(KEY_B).localDiscr();
        final ControlPacket zeroMult = new ControlPacket(0, State.UP, false, false, false, false, false, 0, 77,
            discrB, 300_000, 300_000, 0, null);
        final ControlPacket multipoint = new ControlPacket(0, State.UP, false, false, false, false, true, 3, 77,
            discrB, 300_000, 300_000, 0, null);
        final ControlPacket zeroYourWhileUp = new ControlPacket(0, State.UP, false, false, false, false, false, 3,
            77, 0, 300_000, 300_000, 0, null);
        sideB.engine.submit(new EngineInput.Received(KEY_B, zeroMult, null, null));
        sideB.engine.submit(new EngineInput.Received(KEY_B, multipoint, null, null));
        sideB.engine.submit(new EngineInput.Received(KEY_B, zeroYourWhileUp, null, null));
        sideB.engine.submit(new EngineInput.Received(KEY_B, null, null, RejectReason.TTL_TOO_LOW));
        wire.loop.runMillis(1_000);
        final SessionSnapshot snapB = sideB.snapshot(KEY_B);
        assertEquals(1, snapB.statistics().rejected(RejectReason.ZERO_DETECT_MULT));
        assertEquals(1, snapB.statistics().rejected(RejectReason.MULTIPOINT));
        assertEquals(1, snapB.statistics().rejected(RejectReason.ZERO_YOUR_DISCRIMINATOR));
        assertEquals(3, snapB.statistics().rxInvalid());
        assertEquals(State.UP, snapB.localState());
    }

    @Test
    void clientRegisterAndUnregister() {
        sideB.engine.configure(plain("b", KEY_B, ADDR_B)).join();
        final List<SessionStatus> heard = new ArrayList<>();
        final BfdSessionService.Registration registration = sideA.engine.register(KEY_A,
            new SessionParams(300_000, 300_000, 3), (key, status) -> heard.add(status));
        wire.loop.runMillis(5_000);
        assertEquals(State.DOWN, heard.get(0).state(), "the current status at once");
        final SessionStatus last = heard.get(heard.size() - 1);
        assertEquals(State.UP, last.state());
        assertTrue(last.previousState() == State.INIT || last.previousState() == State.DOWN);
        assertEquals(State.UP, sideA.engine.status(KEY_A).state());
        // A second client shares the session; only the last close deletes it.
        final BfdSessionService.Registration second = sideA.engine.register(KEY_A, SessionParams.DEFAULT,
            (key, status) -> { });
        registration.close();
        wire.loop.runMillis(1_000);
        assertNotNull(sideA.engine.status(KEY_A));
        assertEquals(State.UP, sideB.snapshot(KEY_B).localState());
        second.close();
        // RFC 5880 §6.8.16: AdminDown for a Detection Time (3 x 1 s at the AdminDown rate), then gone
        wire.loop.runMillis(100);
        assertEquals(State.ADMIN_DOWN, sideA.engine.status(KEY_A).state());
        wire.loop.runMillis(4_000);
        assertNull(sideA.engine.status(KEY_A));
        assertEquals(List.of(KEY_A.toString()), sideA.deleted);
        // The peer was told AdminDown (RFC 5880 §6.8.16).
        final SessionSnapshot snapB = sideB.snapshot(KEY_B);
        assertEquals(State.DOWN, snapB.localState());
        assertEquals(Diagnostic.NEIGHBOR_DOWN, snapB.localDiag());
    }

    @Test
    void adminDownSentOnDelete() {
        bringUp();
        final var done = sideA.engine.unconfigure(KEY_A);
        final Wire.Sent last = sideA.sent.get(sideA.sent.size() - 1);
        assertEquals(State.ADMIN_DOWN, last.packet().state());
        assertEquals(Diagnostic.ADMIN_DOWN.code(), last.packet().diagCode());
        assertFalse(done.isDone(), "the session tells its peer for a Detection Time first");
        wire.loop.runMillis(5_000);
        assertTrue(done.isDone());
        final int sentAfterDelete = sideA.sent.size();
        wire.loop.runMillis(5_000);
        assertEquals(sentAfterDelete, sideA.sent.size(), "silent after deletion");
        assertEquals(Diagnostic.NEIGHBOR_DOWN, sideB.snapshot(KEY_B).localDiag());
        assertNull(sideA.snapshot(KEY_A));
        assertEquals(List.of("a"), sideA.deleted);
    }
}
