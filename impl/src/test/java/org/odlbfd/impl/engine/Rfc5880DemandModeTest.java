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
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5880 §6.6 (Demand Mode), with the Demand-mode rules of §6.5, §6.8.4, §6.8.6, §6.8.7 and
 * §6.8.14. The test plays the peer: FRR 8.4 and BIRD 2 do not implement Demand mode.
 */
class Rfc5880DemandModeTest {
    private static final SessionConfig DEMAND = config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, false, true, 0, 0);
    private static final SessionConfig ASYNC = config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, false, false, 0,
        0);

    private final Scripted peer = new Scripted();
    private int ours;

    private Scripted.Pkt up() {
        return pkt().state(State.UP).your(ours);
    }

    private List<Scripted.Sent> polls(final long sinceNanos) {
        return peer.sentSince(sinceNanos).stream().filter(s -> s.packet().poll()).toList();
    }

    /** Our session in Demand mode, Up, the peer silent as Demand mode lets it be. */
    private void demandActive() {
        ours = peer.bringUp(DEMAND, KEY_A, pkt());
        assertTrue(peer.last().packet().demand(), "D once both are Up");
        peer.loop.runMillis(10_000);
        final SessionSnapshot snap = peer.snapshot(KEY_A);
        assertEquals(State.UP, snap.localState(), "no Detection Time in Demand mode (6.8.4)");
        assertEquals(DetectionMode.DEMAND_WITHOUT_ECHO, snap.detectionMode());
    }

    @Test
    void s6_6_peerInDemandGetsNoPeriodicPackets() {
        ours = peer.bringUp(ASYNC, KEY_A, pkt());
        final long from = peer.loop.nanoTime();
        // RFC 5880 §6.8.6/§6.8.7: the peer sets D and both are Up: we cease periodic transmission
        peer.feed(KEY_A, up().demand(), 300, 5_000);
        assertTrue(peer.sentSince(from + 300 * MS).isEmpty(), "sent " + peer.sentSince(from).size());
        // but a Poll is answered at once, whatever the Demand mode (§6.8.7)
        peer.deliver(KEY_A, up().demand().poll());
        peer.loop.runMillis(1);
        assertTrue(peer.last().packet().fin());
        // §6.8.14: once Demand mode is no longer active on the remote system we transmit again
        final long resumed = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 300, 3_000);
        assertTrue(peer.sentSince(resumed).size() >= 9, "periodic again: " + peer.sentSince(resumed).size());
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_5_pollRepeatsAtThePeriodicRateWhenThePeerIsInDemand() {
        ours = peer.bringUp(ASYNC, KEY_A, pkt());
        peer.feed(KEY_A, up().demand(), 300, 2_000);
        final long from = peer.loop.nanoTime();
        // a timer change needs a Poll (6.8.3); the peer is in Demand mode and answers late
        peer.engine.configure(config("a", KEY_A, ADDR_A, 300_000, 200_000, 3, 0, false, false, 0, 0));
        peer.feed(KEY_A, up().demand(), 300, 2_000);
        final List<Scripted.Sent> polls = polls(from);
        assertTrue(polls.size() >= 6, "the Poll repeats until the Final: " + polls.size());
        for (int i = 1; i < polls.size(); i++) {
            final long gap = polls.get(i).atNanos() - polls.get(i - 1).atNanos();
            assertTrue(gap >= 225 * MS && gap <= 300 * MS, "at the periodic rate: " + gap / MS + " ms");
        }
        assertEquals(polls.size(), peer.sentSince(from).size(), "nothing but Poll packets");
        // §6.5: after the Final we cease again, the remote system being in Demand mode
        peer.deliver(KEY_A, up().demand().fin());
        final long after = peer.loop.nanoTime();
        peer.feed(KEY_A, up().demand(), 300, 3_000);
        assertTrue(peer.sentSince(after).isEmpty(), "silent after the Final");
        assertEquals(200_000, peer.sent.get(peer.sent.size() - 1).packet().requiredMinRxUs());
    }

    @Test
    void s6_6_demandBitOnlyWhenBothSidesAreUp() {
        peer.engine.configure(DEMAND);
        peer.loop.runMillis(1);
        ours = peer.snapshot(KEY_A).localDiscr();
        // The peer says Init: we go Up (Down + Init), but the peer does not report Up yet
        peer.deliver(KEY_A, pkt().state(State.INIT).your(ours));
        peer.loop.runMillis(1);
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
        peer.feed(KEY_A, pkt().state(State.INIT).your(ours), 250, 2_000);
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
        for (Scripted.Sent sent : peer.sent) {
            assertFalse(sent.packet().demand(), "D with the remote state Init: " + sent.packet());
        }
        // Now the peer is Up too: D is set, and its change starts a Poll Sequence (6.6)
        final long from = peer.loop.nanoTime();
        peer.deliver(KEY_A, up());
        peer.loop.runMillis(400);
        final Scripted.Sent first = peer.sentSince(from).get(0);
        assertTrue(first.packet().demand() && first.packet().poll(), first.packet().toString());
    }

    @Test
    void s6_6_demandBitChangeEitherWayStartsAPoll() {
        ours = peer.bringUp(ASYNC, KEY_A, pkt());
        peer.feed(KEY_A, up(), 250, 1_000);
        peer.engine.configure(DEMAND);
        long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 500);
        Scripted.Sent first = peer.sentSince(from).get(0);
        assertTrue(first.packet().demand() && first.packet().poll(), "D set with P: " + first.packet());
        peer.deliver(KEY_A, up().fin());
        peer.loop.runMillis(1);
        // the peer stops, as Demand mode asks; then we turn Demand mode off
        peer.loop.runMillis(3_000);
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
        peer.engine.configure(ASYNC);
        from = peer.loop.nanoTime();
        peer.loop.runMillis(400);
        first = peer.sentSince(from).get(0);
        assertTrue(!first.packet().demand() && first.packet().poll(), "D cleared with P: " + first.packet());
    }

    @Test
    void s6_6_unansweredPollInDemandModeTakesTheSessionDownAfterADetectionTime() {
        demandActive();
        // a timer change needs a Poll; nobody answers
        peer.engine.configure(config("a", KEY_A, ADDR_A, 200_000, 300_000, 3, 0, false, true, 0, 0));
        final long from = peer.loop.nanoTime();
        peer.loop.runMillis(3_000);
        final List<Scripted.Sent> polls = polls(from);
        assertTrue(polls.size() >= 2, "the Poll is repeated until the Detection Time expires");
        final Wire.Change down = peer.changes.get(peer.changes.size() - 1);
        assertEquals(State.DOWN, down.to());
        assertEquals(Diagnostic.CONTROL_EXPIRY, down.snapshot().localDiag());
        // §6.8.4: bfd.DetectMult x the larger of bfd.DesiredMinTxInterval (200 ms) and
        // bfd.RemoteMinRxInterval (300 ms), from the first Poll packet
        assertEquals(polls.get(0).atNanos() + 900 * MS, down.atNanos());
    }

    @Test
    void s6_6_verificationPollThroughTheClientApi() {
        demandActive();
        // answered: true, still Up, silent again
        final CompletableFuture<Boolean> answered = peer.engine.verify(KEY_A);
        peer.loop.runMillis(400);
        assertFalse(answered.isDone());
        final Scripted.Sent poll = peer.last();
        assertTrue(poll.packet().poll() && poll.packet().demand(), poll.packet().toString());
        peer.deliver(KEY_A, up().fin());
        peer.loop.runMillis(1);
        assertTrue(answered.join());
        final long after = peer.loop.nanoTime();
        peer.loop.runMillis(5_000);
        assertTrue(peer.sentSince(after).stream().noneMatch(s -> s.packet().poll()), "the Poll ended");
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
        // unanswered: false, and Down one Detection Time after the first Poll (6.8.4)
        final long from = peer.loop.nanoTime();
        final CompletableFuture<Boolean> unanswered = peer.engine.verify(KEY_A);
        peer.loop.runMillis(2_000);
        assertFalse(unanswered.join());
        final Wire.Change down = peer.changes.get(peer.changes.size() - 1);
        assertEquals(Diagnostic.CONTROL_EXPIRY, down.snapshot().localDiag());
        assertEquals(polls(from).get(0).atNanos() + 900 * MS, down.atNanos());
        // not Up: false at once; no such session: an error
        assertFalse(peer.engine.verify(KEY_A).join());
        assertTrue(peer.engine.verify(EngineScenarioTest.KEY_B).isCompletedExceptionally());
    }

    @Test
    void s6_6_verificationIsFalseWhenNoPollCanLeave() {
        // a peer that wants no periodic packets at all (Required Min RX Interval 0, 6.8.7) gets no
        // Poll either: the verification says false after two Detection Times, it never hangs
        ours = peer.bringUp(ASYNC, KEY_A, pkt());
        peer.feed(KEY_A, up().timers(300_000, 0), 250, 1_000);
        final CompletableFuture<Boolean> nothingSent = peer.engine.verify(KEY_A);
        peer.feed(KEY_A, up().timers(300_000, 0), 250, 2_000);
        assertFalse(nothingSent.join());
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_6_turningDemandOffRestartsDetectionFromThatMoment() {
        demandActive();
        peer.engine.configure(ASYNC);
        final long off = peer.loop.nanoTime();
        peer.loop.runMillis(3_000);
        final Wire.Change down = peer.changes.get(peer.changes.size() - 1);
        assertEquals(State.DOWN, down.to());
        assertEquals(Diagnostic.CONTROL_EXPIRY, down.snapshot().localDiag());
        // the peer's silence counts from the change, not from its last packet 10 s earlier
        assertEquals(off + 900 * MS, down.atNanos(), "Down " + (down.atNanos() - off) / MS + " ms after");
    }

    @Test
    void s6_6_turningDemandOffKeepsAnAnsweringPeerUp() {
        demandActive();
        final int changes = peer.changes.size();
        peer.engine.configure(ASYNC);
        peer.loop.runMillis(100);
        // the peer answers the Poll and, seeing D clear, transmits periodically again (6.8.14)
        peer.deliver(KEY_A, up().fin());
        peer.feed(KEY_A, up(), 300, 5_000);
        assertEquals(changes, peer.changes.size(), "no flap: " + peer.changes);
        assertEquals(DetectionMode.ASYNC_WITHOUT_ECHO, peer.snapshot(KEY_A).detectionMode());
    }

    @Test
    void s6_6_anyContentChangeInDemandModeStartsAPoll() {
        demandActive();
        // §6.8.12: a Detect Mult change needs no Poll, except as §6.6 requires in Demand mode
        peer.engine.configure(config("a", KEY_A, ADDR_A, 300_000, 300_000, 5, 0, false, true, 0, 0));
        final long from = peer.loop.nanoTime();
        peer.loop.runMillis(400);
        final Scripted.Sent first = peer.sentSince(from).get(0);
        assertTrue(first.packet().poll(), first.packet().toString());
        assertEquals(5, first.packet().detectMult());
        peer.deliver(KEY_A, up().fin());
        peer.loop.runMillis(1_000);
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }
}
