/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.config.BfdConfigs.protocol;
import static org.odlbfd.impl.config.BfdConfigs.protocols;
import static org.odlbfd.impl.config.BfdConfigs.sh;
import static org.odlbfd.impl.config.ProfileConfigs.damping;
import static org.odlbfd.impl.config.ProfileConfigs.profile;
import static org.odlbfd.impl.config.ProfileConfigs.withProfiles;

import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.adaptation.parms.ThresholdsBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.Profile;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The cohort's profile and policy rules, one test each: the message names the session or profile,
 * the field and the rule; a valid configuration passes.
 */
class ProfileRulesTest {
    private static final Profile GOLD = profile("gold").setDesiredMinTxInterval(Uint32.valueOf(100_000)).build();

    private static List<String> validate(final @Nullable String dflt, final List<Session> sessions,
            final Profile... profiles) {
        return ConfigValidator.validate(protocols(withProfiles(protocol("bfd", sessions, List.of(), List.of()), dflt,
            profiles)), Map.of());
    }

    private static Session session(final Session1Builder ext) {
        return sh("eth0", "192.0.2.2").addAugmentation(ext.build()).build();
    }

    private static void assertOne(final List<String> errors, final String... fragments) {
        assertEquals(1, errors.size(), errors.toString());
        for (var fragment : fragments) {
            assertTrue(errors.get(0).contains(fragment), () -> "'" + fragment + "' not in " + errors);
        }
    }

    @Test
    void validProfilesPass() {
        assertEquals(List.of(), validate("gold", List.of(session(new Session1Builder().setProfile("gold")),
            sh("eth1", "192.0.2.3").build()), GOLD, profile("silver").setDamping(damping(4, 2_000, 1_000, 30)
                .build()).build()));
    }

    @Test
    void aSessionNamingAMissingProfile() {
        assertOne(validate(null, List.of(session(new Session1Builder().setProfile("platinum"))), GOLD),
            "ip-sh session interface=eth0 dest-addr=192.0.2.2 (protocol bfd)", "profile platinum does not exist",
            "odl-bfd-ext profiles/profile");
    }

    @Test
    void aMissingDefaultProfile() {
        assertOne(validate("bronze", List.of(), GOLD), "bfd default-profile (protocol bfd)",
            "default-profile bronze does not exist");
    }

    @Test
    void aProfileIntervalBelowTheFloor() {
        assertOne(validate(null, List.of(), profile("fast").setRequiredMinRxInterval(Uint32.valueOf(5_000)).build()),
            "profile fast (protocol bfd)", "required-min-rx-interval 5000 us is below this platform's floor");
    }

    @Test
    void aProfileWithAMissingKeyChain() {
        assertOne(validate(null, List.of(), profile("secure").setAuthentication(new AuthenticationBuilder()
            .setKeyChain("nowhere").build()).build()), "profile secure (protocol bfd)",
            "key-chain nowhere does not exist");
    }

    @Test
    void dampingReuseMustBeBelowSuppress() {
        assertOne(validate(null, List.of(), profile("bad").setDamping(damping(4, 1_000, 1_000, 30).build()).build()),
            "profile bad (protocol bfd)", "damping reuse 1000 must be below suppress 1000");
        // the session's own figures, against the profile's
        assertOne(validate(null, List.of(session(new Session1Builder().setProfile("good").setDamping(
            new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.damping.parms.DampingBuilder()
                .setReuse(Uint32.valueOf(5_000)).build()))), profile("good").setDamping(damping(4, 2_000, 1_000, 30)
                    .build()).build()),
            "ip-sh session interface=eth0", "damping reuse 5000 must be below suppress 2000");
    }

    @Test
    void dampingMaxSuppressTooShortForTheHalfLife() {
        assertOne(validate(null, List.of(), profile("never").setDamping(damping(30, 2_500, 1_000, 20).build())
            .build()), "profile never", "max-suppress-time 20 s is too short for half-life 30 s");
    }

    @Test
    void thresholdsMustLieAboveWhatIsConfigured() {
        final var tx = new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(300_000))
            .setRequiredMinRxInterval(Uint32.valueOf(300_000)).build();
        assertOne(validate(null, List.of(sh("eth0", "192.0.2.2").setIntervalConfigType(tx).addAugmentation(
            new Session1Builder().setThresholds(new ThresholdsBuilder().setDetectionTime(Uint32.valueOf(900_000))
                .build()).build()).build())),
            "thresholds detection-time 900000 us must be above local-multiplier x required-min-rx-interval = 900000");
        assertOne(validate(null, List.of(session(new Session1Builder().setProfile("gold").setThresholds(
            new ThresholdsBuilder().setTransmitInterval(Uint32.valueOf(100_000)).build()))), GOLD),
            "thresholds transmit-interval 100000 us must be above desired-min-tx-interval 100000 us");
    }
}
