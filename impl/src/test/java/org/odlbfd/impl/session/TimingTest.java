/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimingTest {
    private static final long INTERVAL = 300_000_000L;

    private static long[] minMax(final int detectMult) {
        final SplittableRandom random = new SplittableRandom(42);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 100_000; i++) {
            final long value = Timing.jitter(INTERVAL, detectMult, random);
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new long[] { min, max };
    }

    @Test
    void jitterIs75To100Percent() {
        final long[] range = minMax(3);
        // RFC 5880 §6.8.7: reduced by 0 to 25 %; over 100k samples both ends are approached.
        assertTrue(range[0] >= INTERVAL * 75 / 100 && range[0] < INTERVAL * 76 / 100, "min " + range[0]);
        assertTrue(range[1] < INTERVAL && range[1] > INTERVAL * 99 / 100, "max " + range[1]);
    }

    @Test
    void jitterIs75To90PercentForMultiplierOne() {
        final long[] range = minMax(1);
        // RFC 5880 §6.8.7: with Detect Mult 1 the interval is never more than 90 %.
        assertTrue(range[0] >= INTERVAL * 75 / 100 && range[0] < INTERVAL * 76 / 100, "min " + range[0]);
        assertTrue(range[1] <= INTERVAL * 90 / 100 && range[1] > INTERVAL * 89 / 100, "max " + range[1]);
    }

    @Test
    void transmitDelaysEndOnTheGridWithinTheJitterBounds() {
        final SplittableRandom random = new SplittableRandom(7);
        final long interval = 50_000_000L;
        for (int mult = 1; mult <= 3; mult += 2) {
            final long upper = mult == 1 ? interval * 90 / 100 : interval;
            for (int i = 0; i < 10_000; i++) {
                final long now = random.nextLong(1L << 50);
                final long jittered = Timing.jitter(interval, mult, random);
                final long delay = Timing.onGrid(now, jittered, interval * 3 / 4);
                // RFC 5880 §6.8.7 bounds still hold, and the timer ends on a grid instant
                assertTrue(delay >= interval * 3 / 4 && delay <= upper, "delay " + delay);
                assertEquals(0, Math.floorMod(now + delay, Timing.GRID_NANOS), "on the grid");
                assertTrue(delay <= jittered || delay < interval * 3 / 4 + Timing.GRID_NANOS, "moved earlier");
            }
        }
        // short intervals keep their exact jitter
        assertEquals(3_333_333L, Timing.onGrid(12_345L, 3_333_333L, 3_000_000L));
    }

    @Test
    void negotiation() {
        // RFC 5880 §6.8.7: the slower of our TX and the peer's RX.
        assertEquals(500_000, Timing.txIntervalUs(300_000, 500_000));
        assertEquals(300_000, Timing.txIntervalUs(300_000, 1));
        // RFC 5880 §6.8.4: remote multiplier x the slower of our RX and the peer's TX.
        assertEquals(4 * 200_000, Timing.detectionTimeUs(4, 100_000, 200_000));
        assertEquals(3 * 300_000, Timing.detectionTimeUs(3, 300_000, 50_000));
    }

    @Test
    void intMapStoresRemovesAndGrows() {
        final IntMap<String> map = new IntMap<>();
        for (int i = 1; i <= 1000; i++) {
            map.put(i * 7919, "v" + i);
        }
        assertEquals(1000, map.size());
        for (int i = 1; i <= 1000; i += 2) {
            map.remove(i * 7919);
        }
        assertEquals(500, map.size());
        for (int i = 1; i <= 1000; i++) {
            if (i % 2 == 1) {
                assertNull(map.get(i * 7919));
            } else {
                assertEquals("v" + i, map.get(i * 7919));
            }
        }
        assertNull(map.get(-5));
    }
}
