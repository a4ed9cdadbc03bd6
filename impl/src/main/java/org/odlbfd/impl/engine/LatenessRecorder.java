/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.util.Arrays;

/**
 * Keeps the most recent detection latenesses (how long after its deadline a Down was declared)
 * of one engine thread, in a bounded ring, for percentiles.
 */
final class LatenessRecorder {
    private static final int CAPACITY = 1 << 16;

    private final long[] samples = new long[CAPACITY];
    private long count;

    void record(final long nanos) {
        samples[(int) (count++ & CAPACITY - 1)] = nanos;
    }

    long[] copy() {
        return Arrays.copyOf(samples, (int) Math.min(count, CAPACITY));
    }
}
