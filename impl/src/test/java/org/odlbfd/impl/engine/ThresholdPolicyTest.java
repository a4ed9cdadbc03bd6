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
import org.odlbfd.impl.policy.AdaptationConfig;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicyEvent.Kind;
import org.odlbfd.impl.policy.ThresholdConfig;

/**
 * Juniper's detection-time and transmit-interval thresholds on the fake clock: one event when the
 * value in force crosses, one when it comes back; nothing at bring-up, when both ends still advertise
 * their slow 1 s for a moment (RFC 5880 §6.8.3).
 */
class ThresholdPolicyTest {
    private final PolicyBed bed = new PolicyBed();

    private List<Kind> kinds() {
        return bed.peer.policyEvents.stream().map(PolicyEvent::kind).toList();
    }

    /** The peer changes its timers through a Poll Sequence, which we answer; then it sends them. */
    private void peerTimers(final long txUs, final long rxUs) {
        bed.peer.deliver(KEY_A, bed.upPkt().timers(txUs, rxUs).poll());
        bed.peer.loop.runMillis(1);
        for (int i = 0; i < 12; i++) {
            bed.peer.deliver(KEY_A, bed.upPkt().timers(txUs, rxUs));
            bed.peer.loop.runMillis(250);
        }
    }

    @Test
    void detectionTimeCrossesAndComesBack() {
        bed.up(PolicyConfig.NONE.withThresholds(new ThresholdConfig(1_000_000, 0)));
        bed.run(2_000);
        assertEquals(List.of(), kinds(), "900 ms is below 1 s; the slow start did not count");
        peerTimers(500_000, 300_000);
        assertEquals(1_500_000, bed.peer.snapshot(KEY_A).detectionTimeUs());
        assertEquals(List.of(Kind.DETECTION_TIME_CROSSED), kinds());
        assertEquals(1_500_000, bed.peer.policyEvents.get(0).value());
        assertEquals(1_000_000, bed.peer.policyEvents.get(0).threshold());
        assertTrue(bed.policy().detectionTimeExceeded());
        peerTimers(300_000, 300_000);
        assertEquals(List.of(Kind.DETECTION_TIME_CROSSED, Kind.DETECTION_TIME_CLEARED), kinds());
        assertFalse(bed.policy().detectionTimeExceeded());
    }

    @Test
    void equalToTheDetectionThresholdCounts() {
        bed.up(PolicyConfig.NONE.withThresholds(new ThresholdConfig(900_000, 0)));
        bed.run(2_000);
        // Juniper: "adapts to a value equal to or higher than the threshold"
        assertEquals(List.of(Kind.DETECTION_TIME_CROSSED), kinds());
    }

    @Test
    void transmitIntervalCrossesAboveItsThreshold() {
        bed.up(PolicyConfig.NONE.withThresholds(new ThresholdConfig(0, 400_000)));
        bed.run(2_000);
        peerTimers(300_000, 400_000);
        assertEquals(List.of(), kinds(), "400 ms is not above 400 ms");
        peerTimers(300_000, 500_000);
        assertEquals(500_000, bed.peer.snapshot(KEY_A).negotiatedTxUs());
        assertEquals(List.of(Kind.TRANSMIT_INTERVAL_CROSSED), kinds());
        peerTimers(300_000, 300_000);
        assertEquals(List.of(Kind.TRANSMIT_INTERVAL_CROSSED, Kind.TRANSMIT_INTERVAL_CLEARED), kinds());
    }

    @Test
    void adaptationCrossesTheThresholdAndTheStablePeriodClearsIt() {
        bed.up(PolicyConfig.NONE.withAdaptation(AdaptationConfig.DEFAULT)
            .withThresholds(new ThresholdConfig(1_500_000, 0)));
        for (int i = 0; i < 4; i++) {
            bed.flapBySilence();
        }
        bed.run(1_000);
        assertEquals(1_800_000, bed.peer.snapshot(KEY_A).detectionTimeUs());
        assertEquals(List.of(Kind.DETECTION_TIME_CROSSED), kinds());
        bed.run(61_000);
        assertEquals(List.of(Kind.DETECTION_TIME_CROSSED, Kind.DETECTION_TIME_CLEARED), kinds());
    }
}
