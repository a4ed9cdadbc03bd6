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

import org.junit.jupiter.api.Test;
import org.odlbfd.impl.session.Clock;

/**
 * The tick-lag histogram: buckets, percentiles, the recent window.
 */
class TickLagTest {
    private static final long SECOND = 1_000_000_000L;
    private long now = 5 * SECOND;
    private final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public long currentTimeMillis() {
            return now / 1_000_000;
        }
    };

    @Test
    void everyValueLiesInItsBucket() {
        int previous = -1;
        for (long us = 0; us < 5_000_000; us += 1 + us / 50) {
            final int bucket = TickLag.bucket(us);
            assertTrue(bucket >= previous, "buckets grow with the value at " + us);
            assertTrue(us <= TickLag.upperBound(bucket), "value above its bucket at " + us);
            assertTrue(bucket == 0 || us > TickLag.upperBound(bucket - 1), "value below its bucket at " + us);
            // log-linear: the bucket is at most 1/8 wider than its values
            assertTrue(TickLag.upperBound(bucket) <= us + us / 8 + 1, "bucket too coarse at " + us);
            previous = bucket;
        }
        assertEquals(TickLag.BUCKETS - 1, TickLag.bucket(Long.MAX_VALUE / 1000));
    }

    @Test
    void percentilesSinceStartAndOverTheWindow() {
        final TickLag lag = new TickLag(clock);
        for (int i = 0; i < 98; i++) {
            lag.record(100_000, now);
        }
        lag.record(5_000_000, now);
        lag.record(40_000_000, now);
        var reading = lag.read(3);
        assertEquals(3, reading.loop());
        assertEquals(100, reading.sinceStart().count());
        assertTrue(reading.sinceStart().p50Us() >= 100 && reading.sinceStart().p50Us() <= 112, reading::toString);
        assertTrue(reading.sinceStart().p99Us() >= 5_000 && reading.sinceStart().p99Us() <= 5_625, reading::toString);
        assertEquals(40_000, reading.sinceStart().maxUs());
        assertEquals(reading.sinceStart(), reading.recent());

        // 30 s later, one punctual run: the window forgot the old lags, the totals did not
        now += 30 * SECOND;
        lag.record(-3, now);
        reading = lag.read(3);
        assertEquals(101, reading.sinceStart().count());
        assertEquals(40_000, reading.sinceStart().maxUs());
        assertEquals(new TickLag.Figures(1, 0, 0, 0), reading.recent());

        // a slot reused a window later holds only its new second
        now += TickLag.WINDOW_SECONDS * SECOND + SECOND;
        lag.record(7_000_000, now);
        reading = lag.read(3);
        assertEquals(1, reading.recent().count());
        assertEquals(7_000, reading.recent().maxUs());
    }
}
