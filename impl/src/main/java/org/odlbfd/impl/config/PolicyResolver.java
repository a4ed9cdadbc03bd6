/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.policy.AdaptationConfig;
import org.odlbfd.impl.policy.DampingConfig;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.ThresholdConfig;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.AdaptationParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.DampingParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.WaitToRestoreParms;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The stability policies a session gets (odl-bfd-ext {@code damping}, {@code no-adaptation},
 * {@code adaptation}, {@code thresholds}, {@code wait-to-restore}): each leaf from the session itself,
 * else from its profile, else the default given in the YANG description. One place for these
 * defaults, as {@link ConfigMapper} is for ietf-bfd's.
 */
public final class PolicyResolver {
    /**
     * The damping figures, before they are checked.
     *
     * @param enabled on
     * @param halfLifeS half-life, seconds
     * @param suppress suppress threshold
     * @param reuse reuse threshold
     * @param increment penalty per flap
     * @param maxSuppressS max-suppress-time, seconds
     */
    public record DampingFigures(boolean enabled, long halfLifeS, long suppress, long reuse, long increment,
            long maxSuppressS) {
        /**
         * What is wrong with them, if anything (RFC 2439 §4.2).
         *
         * @return the rule broken, or null
         */
        public @Nullable String problem() {
            if (reuse >= suppress) {
                return "damping reuse " + reuse + " must be below suppress " + suppress
                    + " (RFC 2439: a damped session is reused when its penalty decays below reuse)";
            }
            if (reuse * Math.pow(2, (double) maxSuppressS / halfLifeS) <= suppress) {
                return "damping max-suppress-time " + maxSuppressS + " s is too short for half-life " + halfLifeS
                    + " s: the penalty could never stay above suppress " + suppress + " (RFC 2439 section 4.2 ceiling"
                    + " reuse x 2^(max-suppress-time / half-life) must exceed suppress)";
            }
            return null;
        }

        DampingConfig toConfig() {
            return new DampingConfig(enabled, halfLifeS * 1000, suppress, reuse, increment, maxSuppressS * 1000);
        }
    }

    private PolicyResolver() {
        // static only
    }

    /**
     * The policies of a session.
     *
     * @param own the session's own leaves (its odl-bfd-ext augmentation), or null
     * @param profile its profile, or null
     * @return the policies, every default applied
     * @throws IllegalArgumentException when the damping figures break a rule (the cohort refuses them)
     */
    public static PolicyConfig policy(final @Nullable Object own, final @Nullable Object profile) {
        final DampingFigures damping = damping(own, profile);
        final String problem = damping.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new PolicyConfig(damping.toConfig(), adaptation(own, profile), thresholds(own, profile),
            wait(own, profile));
    }

    /**
     * The damping figures of a session.
     *
     * @param own the session's leaves, or null
     * @param profile its profile, or null
     * @return the figures
     */
    public static DampingFigures damping(final @Nullable Object own, final @Nullable Object profile) {
        final var mine = own instanceof DampingParms d ? d.getDamping() : null;
        final var theirs = profile instanceof DampingParms d ? d.getDamping() : null;
        return new DampingFigures(
            first(mine == null ? null : mine.getEnabled(), theirs == null ? null : theirs.getEnabled(), false),
            num(mine == null ? null : mine.getHalfLife(), theirs == null ? null : theirs.getHalfLife(),
                DampingConfig.DEFAULT_HALF_LIFE_S),
            num(mine == null ? null : mine.getSuppress(), theirs == null ? null : theirs.getSuppress(),
                DampingConfig.DEFAULT_SUPPRESS),
            num(mine == null ? null : mine.getReuse(), theirs == null ? null : theirs.getReuse(),
                DampingConfig.DEFAULT_REUSE),
            num(mine == null ? null : mine.getIncrement(), theirs == null ? null : theirs.getIncrement(),
                DampingConfig.DEFAULT_INCREMENT),
            num(mine == null ? null : mine.getMaxSuppressTime(), theirs == null ? null : theirs.getMaxSuppressTime(),
                DampingConfig.DEFAULT_MAX_SUPPRESS_S));
    }

    private static AdaptationConfig adaptation(final @Nullable Object own, final @Nullable Object profile) {
        final var mineP = own instanceof AdaptationParms a ? a : null;
        final var theirsP = profile instanceof AdaptationParms a ? a : null;
        final boolean off = first(mineP == null ? null : mineP.getNoAdaptation(),
            theirsP == null ? null : theirsP.getNoAdaptation(), false);
        final var mine = mineP == null ? null : mineP.getAdaptation();
        final var theirs = theirsP == null ? null : theirsP.getAdaptation();
        return new AdaptationConfig(!off,
            (int) num(mine == null ? null : mine.getFlapCount(), theirs == null ? null : theirs.getFlapCount(),
                AdaptationConfig.DEFAULT_FLAP_COUNT),
            1000 * num(mine == null ? null : mine.getFlapWindow(), theirs == null ? null : theirs.getFlapWindow(),
                AdaptationConfig.DEFAULT_WINDOW_S),
            (int) num(mine == null ? null : mine.getMaxSteps(), theirs == null ? null : theirs.getMaxSteps(),
                AdaptationConfig.DEFAULT_MAX_STEPS),
            1000 * num(mine == null ? null : mine.getStablePeriod(), theirs == null ? null : theirs.getStablePeriod(),
                AdaptationConfig.DEFAULT_STABLE_S));
    }

    /**
     * The thresholds of a session.
     *
     * @param own the session's leaves, or null
     * @param profile its profile, or null
     * @return the thresholds (0: none)
     */
    public static ThresholdConfig thresholds(final @Nullable Object own, final @Nullable Object profile) {
        final var mine = own instanceof AdaptationParms a ? a.getThresholds() : null;
        final var theirs = profile instanceof AdaptationParms a ? a.getThresholds() : null;
        return new ThresholdConfig(
            num(mine == null ? null : mine.getDetectionTime(), theirs == null ? null : theirs.getDetectionTime(), 0),
            num(mine == null ? null : mine.getTransmitInterval(), theirs == null ? null : theirs.getTransmitInterval(),
                0));
    }

    private static long wait(final @Nullable Object own, final @Nullable Object profile) {
        return num(own instanceof WaitToRestoreParms w ? w.getWaitToRestore() : null,
            profile instanceof WaitToRestoreParms w ? w.getWaitToRestore() : null, 0);
    }

    private static boolean first(final @Nullable Boolean mine, final @Nullable Boolean theirs, final boolean dflt) {
        return mine != null ? mine : theirs != null ? theirs : dflt;
    }

    private static long num(final @Nullable Object mine, final @Nullable Object theirs, final long dflt) {
        final Object value = mine != null ? mine : theirs;
        return switch (value) {
            case null -> dflt;
            case Uint8 u -> u.toJava();
            case Uint16 u -> u.toJava();
            case Uint32 u -> u.toJava();
            default -> throw new IllegalStateException("unexpected " + value.getClass());
        };
    }
}
