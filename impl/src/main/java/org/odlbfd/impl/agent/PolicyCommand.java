/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.util.Set;
import org.odlbfd.impl.policy.AdaptationConfig;
import org.odlbfd.impl.policy.DampingConfig;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.policy.ThresholdConfig;

/**
 * The agent's {@code policy} command (the stability policies of odl-bfd-ext, issue 13), and its
 * {@code POLICY} reply:
 * <pre>
 *   policy NAME [damping=on|off] [half-life=MS] [suppress=N] [reuse=N] [increment=N] [max-suppress=MS]
 *               [adaptation=on|off] [flaps=N] [window=MS] [steps=N] [stable=MS]
 *               [detect-threshold=US] [tx-threshold=US] [wtr=MS]
 *   policy-show NAME
 * </pre>
 * Leaves not given keep their value; times in milliseconds, as the fake-clock tests use them.
 */
final class PolicyCommand {
    private static final Set<String> WORDS = Set.of("damping", "half-life", "suppress", "reuse", "increment",
        "max-suppress", "adaptation", "flaps", "window", "steps", "stable", "detect-threshold", "tx-threshold",
        "wtr");

    private PolicyCommand() {
        // static only
    }

    static PolicyConfig parse(final String[] words, final PolicyConfig old) {
        final CommandParser given = new CommandParser(words, 2, WORDS);
        final DampingConfig d = old.damping();
        final AdaptationConfig a = old.adaptation();
        final DampingConfig damping = new DampingConfig(given.onOff("damping", d.enabled()),
            given.number("half-life", d.halfLifeMillis()), given.number("suppress", d.suppress()),
            given.number("reuse", d.reuse()), given.number("increment", d.increment()),
            given.number("max-suppress", d.maxSuppressMillis()));
        final AdaptationConfig adaptation = new AdaptationConfig(given.onOff("adaptation", a.enabled()),
            (int) given.number("flaps", a.flapCount()), given.number("window", a.windowMillis()),
            (int) given.number("steps", a.maxSteps()), given.number("stable", a.stableMillis()));
        return new PolicyConfig(damping, adaptation, new ThresholdConfig(given.number("detect-threshold",
            old.thresholds().detectionTimeUs()), given.number("tx-threshold", old.thresholds().transmitIntervalUs())),
            given.number("wtr", old.waitToRestoreMillis()));
    }

    static String show(final String name, final PolicySnapshot policy) {
        return "POLICY name=" + name + " client=" + policy.clientState() + " damped=" + policy.damped()
            + " penalty=" + policy.penalty() + " flaps=" + policy.flaps() + " since_ms=" + policy.dampedSinceMillis()
            + " until_ms=" + policy.dampedUntilMillis() + " txbackoff=" + policy.txBackoff() + " rxbackoff="
            + policy.rxBackoff() + " recent=" + policy.recentFlaps() + " wtr_until_ms="
            + policy.waitToRestoreUntilMillis() + " reason=" + (policy.notUpReason() == null ? "-"
                : policy.notUpReason().replace(' ', '_'));
    }
}
