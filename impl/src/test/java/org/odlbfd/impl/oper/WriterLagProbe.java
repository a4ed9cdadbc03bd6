/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

/**
 * Lets tests outside this package feed a {@link WriterLag} as the writer's commits do.
 */
public final class WriterLagProbe {
    private final WriterLag lag = new WriterLag();

    /**
     * One commit.
     *
     * @param nanos its lag
     */
    public void record(final long nanos) {
        lag.record(nanos);
    }

    /**
     * The record.
     *
     * @return it
     */
    public WriterLag lag() {
        return lag;
    }
}
