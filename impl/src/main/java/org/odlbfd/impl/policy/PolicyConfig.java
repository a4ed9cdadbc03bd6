/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import static java.util.Objects.requireNonNull;

/**
 * The stability policies of one session, every default applied: what the configuration layer hands
 * the engine next to the session's own configuration.
 *
 * @param damping flap damping
 * @param adaptation detection-time adaptation
 * @param thresholds threshold alarms
 * @param waitToRestoreMillis Huawei WTR for the session's clients, 0 for none
 */
public record PolicyConfig(DampingConfig damping, AdaptationConfig adaptation, ThresholdConfig thresholds,
        long waitToRestoreMillis) {
    /** No policy at all: the session's clients see exactly what runs on the wire. */
    public static final PolicyConfig NONE = new PolicyConfig(DampingConfig.OFF, AdaptationConfig.OFF,
        ThresholdConfig.NONE, 0);

    /**
     * Checks the components.
     *
     * @param damping damping
     * @param adaptation adaptation
     * @param thresholds thresholds
     * @param waitToRestoreMillis WTR
     */
    public PolicyConfig {
        requireNonNull(damping);
        requireNonNull(adaptation);
        requireNonNull(thresholds);
        if (waitToRestoreMillis < 0) {
            throw new IllegalArgumentException("wait-to-restore must not be negative");
        }
    }

    /**
     * The same with other damping.
     *
     * @param newDamping damping
     * @return the config
     */
    public PolicyConfig withDamping(final DampingConfig newDamping) {
        return new PolicyConfig(newDamping, adaptation, thresholds, waitToRestoreMillis);
    }

    /**
     * The same with other adaptation.
     *
     * @param newAdaptation adaptation
     * @return the config
     */
    public PolicyConfig withAdaptation(final AdaptationConfig newAdaptation) {
        return new PolicyConfig(damping, newAdaptation, thresholds, waitToRestoreMillis);
    }

    /**
     * The same with other thresholds.
     *
     * @param newThresholds thresholds
     * @return the config
     */
    public PolicyConfig withThresholds(final ThresholdConfig newThresholds) {
        return new PolicyConfig(damping, adaptation, newThresholds, waitToRestoreMillis);
    }

    /**
     * The same with another wait-to-restore.
     *
     * @param millis WTR
     * @return the config
     */
    public PolicyConfig withWaitToRestore(final long millis) {
        return new PolicyConfig(damping, adaptation, thresholds, millis);
    }
}
