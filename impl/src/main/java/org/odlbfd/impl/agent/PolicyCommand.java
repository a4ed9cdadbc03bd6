/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.util.HashMap;
import java.util.Map;
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
        final Map<String, String> values = new HashMap<>();
        for (int i = 2; i < words.length; i++) {
            final int eq = words[i].indexOf('=');
            final String key = eq < 0 ? words[i] : words[i].substring(0, eq);
            if (eq < 0 || !WORDS.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + words[i] + "'");
            }
            values.put(key, words[i].substring(eq + 1));
        }
        final DampingConfig d = old.damping();
        final AdaptationConfig a = old.adaptation();
        final DampingConfig damping = new DampingConfig(onOff(values, "damping", d.enabled()),
            num(values, "half-life", d.halfLifeMillis()), num(values, "suppress", d.suppress()),
            num(values, "reuse", d.reuse()), num(values, "increment", d.increment()),
            num(values, "max-suppress", d.maxSuppressMillis()));
        final AdaptationConfig adaptation = new AdaptationConfig(onOff(values, "adaptation", a.enabled()),
            (int) num(values, "flaps", a.flapCount()), num(values, "window", a.windowMillis()),
            (int) num(values, "steps", a.maxSteps()), num(values, "stable", a.stableMillis()));
        return new PolicyConfig(damping, adaptation, new ThresholdConfig(num(values, "detect-threshold",
            old.thresholds().detectionTimeUs()), num(values, "tx-threshold", old.thresholds().transmitIntervalUs())),
            num(values, "wtr", old.waitToRestoreMillis()));
    }

    static String show(final String name, final PolicySnapshot policy) {
        return "POLICY name=" + name + " client=" + policy.clientState() + " damped=" + policy.damped()
            + " penalty=" + policy.penalty() + " flaps=" + policy.flaps() + " since_ms=" + policy.dampedSinceMillis()
            + " until_ms=" + policy.dampedUntilMillis() + " txbackoff=" + policy.txBackoff() + " rxbackoff="
            + policy.rxBackoff() + " recent=" + policy.recentFlaps() + " wtr_until_ms="
            + policy.waitToRestoreUntilMillis() + " reason=" + (policy.notUpReason() == null ? "-"
                : policy.notUpReason().replace(' ', '_'));
    }

    private static long num(final Map<String, String> values, final String key, final long fallback) {
        final String value = values.get(key);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number " + key + "=" + value, e);
        }
    }

    private static boolean onOff(final Map<String, String> values, final String key, final boolean fallback) {
        final String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + ": on or off");
        };
    }
}
