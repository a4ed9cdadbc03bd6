/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operational writer's failure policy on a fake clock: exponential, bounded retry delays, one
 * log line per failure run and then one a minute, and the health it reports.
 */
class FaultTrackerTest {
    private long now;
    private final FaultTracker faults = new FaultTracker(() -> now);

    @Test
    void retryDelaysDoubleUpToTenSeconds() {
        final List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            faults.failed(new IllegalStateException("down"));
            delays.add(faults.retryDelayMillis());
        }
        assertEquals(List.of(20L, 40L, 80L, 160L, 320L, 640L, 1_280L, 2_560L, 5_120L, 10_000L, 10_000L, 10_000L),
            delays);
        assertEquals(12, faults.succeeded());
        assertEquals(0, faults.retryDelayMillis());
        faults.failed(new IllegalStateException("again"));
        assertEquals(20, faults.retryDelayMillis());
    }

    @Test
    void aRunOfFailuresLogsOnceAndThenOnceAMinute() {
        assertEquals(FaultTracker.LogAction.FIRST, faults.failed(new IllegalStateException("x")));
        for (int i = 0; i < 120; i++) {
            now += 500_000_000L;
            assertEquals(i == 119 ? FaultTracker.LogAction.SUMMARY : FaultTracker.LogAction.QUIET,
                faults.failed(new IllegalStateException("x")), "failure " + i);
        }
        // 119 quiet failures would have been 119 stack traces; the summary says how many were not logged
        assertEquals(119, faults.takeSuppressed());
        now += 1_000_000_000L;
        assertEquals(FaultTracker.LogAction.QUIET, faults.failed(new IllegalStateException("x")));
        faults.succeeded();
        // a new run starts with a full log line again
        assertEquals(FaultTracker.LogAction.FIRST, faults.failed(new IllegalStateException("y")));
    }

    @Test
    void healthTellsTheRunAndTheTotal() {
        assertTrue(faults.health().healthy());
        faults.failed(new IllegalStateException("first"));
        faults.failed(new IllegalStateException("second"));
        var health = faults.health();
        assertFalse(health.healthy());
        assertEquals(2, health.consecutiveFailures());
        assertEquals(2, health.totalFailures());
        assertEquals("second", health.lastError());
        assertEquals(40, health.retryDelayMillis());
        faults.succeeded();
        health = faults.health();
        assertTrue(health.healthy());
        assertEquals(0, health.consecutiveFailures());
        assertEquals(2, health.totalFailures());
        assertEquals(1, health.commits());
    }
}
