/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.plain;

import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.ReceiveGap;

/**
 * The health figures of PERF-NOTES rule 6 on the fake clock: the largest receive gap against the
 * Detection Time per session, and each loop's tick lag.
 */
class HealthFiguresTest {
    private final Wire wire = new Wire();

    private void bringUp() {
        wire.sideA.engine.configure(plain("a", KEY_A, ADDR_A)).join();
        wire.sideB.engine.configure(plain("b", KEY_B, ADDR_B)).join();
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, wire.sideB.snapshot(KEY_B).localState());
    }

    private ReceiveGap gapAtB() {
        return wire.sideB.snapshot(KEY_B).statistics().largestGap();
    }

    @Test
    void largestGapFollowsTheSilenceAndIsCleared() {
        bringUp();
        wire.loop.runMillis(3_000);
        // 300 ms x 3, jitter 75-100%: gaps at most one interval, detection time 900 ms
        final ReceiveGap steady = gapAtB();
        assertEquals(900_000, steady.detectionTimeUs());
        assertTrue(steady.gapUs() > 200_000 && steady.gapUs() <= 300_000, steady::toString);

        // A's packets stop reaching B for 400 ms: B stays Up; the gap runs from the last packet
        // before the silence to the first after it
        final long lastBefore = wire.sideB.lastDelivered;
        wire.sideA.linkUp = false;
        wire.loop.runMillis(400);
        wire.sideA.linkUp = true;
        for (int i = 0; i < 400 && wire.sideB.lastDelivered == lastBefore; i++) {
            wire.loop.runMillis(1);
        }
        final long firstAfter = wire.sideB.lastDelivered;
        assertEquals(State.UP, wire.sideB.snapshot(KEY_B).localState());
        final ReceiveGap near = gapAtB();
        assertEquals((firstAfter - lastBefore) / 1000, near.gapUs(), near::toString);
        assertTrue(near.gapUs() > 400_000 && near.ratio() < 1, near::toString);
        assertEquals(firstAfter / 1_000_000, near.atMillis(), "when the closing packet arrived");
        wire.loop.runMillis(400);
        assertEquals(near, gapAtB(), "smaller gaps since do not replace it");

        // a longer silence takes B Down; the first packet after it closes a gap above the Detection Time
        wire.sideA.linkUp = false;
        wire.loop.runMillis(1_500);
        assertEquals(State.DOWN, wire.sideB.snapshot(KEY_B).localState());
        wire.sideA.linkUp = true;
        wire.loop.runMillis(3_000);
        final ReceiveGap down = gapAtB();
        assertTrue(down.ratio() > 1.5, down::toString);

        assertTrue(wire.sideB.engine.clearStatistics(KEY_B).join());
        assertEquals(ReceiveGap.NONE, gapAtB());
        wire.loop.runMillis(2_000);
        assertTrue(gapAtB().gapUs() > 0, "counting resumes after a clear");
    }

    @Test
    void noGapIsCountedBeforeUp() {
        wire.sideB.engine.configure(plain("b", KEY_B, ADDR_B)).join();
        wire.loop.runMillis(5_000);
        assertEquals(ReceiveGap.NONE, gapAtB());
    }

    @Test
    void tickLagIsZeroOnAPunctualLoop() {
        bringUp();
        final var lag = wire.sideA.engine.tickLag();
        assertEquals(2, lag.size());
        final long runs = lag.stream().mapToLong(reading -> reading.sinceStart().count()).sum();
        assertTrue(runs > 10, lag::toString);
        lag.forEach(reading -> assertEquals(0, reading.sinceStart().maxUs(), reading::toString));
    }

    @Test
    void tickLagShowsALateLoop() {
        wire.loop.lateNanos = 2_000_000;
        bringUp();
        wire.loop.runMillis(20_000);
        final var lag = wire.sideA.engine.tickLag();
        final var busy = lag.stream().filter(reading -> reading.sinceStart().count() > 0).findFirst().orElseThrow();
        // every timer ran 2 ms late, a few more behind others due at the same instant
        assertTrue(busy.sinceStart().p50Us() >= 2_000 && busy.sinceStart().p50Us() < 2_300, busy::toString);
        assertTrue(busy.sinceStart().maxUs() >= 2_000, busy::toString);
        assertTrue(busy.recent().count() > 0 && busy.recent().count() < busy.sinceStart().count(), busy::toString);
        assertTrue(busy.recent().p99Us() >= 2_000, busy::toString);
    }
}
