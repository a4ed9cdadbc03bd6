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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.config;
import static org.odlbfd.impl.engine.EngineScenarioTest.plain;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * RFC 5880 §6.8.16 (Administrative Control) and §6.8.18 (Holding Down Sessions).
 */
class Rfc5880AdminControlTest {
    private final Scripted peer = new Scripted();
    private int ours;

    private Scripted.Pkt up() {
        return pkt().state(State.UP).your(ours);
    }

    @Test
    void s6_8_16_deleteSendsAdminDownForADetectionTime() {
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        peer.feed(KEY_A, up(), 250, 1_000);
        final long deleted = peer.loop.nanoTime();
        final CompletableFuture<Void> done = peer.engine.unconfigure(KEY_A);
        // the peer, told AdminDown, goes Down and keeps sending Down (it still hears us)
        peer.feed(KEY_A, pkt().state(State.DOWN).your(ours), 500, 6_000);
        final List<Scripted.Sent> told = peer.sentSince(deleted);
        // "BFD Control packets SHOULD be transmitted for at least a Detection Time after transitioning
        // to AdminDown state": periodically (1 s while not Up), for Detect Mult x that interval
        assertTrue(told.size() >= 3, "AdminDown sent " + told.size() + " times");
        for (Scripted.Sent sent : told) {
            assertEquals(State.ADMIN_DOWN, sent.packet().state());
            assertEquals(Diagnostic.ADMIN_DOWN.code(), sent.packet().diagCode());
        }
        assertEquals(deleted, told.get(0).atNanos(), "the first at once");
        final long lastAt = told.get(told.size() - 1).atNanos();
        assertTrue(lastAt - deleted >= 2_000 * MS && lastAt - deleted < 3_000 * MS, "last after "
            + (lastAt - deleted) / MS + " ms");
        // then the session is gone: the future completes and the observer hears it, no earlier
        assertTrue(done.isDone());
        assertEquals(List.of("a"), peer.deleted);
        assertNull(peer.snapshot(KEY_A));
        final long silent = peer.loop.nanoTime();
        peer.feed(KEY_A, pkt().state(State.DOWN).your(ours), 500, 3_000);
        assertTrue(peer.sentSince(silent).isEmpty());
    }

    @Test
    void s6_8_16_theObserverHearsTheDeleteOnlyOnceTheSessionIsGone() {
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        final CompletableFuture<Void> done = peer.engine.unconfigure(KEY_A);
        peer.loop.runMillis(2_000);
        assertFalse(done.isDone());
        assertTrue(peer.deleted.isEmpty());
        assertEquals(State.ADMIN_DOWN, peer.engine.status(KEY_A).state());
        peer.loop.runMillis(2_000);
        assertTrue(done.isDone());
        assertEquals(List.of("a"), peer.deleted);
        assertNull(peer.engine.status(KEY_A));
    }

    @Test
    void s6_8_16_configuredAgainWhileTellingThePeerKeepsTheSession() {
        final Wire wire = new Wire();
        wire.sideA.engine.configure(plain("a", KEY_A, ADDR_A));
        wire.sideB.engine.configure(plain("b", KEY_B, ADDR_B));
        wire.loop.runMillis(5_000);
        final int discr = wire.sideA.snapshot(KEY_A).localDiscr();
        final CompletableFuture<Void> done = wire.sideA.engine.unconfigure(KEY_A);
        wire.loop.runMillis(500);
        wire.sideA.engine.configure(plain("a", KEY_A, ADDR_A));
        wire.loop.runMillis(5_000);
        assertTrue(done.isDone(), "the delete is over: the session was configured again");
        assertTrue(wire.sideA.deleted.isEmpty());
        final SessionSnapshot snap = wire.sideA.snapshot(KEY_A);
        assertEquals(State.UP, snap.localState());
        assertEquals(discr, snap.localDiscr(), "the same session");
        assertEquals(State.UP, wire.sideB.snapshot(KEY_B).localState());
    }

