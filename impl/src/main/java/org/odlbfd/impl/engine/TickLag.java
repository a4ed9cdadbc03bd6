/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.odlbfd.impl.session.Clock;

/**
 * How late one event loop runs its timer work (transmit and detection timers) against the deadline
 * each was scheduled for: the "tick lag" health figure of PERF-NOTES rule 6. A loop whose timers
 * run late sends late and declares Down late; a lag near the detection time explains false Downs
 * that no dropped packet does.
 *
 * <p>One writer (the loop's thread), readers on any thread. Log-linear buckets of microseconds
 * (8 per power of two, so a percentile is within 12.5%), kept since start and in one-second slots
 * for a recent window. The writer only increments longs with opaque stores: no lock, no
 * allocation. A reader may see a slot while the writer is reusing it for a new second; the window
 * is then off by at most that slot's counts, which is fine for a health figure.
 */
public final class TickLag {
    /** Length of the recent window, in slots of one second. */
    public static final int WINDOW_SECONDS = 10;
    private static final int SUB_BITS = 3;
    private static final int SUB = 1 << SUB_BITS;
    /** Lags up to 2^24 µs (16 s) are bucketed; longer ones go to the last bucket (the max stays exact). */
    private static final int MAX_EXP = 24;
    static final int BUCKETS = (MAX_EXP - SUB_BITS + 1) * SUB + SUB;
    /** The window's slots plus the one being filled. */
    private static final int SLOTS = WINDOW_SECONDS + 1;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Clock clock;
    private final AtomicLongArray total = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLongArray slots = new AtomicLongArray(SLOTS * (BUCKETS + 1));
    /** The second each slot holds (nanoTime / 1 s), -1 when never used. */
    private final AtomicLongArray slotSecond = new AtomicLongArray(SLOTS);

    /**
     * Creates an empty record.
     *
     * @param clock the clock the timers' deadlines are read on
     */
    public TickLag(final Clock clock) {
        this.clock = clock;
        for (int i = 0; i < SLOTS; i++) {
            slotSecond.setPlain(i, Long.MIN_VALUE);
        }
    }

    /**
     * Records one timer run. Loop thread only.
     *
     * @param lateNanos how long after its deadline the timer ran (clamped at 0)
     * @param nowNanos the clock when it ran
     */
    public void record(final long lateNanos, final long nowNanos) {
        final long us = Math.max(0, lateNanos) / 1000;
        final int bucket = bucket(us);
        increment(total, bucket);
        maxInto(total, us);
        final long second = Math.floorDiv(nowNanos, SECOND);
        final int slot = Math.floorMod(second, SLOTS);
        final int base = slot * (BUCKETS + 1);
        if (slotSecond.getPlain(slot) != second) {
            // a new second for this slot: forget what it held SLOTS seconds ago
            for (int i = 0; i <= BUCKETS; i++) {
                slots.setOpaque(base + i, 0);
            }
            slotSecond.setRelease(slot, second);
        }
        increment(slots, base + bucket);
        if (us > slots.getPlain(base + BUCKETS)) {
            slots.setOpaque(base + BUCKETS, us);
        }
    }

    private static void increment(final AtomicLongArray array, final int index) {
        array.setOpaque(index, array.getPlain(index) + 1);
    }

    private static void maxInto(final AtomicLongArray array, final long us) {
        if (us > array.getPlain(BUCKETS)) {
            array.setOpaque(BUCKETS, us);
        }
    }

    /**
     * The figures now, from any thread.
     *
     * @param loop the loop's index, carried into the reading
     * @return the lag since start and over the last {@link #WINDOW_SECONDS} seconds
     */
    public Reading read(final int loop) {
        final long[] all = new long[BUCKETS + 1];
        for (int i = 0; i <= BUCKETS; i++) {
            all[i] = total.getOpaque(i);
        }
        final long[] recent = new long[BUCKETS + 1];
        final long now = Math.floorDiv(clock.nanoTime(), SECOND);
        for (int slot = 0; slot < SLOTS; slot++) {
            final long second = slotSecond.getAcquire(slot);
            if (second > now - WINDOW_SECONDS && second <= now) {
                final int base = slot * (BUCKETS + 1);
                for (int i = 0; i < BUCKETS; i++) {
                    recent[i] += slots.getOpaque(base + i);
                }
                recent[BUCKETS] = Math.max(recent[BUCKETS], slots.getOpaque(base + BUCKETS));
            }
        }
        return new Reading(loop, Figures.of(all), Figures.of(recent));
    }

    static int bucket(final long us) {
        if (us < SUB) {
            return (int) us;
        }
        final int exp = Math.min(MAX_EXP, 63 - Long.numberOfLeadingZeros(us));
        if (exp == MAX_EXP && us >= 2L << MAX_EXP) {
            return BUCKETS - 1;
        }
        final int sub = (int) (us >>> exp - SUB_BITS) & SUB - 1;
        return (exp - SUB_BITS + 1) * SUB + sub;
    }

    /** The largest value a bucket holds, in µs. */
    static long upperBound(final int bucket) {
        if (bucket < 2 * SUB) {
            return bucket;
        }
        final int exp = bucket / SUB + SUB_BITS - 1;
        final long lower = (long) (SUB + bucket % SUB) << exp - SUB_BITS;
        return lower + (1L << exp - SUB_BITS) - 1;
    }

    /**
     * One loop's tick lag.
     *
     * @param loop the loop's index
     * @param sinceStart since the engine started
     * @param recent over the last {@link #WINDOW_SECONDS} seconds
     */
    public record Reading(int loop, Figures sinceStart, Figures recent) {
    }

    /**
     * Percentiles of a set of lags, in µs (a percentile is its bucket's upper bound, at most the
     * maximum, which is exact).
     *
     * @param count timer runs
     * @param p50Us median
     * @param p99Us 99th percentile
     * @param maxUs largest
     */
    public record Figures(long count, long p50Us, long p99Us, long maxUs) {
        static Figures of(final long[] counts) {
            long count = 0;
            for (int i = 0; i < BUCKETS; i++) {
                count += counts[i];
            }
            final long max = counts[BUCKETS];
            return new Figures(count, Math.min(max, percentile(counts, count, 50)),
                Math.min(max, percentile(counts, count, 99)), max);
        }

        private static long percentile(final long[] counts, final long count, final int pct) {
            if (count == 0) {
                return 0;
            }
            final long rank = Math.max(1, (count * pct + 99) / 100);
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return upperBound(i);
                }
            }
            return upperBound(BUCKETS - 1);
        }
    }
}
