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
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.policy.AdaptationConfig;
import org.odlbfd.impl.policy.PolicyConfig;

/**
 * Detection-time adaptation (Juniper) on the fake clock: more than three flaps within 15 s double the
 * interval of the side that failed, up to a bound; the configured intervals return after a stable
 * period, or at clear-adaptation, through a Poll Sequence and without a flap; no-adaptation.
 */
class AdaptationPolicyTest {
    private static final PolicyConfig ADAPTIVE = PolicyConfig.NONE.withAdaptation(AdaptationConfig.DEFAULT);

    private final PolicyBed bed = new PolicyBed();

    private ControlPacket lastSent() {
        return bed.peer.last().packet();
    }

    @Test
    void theFourthFlapWeDetectDoublesOurRequiredMinRx() {
        bed.up(ADAPTIVE);
        for (int i = 0; i < 3; i++) {
            bed.flapBySilence();
            assertEquals(300_000, lastSent().requiredMinRxUs(), "three flaps are tolerated");
        }
        bed.flapBySilence();
        bed.run(500);
        // Juniper: "increases the receive (Rx) interval by two if the local BFD instance is the reason"
        assertEquals(600_000, lastSent().requiredMinRxUs());
        assertEquals(300_000, lastSent().desiredMinTxUs());
        assertEquals(1_800_000, bed.peer.snapshot(KEY_A).detectionTimeUs(), "3 x max(600, 300) ms");
        final var state = bed.policy();
        assertEquals(2, state.rxBackoff());
        assertEquals(1, state.txBackoff());
        assertEquals(600_000, state.adaptedRxUs());
        assertEquals(4, state.recentFlaps());
        bed.flapBySilence();
        bed.run(500);
        assertEquals(1_200_000, lastSent().requiredMinRxUs(), "x2 per step");
    }

    @Test
    void flapsThePeerSignalsDoubleOurTransmitInterval() {
        bed.up(ADAPTIVE);
        for (int i = 0; i < 4; i++) {
            bed.flapByPeer();
        }
        bed.run(500);
        // "The transmission (Tx) interval is increased by two if the remote BFD instance is the reason"
        assertEquals(600_000, lastSent().desiredMinTxUs());
        assertEquals(300_000, lastSent().requiredMinRxUs());
        assertEquals(600_000, bed.peer.snapshot(KEY_A).negotiatedTxUs());
    }

    @Test
    void boundedByMaxSteps() {
        bed.up(ADAPTIVE);
        for (int i = 0; i < 9; i++) {
            bed.flapBySilence();
        }
        bed.run(500);
        assertEquals(8, bed.policy().rxBackoff(), "three doublings at most");
        assertEquals(2_400_000, lastSent().requiredMinRxUs());
    }

    @Test
    void flapsOutsideTheWindowDoNotAdapt() {
        bed.up(ADAPTIVE);
        for (int i = 0; i < 6; i++) {
            bed.flapBySilence();
            bed.run(5_000);
        }
        assertFalse(bed.policy().adapted(), bed.policy().toString());
        assertEquals(300_000, lastSent().requiredMinRxUs());
    }

    @Test
    void aStablePeriodReturnsToTheConfiguredIntervalsThroughAPollWithoutFlap() {
        bed.up(ADAPTIVE);
        for (int i = 0; i < 4; i++) {
            bed.flapBySilence();
        }
        bed.run(1_000);
        assertTrue(bed.policy().adapted());
        final int changes = bed.peer.changes.size();
        final long from = bed.now();
        bed.run(59_000 - 1_000);
        assertEquals(600_000, lastSent().requiredMinRxUs(), "not yet: Up for less than 60 s");
        // one packet of ours with P and the configured 300 ms, the peer answers F (PolicyBed#run)
        bed.run(3_000);
        final List<Scripted.Sent> polls = bed.peer.sentSince(from).stream().filter(s -> s.packet().poll()).toList();
        assertFalse(polls.isEmpty(), "renegotiated through a Poll Sequence (RFC 5880 6.8.3)");
        assertEquals(300_000, polls.get(0).packet().requiredMinRxUs());
        assertEquals(changes, bed.peer.changes.size(), "no transition");
        assertEquals(State.UP, bed.wire());
        assertEquals(900_000, bed.peer.snapshot(KEY_A).detectionTimeUs());
        assertFalse(bed.policy().adapted());
    }

    @Test
    void clearAdaptationIsHitless() {
        bed.up(ADAPTIVE);
        for (int i = 0; i < 5; i++) {
            bed.flapBySilence();
        }
        bed.run(1_000);
        assertEquals(4, bed.policy().rxBackoff());
        final int changes = bed.peer.changes.size();
        final var cleared = bed.peer.policies.clearAdaptation(null).join();
        assertEquals(1, cleared.matched());
        assertEquals(1, cleared.cleared());
        bed.run(1_000);
        assertEquals(300_000, lastSent().requiredMinRxUs());
        assertFalse(lastSent().poll(), "the Final came back");
        assertEquals(900_000, bed.peer.snapshot(KEY_A).detectionTimeUs());
        assertEquals(changes, bed.peer.changes.size(), "no transition");
        assertEquals(0, bed.peer.policies.clearAdaptation(KEY_A).join().cleared());
    }

    @Test
    void noAdaptation() {
        bed.up(PolicyConfig.NONE);
        for (int i = 0; i < 6; i++) {
            bed.flapBySilence();
        }
        bed.run(500);
        assertEquals(300_000, lastSent().requiredMinRxUs());
        assertEquals(300_000, lastSent().desiredMinTxUs());
        assertFalse(bed.policy().adapted());
    }

    @Test
    void theOperatorsNewTimersAreAdaptedToo() {
        bed.up(ADAPTIVE);
        for (int i = 0; i < 4; i++) {
            bed.flapBySilence();
        }
        bed.run(500);
        // a new configuration keeps the adaptation: 200 ms configured, 400 ms in force
        bed.peer.policies.configure(EngineScenarioTest.config("a", KEY_A, EngineScenarioTest.ADDR_A, 300_000,
            200_000, 3, 0, false, false, 0, 0), ADAPTIVE);
        bed.run(1_000);
        assertEquals(400_000, lastSent().requiredMinRxUs());
    }
}
