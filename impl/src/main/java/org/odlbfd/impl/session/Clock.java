/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

/**
 * Time source of the protocol core, replaced by a fake clock in tests.
 */
public interface Clock {
    /**
     * Monotonic time.
     *
     * @return nanoseconds, as {@link System#nanoTime()}
     */
    long nanoTime();

    /**
     * Wall-clock time for timestamps shown to operators.
     *
     * @return milliseconds since the epoch
     */
    long currentTimeMillis();

    /** The system clock. */
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    };
}