    @Test
    void s6_8_16_adminDownCeasesEchoAndTellsThePeerUntilEnabled() {
        ours = peer.bringUp(config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 50_000, false, false, 0, 0), KEY_A,
            pkt().echoRx(50_000));
        peer.loop.runMillis(100);
        assertTrue(peer.echoesSent > 0);
        peer.engine.adminState(KEY_A, true);
        final long disabled = peer.loop.nanoTime();
        final long echoes = peer.echoesSent;
        peer.loop.runMillis(20_000);
        // "Set bfd.SessionState to AdminDown, Set bfd.LocalDiag to an appropriate value, Cease the
        // transmission of BFD Echo packets"
        assertEquals(echoes, peer.echoesSent);
        final SessionSnapshot snap = peer.snapshot(KEY_A);
        assertEquals(State.ADMIN_DOWN, snap.localState());
        assertEquals(Diagnostic.ADMIN_DOWN, snap.localDiag());
        // "MAY be transmitted indefinitely after transitioning to AdminDown state": we do, at 1 s
        final List<Scripted.Sent> told = peer.sentSince(disabled);
        assertTrue(told.size() >= 20, told.size() + " AdminDown packets in 20 s");
        assertTrue(told.stream().allMatch(s -> s.packet().state() == State.ADMIN_DOWN));
        // "If enabling session: Set bfd.SessionState to Down"
        peer.engine.adminState(KEY_A, false);
        peer.loop.runMillis(1);
        assertEquals(State.DOWN, peer.snapshot(KEY_A).localState());
        assertEquals(State.DOWN, peer.last().packet().state());
    }

    @Test
    void s6_8_18_remoteMinRxIsResetAfterASilentDetectionTime() {
        final Scripted.Pkt slow = pkt().timers(300_000, 5_000_000);
        ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, slow);
        peer.feed(KEY_A, slow.state(State.UP).your(ours), 250, 12_000);
        assertEquals(5_000_000, peer.snapshot(KEY_A).negotiatedTxUs());
        // the peer falls silent: Down after the Detection Time, then our own rate (1 s while Down),
        // not the 5 s the peer last asked for
        final long silent = peer.loop.nanoTime();
        peer.loop.runMillis(10_000);
        final List<Scripted.Sent> after = peer.sentSince(silent + 900 * MS);
        assertTrue(after.size() >= 8, "sent " + after.size() + " in 9 s");
        assertEquals(1_000_000, peer.snapshot(KEY_A).negotiatedTxUs());
    }

    @Test
    void s6_8_18_zeroRequiredMinRxHoldsTheSessionDownWithoutFlapping() {
        final Wire wire = new Wire();
        wire.sideA.engine.configure(config("a", KEY_A, ADDR_A, 300_000, 0, 3, 0, false, false, 0, 0));
        wire.sideB.engine.configure(plain("b", KEY_B, ADDR_B));
        wire.loop.runMillis(60_000);
        // A holds the session Down (6.2, 6.8.18); B, asked for no periodic packets, waits in Init
        assertTrue(wire.sideA.changes.isEmpty(), "A: " + wire.sideA.changes);
        assertEquals(List.of(State.INIT), wire.sideB.changes.stream().map(Wire.Change::to).toList());
        final long periodicFromB = wire.sideB.sent.stream().filter(s -> s.atNanos() > 1_000 * MS).count();
        assertTrue(periodicFromB <= 1, "B sent " + periodicFromB + " packets (6.8.7: none periodic)");
        assertEquals(State.DOWN, wire.sideA.snapshot(KEY_A).localState());
        // A lifts the hold: Up
        wire.sideA.engine.configure(plain("a", KEY_A, ADDR_A));
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, wire.sideA.snapshot(KEY_A).localState());
        assertEquals(State.UP, wire.sideB.snapshot(KEY_B).localState());
        // and holds it again: Down with diag 7 at once, no flap afterwards
        wire.sideA.engine.configure(config("a", KEY_A, ADDR_A, 300_000, 0, 3, 0, false, false, 0, 0));
        wire.loop.runMillis(1);
        assertEquals(Diagnostic.ADMIN_DOWN, wire.sideA.snapshot(KEY_A).localDiag());
        final int changes = wire.sideA.changes.size();
        wire.loop.runMillis(60_000);
        assertEquals(changes, wire.sideA.changes.size());
        assertEquals(State.DOWN, wire.sideA.snapshot(KEY_A).localState());
    }
}
