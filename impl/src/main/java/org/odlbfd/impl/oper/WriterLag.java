/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How far the operational datastore trails the engine: for every commit of the writer, the time
 * from the oldest update it carries being handed to the writer until the commit completed. Kept as
 * cumulative counts over fixed bounds (the shape of a Prometheus histogram) so any thread can read
 * it while the writer's commit callbacks add to it; plain Java, so the metrics can render it with
 * whatever library they use.
 */
public final class WriterLag {
    /** Upper bounds in seconds; the last bucket (infinity) is implicit. */
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder sumNanos = new LongAdder();
    private volatile long lastNanos;

    /**
     * Creates an empty record.
     */
    public WriterLag() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /**
     * One commit completed.
     *
     * @param nanos time from the oldest update it carried being queued until it completed
     */
    void record(final long nanos) {
        final double seconds = nanos / 1e9;
        int index = 0;
        while (index < BOUNDS.length && seconds > BOUNDS[index]) {
            index++;
        }
        buckets[index].increment();
        sumNanos.add(nanos);
        lastNanos = nanos;
    }

    /**
     * The figures so far.
     *
     * @return a copy
     */
    public Snapshot snapshot() {
        final List<Long> counts = new ArrayList<>(buckets.length);
        for (LongAdder bucket : buckets) {
            counts.add(bucket.sum());
        }
        return new Snapshot(Arrays.stream(BOUNDS).boxed().toList(), counts, sumNanos.sum() / 1e9, lastNanos / 1e9);
    }

    /**
     * Lag figures at one moment.
     *
     * @param upperBounds bucket upper bounds in seconds, without the final infinite one
     * @param counts commits per bucket (not cumulative), one more than {@code upperBounds}: the last
     *     counts commits slower than every bound
     * @param sumSeconds total lag of all commits
     * @param lastSeconds lag of the latest commit
     */
    public record Snapshot(List<Double> upperBounds, List<Long> counts, double sumSeconds, double lastSeconds) {
        /**
         * Copies the lists.
         *
         * @param upperBounds bounds
         * @param counts counts
         * @param sumSeconds sum
         * @param lastSeconds last
         */
        public Snapshot {
            upperBounds = List.copyOf(upperBounds);
            counts = List.copyOf(counts);
        }

        /**
         * Number of commits.
         *
         * @return count
         */
        public long count() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }
}
