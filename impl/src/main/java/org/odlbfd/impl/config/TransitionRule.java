/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

/**
 * A rule about a change rather than a state: it sees the configuration before and after the
 * transaction (for example, a limit that may only stop growth, or a value a running session
 * cannot change). Its violations always refuse the transaction.
 */
@FunctionalInterface
public interface TransitionRule {
    /**
     * Checks a change.
     *
     * @param before the committed configuration the transaction starts from
     * @param after the configuration it would leave
     * @param violations where broken rules go
     */
    void check(ConfigView before, ConfigView after, Violations violations);
}
