/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.Map;
import org.odlbfd.api.SessionParams;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ProfileParms;

/**
 * The stability policies' figures, as each session gets them (its own leaves, then its profile's,
 * then the defaults) and as each profile gives them: RFC 2439's damping constraints (reuse below
 * suppress, a ceiling above suppress), and Juniper's thresholds, which must lie above what the
 * configuration already gives ("the threshold must be a higher value than the multiplier" x the
 * receive interval; the transmit threshold "must be greater than the minimum transmit interval").
 */
final class PolicyRules implements ConfigRule {
    @Override
    public void check(final ConfigView config, final Violations violations) {
        final Map<String, Profiles> instances = ProfileRules.byProtocol(config);
        for (var instance : instances.entrySet()) {
            for (var profile : instance.getValue().all().values()) {
                final var problem = PolicyResolver.damping(null, profile).problem();
                if (problem != null) {
                    violations.add("profile " + profile.requireName() + " (protocol " + instance.getKey() + ")",
                        problem);
                }
            }
        }
        for (var session : config.sessions()) {
            final ProfileParms profile;
            try {
                profile = instances.getOrDefault(session.protocol(), Profiles.NONE)
                    .forSession(ProfileRules.profileOf(session));
            } catch (IllegalArgumentException e) {
                // a missing profile is ProfileRules' to report
                continue;
            }
            final var damping = PolicyResolver.damping(session.ext(), profile);
            final var problem = damping.problem();
            // a profile's own figures are reported once, at the profile
            if (problem != null && (profile == null || !problem.equals(PolicyResolver.damping(null, profile)
                    .problem()))) {
                violations.add(session.where(), problem);
            }
            thresholds(session, profile, violations);
        }
    }

    private static void thresholds(final ConfiguredSession session, final ProfileParms profile,
            final Violations violations) {
        final var thresholds = PolicyResolver.thresholds(session.ext(), profile);
        if (thresholds.detectionTimeUs() == 0 && thresholds.transmitIntervalUs() == 0) {
            return;
        }
        final SessionParams params;
        try {
            params = ConfigMapper.params(session.common(), profile);
        } catch (IllegalArgumentException e) {
            // a zero transmit interval is TimerRules' to report
            return;
        }
        final long detection = params.detectMultiplier() * params.requiredMinRxUs();
        if (thresholds.detectionTimeUs() != 0 && params.requiredMinRxUs() != 0
                && thresholds.detectionTimeUs() <= detection) {
            violations.add(session.where(), "thresholds detection-time " + thresholds.detectionTimeUs()
                + " us must be above local-multiplier x required-min-rx-interval = " + detection
                + " us, the Detection Time the configuration asks for");
        }
        if (thresholds.transmitIntervalUs() != 0 && thresholds.transmitIntervalUs() <= params.desiredMinTxUs()) {
            violations.add(session.where(), "thresholds transmit-interval " + thresholds.transmitIntervalUs()
                + " us must be above desired-min-tx-interval " + params.desiredMinTxUs() + " us");
        }
    }
}
