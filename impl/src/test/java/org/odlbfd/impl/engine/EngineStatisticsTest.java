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
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.plain;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;

/**
 * The operator's {@code clear statistics} (one session or all) and the engine-wide discard counts
 * the metrics read, on the fake clock.
 */
class EngineStatisticsTest {
    private final Wire wire = new Wire();

    private void bringUp() {
        wire.sideA.engine.configure(plain("a", KEY_A, ADDR_A)).join();
        wire.sideB.engine.configure(plain("b", KEY_B, ADDR_B)).join();
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, wire.sideA.snapshot(KEY_A).localState());
    }

    private void sendJunk() {
        final int discrB = wire.sideB.snapshot(KEY_B).localDiscr();
        // charged to B's session: Detect Mult zero (RFC 5880 §6.8.6)
        wire.sideB.engine.submit(new EngineInput.Received(KEY_B, new ControlPacket(0, State.UP, false, false, false,
            false, false, 0, 77, discrB, 300_000, 300_000, 0, null), null, null));
        // charged to nobody: Your Discriminator selects no session
        wire.sideB.engine.submit(new EngineInput.Received(KEY_B, new ControlPacket(0, State.UP, false, false, false,
            false, false, 3, 77, discrB + 2, 300_000, 300_000, 0, null), null, null));
        wire.loop.runMillis(10);
    }

    @Test
    void clearOneSessionZeroesItsCountersOnly() {
        bringUp();
        sendJunk();
        final var before = wire.sideB.snapshot(KEY_B).statistics();
        assertTrue(before.rxPackets() > 5, before::toString);
        assertEquals(1, before.rejected(RejectReason.ZERO_DETECT_MULT));
        final var createdAt = before.createTimeMillis();
        final var upAt = before.lastUpMillis();

        assertTrue(wire.sideB.engine.clearStatistics(KEY_B).join());
        final var after = wire.sideB.snapshot(KEY_B);
        assertEquals(0, after.statistics().rxPackets());
        assertEquals(0, after.statistics().txPackets());
        assertEquals(0, after.statistics().rxInvalid());
        assertEquals(Map.of(), after.statistics().rxInvalidByReason());
        assertEquals(createdAt, after.statistics().createTimeMillis(), "times describe the session, they stay");
        assertEquals(upAt, after.statistics().lastUpMillis());
        assertEquals(State.UP, after.localState(), "clearing counters must not touch the session");
        // A's counters are another session's: untouched
        assertTrue(wire.sideA.snapshot(KEY_A).statistics().rxPackets() > 5);
        // the unattributed discard stays: only a clear of everything resets it
        assertEquals(Map.of(RejectReason.UNKNOWN_DISCRIMINATOR, 1L), wire.sideB.engine.unattributedRejects().join());

        // counting resumes from zero
        wire.loop.runMillis(2_000);
        final var resumed = wire.sideB.snapshot(KEY_B).statistics();
        assertTrue(resumed.rxPackets() > 0 && resumed.rxPackets() < before.rxPackets(), resumed::toString);
        assertEquals(State.UP, wire.sideA.snapshot(KEY_A).localState());
    }

    @Test
    void clearOfAnUnknownSessionSaysSo() {
        bringUp();
        assertFalse(wire.sideB.engine.clearStatistics(new SingleHopKey("eth9", ADDR_A)).join());
    }

    @Test
    void clearAllZeroesEverySessionAndTheEngineWideDiscards() {
        bringUp();
        sendJunk();
        final var stats = wire.sideB.engine.stats().join();
        assertEquals(2, stats.rxInvalid(), stats::toString);
        assertEquals(Map.of(RejectReason.UNKNOWN_DISCRIMINATOR, 1L), wire.sideB.engine.unattributedRejects().join());

        assertEquals(1, wire.sideB.engine.clearAllStatistics().join());
        assertEquals(Map.of(), wire.sideB.engine.unattributedRejects().join());
        final var cleared = wire.sideB.engine.stats().join();
        assertEquals(0, cleared.rxInvalid(), cleared::toString);
        assertEquals(0, cleared.rxPackets(), cleared::toString);
        assertEquals(1, cleared.up());
    }
}
