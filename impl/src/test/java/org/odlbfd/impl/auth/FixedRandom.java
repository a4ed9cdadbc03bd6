/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import java.util.random.RandomGenerator;

/**
 * A "random" generator that returns a chosen 32-bit value, so that bfd.XmitAuthSeq starts where
 * a test wants it.
 */
final class FixedRandom implements RandomGenerator {
    private final int value;

    FixedRandom(final long value) {
        this.value = (int) value;
    }

    @Override
    public int nextInt() {
        return value;
    }

    @Override
    public long nextLong() {
        return (long) value << 32;
    }
}
