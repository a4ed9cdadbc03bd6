/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

/**
 * One set of validation rules the commit cohort runs on the whole configuration a transaction
 * would leave. A rule set reads the {@link ConfigView} and adds one violation per broken rule;
 * it never throws on odd input. Only the violations a transaction introduces refuse it (see
 * {@link ConfigValidator#check}), so a rule set needs no notion of "before".
 *
 * <p>New rule sets (placement on devices, static routes) are classes of their own, added to
 * {@link ConfigValidator#standard}.
 */
@FunctionalInterface
public interface ConfigRule {
    /**
     * Checks a configuration.
     *
     * @param config the configuration
     * @param violations where broken rules go
     */
    void check(ConfigView config, Violations violations);
}
