/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * Percentiles of a benchmark's samples (nearest rank), in the samples' unit.
 *
 * @param sorted the samples, ascending
 */
record Percentiles(List<Long> sorted) {
    static Percentiles of(final List<Long> samples) {
        final var copy = new ArrayList<>(samples);
        copy.sort(null);
        return new Percentiles(List.copyOf(copy));
    }

    /** The sample at {@code percent} (nearest rank), or -1 without samples. */
    long at(final int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        final int idx = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /** "p50 A ms p99 B ms max C ms (n=N)" for samples in microseconds. */
    String millis() {
        return String.format("p50 %.1f ms p99 %.1f ms max %.1f ms (n=%d)", at(50) / 1e3, at(99) / 1e3, at(100) / 1e3,
            sorted.size());
    }
}
