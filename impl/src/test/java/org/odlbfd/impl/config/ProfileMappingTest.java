/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.config.BfdConfigs.mh;
import static org.odlbfd.impl.config.BfdConfigs.protocol;
import static org.odlbfd.impl.config.BfdConfigs.sh;
import static org.odlbfd.impl.config.ProfileConfigs.damping;
import static org.odlbfd.impl.config.ProfileConfigs.profile;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.SessionParams;
import org.odlbfd.impl.config.KeyChainParser.Algorithm;
import org.odlbfd.impl.policy.AdaptationConfig;
import org.odlbfd.impl.policy.DampingConfig;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.adaptation.parms.AdaptationBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.adaptation.parms.ThresholdsBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.echo.parms.EchoBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.Profile;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Profiles (FRR's {@code bfd profile}): a session takes every value it does not set from its
 * profile, or from its instance's default profile, then the YANG defaults; its own leaves win.
 */
class ProfileMappingTest {
    private static final ConfigMapper.ChainAlgorithms CHAINS = chain -> "gold-keys".equals(chain) ? Algorithm.SHA1
        : "own-keys".equals(chain) ? Algorithm.MD5 : null;

    private static final Profile GOLD = profile("gold").setLocalMultiplier(new Multiplier(Uint8.valueOf(5)))
        .setDesiredMinTxInterval(Uint32.valueOf(100_000)).setRequiredMinRxInterval(Uint32.valueOf(200_000))
        .setPassive(true).setEcho(new EchoBuilder().setEnabled(true).setDesiredMinEchoTxInterval(Uint32.valueOf(
            70_000)).build())
        .setAuthentication(new AuthenticationBuilder().setKeyChain("gold-keys").setMeticulous(true).build())
        .setDamping(damping(4, 2_000, 1_000, 30).build()).setNoAdaptation(true)
        .setThresholds(new ThresholdsBuilder().setDetectionTime(Uint32.valueOf(2_000_000)).build())
        .setWaitToRestore(Uint32.valueOf(5_000)).build();

    private static SessionConfig single(final Session1Builder ext, final Profile profile) {
        return ConfigMapper.singleHop("bfd", sh("eth0", "192.0.2.2").addAugmentation(ext.build()).build(), null,
            CHAINS, profile);
    }

    @Test
    void aSessionTakesWhatItDoesNotSetFromItsProfile() {
        final var config = single(new Session1Builder().setProfile("gold"), GOLD);
        assertEquals(new SessionParams(100_000, 200_000, 5), config.params());
        assertTrue(config.passive());
        assertEquals(70_000, config.echoTxUs());
        assertEquals(50_000, config.echoRxUs(), "echo rx from the default once echo is on");
        assertEquals("gold-keys", config.keyChain());
        assertEquals(AuthType.METICULOUS_KEYED_SHA1, config.authType());
        final var policy = config.policy();
        assertEquals(new DampingConfig(true, 4_000, 2_000, 1_000, DampingConfig.DEFAULT_INCREMENT, 30_000),
            policy.damping());
        assertFalse(policy.adaptation().enabled(), "no-adaptation");
        assertEquals(2_000_000, policy.thresholds().detectionTimeUs());
        assertEquals(5_000, policy.waitToRestoreMillis());
    }

    @Test
    void theSessionsOwnLeavesWin() {
        final var session = sh("eth0", "192.0.2.2")
            .setIntervalConfigType(new TxRxIntervalsBuilder().setRequiredMinRxInterval(Uint32.valueOf(300_000))
                .build())
            .setAuthentication(new AuthenticationBuilder().setKeyChain("own-keys").build())
            .addAugmentation(new Session1Builder().setProfile("gold").setPassive(false)
                .setEcho(new EchoBuilder().setEnabled(false).build())
                .setDamping(new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.damping.parms
                    .DampingBuilder().setSuppress(Uint32.valueOf(3_000)).build())
                .setNoAdaptation(false).setAdaptation(new AdaptationBuilder().setFlapCount(Uint8.valueOf(5)).build())
                .setWaitToRestore(Uint32.ZERO).build())
            .build();
        final var config = ConfigMapper.singleHop("bfd", session, null, CHAINS, GOLD);
        assertEquals(new SessionParams(100_000, 300_000, 5), config.params(), "tx and multiplier from the profile");
        assertFalse(config.passive());
        assertEquals(0, config.echoTxUs());
        assertEquals("own-keys", config.keyChain());
        assertEquals(AuthType.KEYED_MD5, config.authType());
        assertEquals(3_000, config.policy().damping().suppress());
        assertEquals(4_000, config.policy().damping().halfLifeMillis(), "the rest of damping from the profile");
        assertEquals(new AdaptationConfig(true, 5, 15_000, 3, 60_000), config.policy().adaptation());
        assertEquals(0, config.policy().waitToRestoreMillis());
    }

    @Test
    void withoutProfileTheDefaults() {
        final var config = ConfigMapper.singleHop("bfd", sh("eth0", "192.0.2.2").build(), null, CHAINS, null);
        assertEquals(SessionParams.DEFAULT, config.params());
        assertEquals(DampingConfig.OFF, config.policy().damping());
        assertEquals(AdaptationConfig.DEFAULT, config.policy().adaptation(), "Juniper adapts unless told not to");
        assertEquals(0, config.policy().thresholds().detectionTimeUs());
    }

    @Test
    void aMultihopGroupTakesNoEchoFromItsProfile() {
        final var config = ConfigMapper.multiHop("bfd", mh("198.51.100.1", "198.51.100.2")
            .addAugmentation(new SessionGroup1Builder().setProfile("gold").build()).build(), CHAINS, GOLD);
        assertEquals(0, config.echoTxUs(), "RFC 5883 section 3");
        assertEquals(0, config.echoRxUs());
        assertEquals(new SessionParams(100_000, 200_000, 5), config.params());
        assertTrue(config.policy().damping().enabled());
    }

    @Test
    void theDefaultProfileAndMissingProfiles() {
        final var instance = ProfileConfigs.withProfiles(protocol("bfd", List.of(), List.of(), List.of()), "gold",
            GOLD);
        final var profiles = Profiles.of(instance.augmentation(ControlPlaneProtocol1.class).getBfd());
        assertEquals(GOLD, profiles.forSession(null), "no profile of its own: the instance's default");
        assertEquals(GOLD, profiles.forSession("gold"));
        final var missing = assertThrows(IllegalArgumentException.class, () -> profiles.forSession("silver"));
        assertEquals("profile silver does not exist", missing.getMessage());
        assertNull(Profiles.NONE.forSession(null));
    }

    @Test
    void theTrackersTimersFromAProfileAlone() {
        assertEquals(new SessionParams(100_000, 200_000, 5), ConfigMapper.params(null, GOLD));
        assertEquals(SessionParams.DEFAULT, ConfigMapper.params(null, null));
        assertEquals(new SessionParams(1_000_000, 1_000_000, 3), ConfigMapper.params(null,
            profile("empty").setAdaptation(new AdaptationBuilder().setMaxSteps(Uint8.ONE).build())
                .setThresholds(new ThresholdsBuilder().setTransmitInterval(Uint32.ONE).build())
                .setDamping(damping(1, 2, 1, 1).setIncrement(Uint32.ONE).build()).build()));
        assertEquals(Uint16.valueOf(4), GOLD.getDamping().getHalfLife());
    }
}
