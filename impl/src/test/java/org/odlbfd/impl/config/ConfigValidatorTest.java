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
import static org.odlbfd.impl.config.BfdConfigs.chains;
import static org.odlbfd.impl.config.BfdConfigs.groups;
import static org.odlbfd.impl.config.BfdConfigs.key;
import static org.odlbfd.impl.config.BfdConfigs.mh;
import static org.odlbfd.impl.config.BfdConfigs.protocol;
import static org.odlbfd.impl.config.BfdConfigs.protocols;
import static org.odlbfd.impl.config.BfdConfigs.sessions;
import static org.odlbfd.impl.config.BfdConfigs.sh;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odlbfd.impl.config.KeyChainParser.Chain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.InterfacesBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleIntervalBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Cleartext$I;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.HmacSha256;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Sha1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.NonzeroDiscriminator;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.echo.parms.EchoBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * One test per validation rule: each builds an otherwise valid configuration, breaks one rule and
 * checks that exactly one message names the field and the rule.
 */
class ConfigValidatorTest {
    private static final Map<String, Chain> NO_CHAINS = Map.of();

    private static List<String> validate(final ControlPlaneProtocols protocols) {
        return ConfigValidator.validate(protocols, NO_CHAINS);
    }

    private static List<String> validate(final ControlPlaneProtocols protocols, final KeyChains chains) {
        return ConfigValidator.validate(protocols, KeyChainParser.parse(chains));
    }

    private static void assertOne(final List<String> errors, final String... fragments) {
        assertEquals(1, errors.size(), errors.toString());
        for (var fragment : fragments) {
            assertTrue(errors.get(0).contains(fragment), () -> "'" + fragment + "' not in " + errors);
        }
    }

    private static TxRxIntervalsBuilder txRx(final long tx, final long rx) {
        return new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(tx))
            .setRequiredMinRxInterval(Uint32.valueOf(rx));
    }

    private static Authentication auth(final String chain) {
        return new AuthenticationBuilder().setKeyChain(chain).build();
    }

    @Test
    void validConfigurationPasses() {
        assertEquals(List.of(), validate(protocols(protocol("bfd",
            List.of(sh("eth0", "192.0.2.2").setIntervalConfigType(txRx(10_000, 0).build())
                .setSourceAddr(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715
                    .IetfInetUtil.ipAddressFor("192.0.2.1"))
                .setAuthentication(auth("kc")).build(), sh("eth1", "2001:db8::2").build()),
            List.of(mh("198.51.100.1", "198.51.100.2").build()), List.of())),
            chains("kc", key(1, Sha1.VALUE, "secret").build(), key(255, Sha1.VALUE, "other").build())));
        assertEquals(List.of(), ConfigValidator.validate(null, NO_CHAINS));
    }

    @Test
    void zeroTransmitIntervalIsRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setIntervalConfigType(txRx(0, 50_000).build())
            .build())), "interface=eth0", "desired-min-tx-interval must not be 0", "6.8.1");
    }

    @Test
    void zeroSingleIntervalIsRejected() {
        assertOne(validate(groups(mh("198.51.100.1", "198.51.100.2").setIntervalConfigType(
            new SingleIntervalBuilder().setMinInterval(Uint32.ZERO).build()).build())),
            "ip-mh session-group", "min-interval must not be 0");
    }

    @Test
    void intervalsBelowThePlatformFloorAreRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setIntervalConfigType(txRx(9_999, 50_000).build())
            .build())), "desired-min-tx-interval 9999 us", "floor of 10000 us");
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setIntervalConfigType(txRx(50_000, 3_300).build())
            .build())), "required-min-rx-interval 3300 us");
        assertOne(validate(groups(mh("198.51.100.1", "198.51.100.2").setIntervalConfigType(
            new SingleIntervalBuilder().setMinInterval(Uint32.valueOf(5_000)).build()).build())),
            "min-interval 5000 us");
        // 0 is RFC 5880's "send me nothing" for the receive interval, not a short interval
        assertEquals(List.of(), validate(sessions(sh("eth0", "192.0.2.2")
            .setIntervalConfigType(txRx(10_000, 0).build()).build())));
    }

    @Test
    void echoIntervalsBelowTheFloorAreRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").addAugmentation(new Session1Builder().setEcho(
            new EchoBuilder().setEnabled(true).setDesiredMinEchoTxInterval(Uint32.valueOf(1_000)).build())
            .build()).build())), "desired-min-echo-tx-interval 1000 us");
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").addAugmentation(new Session1Builder().setEcho(
            new EchoBuilder().setRequiredMinEchoRxInterval(Uint32.valueOf(9_000)).build()).build()).build())),
            "required-min-echo-rx-interval 9000 us");
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").addAugmentation(new Session1Builder().setEcho(
            new EchoBuilder().setEnabled(true).setDesiredMinEchoTxInterval(Uint32.ZERO).build()).build()).build())),
            "must not be 0 while echo is enabled");
    }

    @Test
    void mixedAddressFamiliesAreRejected() {
        assertOne(validate(groups(mh("198.51.100.1", "2001:db8::2").build())), "same address family");
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setSourceAddr(
            org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil
                .ipAddressFor("2001:db8::1")).build())), "source-addr 2001:db8:0:0:0:0:0:1", "same address family");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0.0.0.0", "::" })
    void unspecifiedDestinationIsRejected(final String dest) {
        assertOne(validate(sessions(sh("eth0", dest).build())), "dest-addr", "unspecified address");
    }

    @Test
    void multicastDestinationIsRejected() {
        assertOne(validate(sessions(sh("eth0", "224.0.0.5").build())), "dest-addr 224.0.0.5", "multicast");
    }

    @Test
    void sourceEqualToDestinationIsRejected() {
        assertOne(validate(groups(mh("198.51.100.1", "198.51.100.1").build())), "must differ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "169.254.1.1", "fe80::1" })
    void linkLocalMultihopIsRejected(final String dest) {
        final var source = dest.contains(":") ? "2001:db8::1" : "198.51.100.1";
        assertOne(validate(groups(mh(source, dest).build())), "dest-addr", "link-local", "use ip-sh");
    }

    @Test
    void linkLocalSingleHopIsFine() {
        assertEquals(List.of(), validate(sessions(sh("eth0", "fe80::2").build())));
    }

    @Test
    void missingKeyChainIsRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setAuthentication(auth("nope")).build())),
            "authentication key-chain nope does not exist");
    }

    @Test
    void missingKeyChainOnAnInterfaceIsRejected() {
        assertOne(validate(protocols(protocol("bfd", List.of(), List.of(), List.of(new InterfacesBuilder()
            .setInterface("eth0").setAuthentication(auth("gone")).build())))), "ip-sh interfaces eth0",
            "key-chain gone does not exist");
    }

    @Test
    void keyIdBeyondEightBitsIsRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setAuthentication(auth("kc")).build()),
            chains("kc", key(256, Md5.VALUE, "secret").build())), "key 256", "8-bit Auth Key ID");
    }

    @Test
    void unsupportedAlgorithmIsRejected() {
        assertOne(validate(groups(mh("198.51.100.1", "198.51.100.2").setAuthentication(auth("kc")).build()),
            chains("kc", key(1, HmacSha256.VALUE, "secret").build())), "crypto-algorithm hmac-sha-256",
            "not usable by BFD");
    }

    @Test
    void cleartextIsAccepted() {
        assertEquals(List.of(), validate(sessions(sh("eth0", "192.0.2.2").setAuthentication(auth("kc")).build()),
            chains("kc", key(1, Cleartext$I.VALUE, "password").build())));
    }

    @Test
    void mixedAlgorithmsInOneChainAreRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setAuthentication(auth("kc")).build()),
            chains("kc", key(1, Md5.VALUE, "a").build(), key(2, Sha1.VALUE, "b").build())),
            "key 2", "differs from the chain's other keys");
    }

    @Test
    void oversizedOrEmptySecretIsRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setAuthentication(auth("kc")).build()),
            chains("kc", key(1, Md5.VALUE, "x".repeat(17)).build())), "17 bytes", "at most 16");
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setAuthentication(auth("kc")).build()),
            chains("kc", key(1, Sha1.VALUE, "x").setKeyString(null).build())), "has no key-string");
    }

    @Test
    void emptyChainIsRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").setAuthentication(auth("kc")).build()),
            chains("kc")), "key-chain kc has no key");
    }

    @Test
    void unusedChainsAreNotJudged() {
        // other protocols may use 16-bit key ids or HMAC-SHA-256; only chains BFD uses are checked
        assertEquals(List.of(), validate(sessions(sh("eth0", "192.0.2.2").build()),
            chains("ospf", key(70_000, HmacSha256.VALUE, "s").build())));
    }

    @Test
    void collidingStaticLocalDiscriminatorsAreRejected() {
        final var discr = new NonzeroDiscriminator(Uint32.valueOf(1234));
        assertOne(validate(protocols(
            protocol("a", List.of(sh("eth0", "192.0.2.2").addAugmentation(new Session1Builder()
                .setStaticLocalDiscriminator(discr).build()).build()), List.of(), List.of()),
            protocol("b", List.of(), List.of(mh("198.51.100.1", "198.51.100.2").addAugmentation(
                new SessionGroup1Builder().setStaticLocalDiscriminator(discr).build()).build()), List.of()))),
            "static-local-discriminator 1234 is already used by ip-sh session interface=eth0", "(protocol a)");
    }

    @Test
    void remoteDiscriminatorAloneIsRejected() {
        assertOne(validate(sessions(sh("eth0", "192.0.2.2").addAugmentation(new Session1Builder()
            .setStaticRemoteDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(5))).build()).build())),
            "static-remote-discriminator needs static-local-discriminator");
    }

    @Test
    void duplicateSessionNamesAreRejected() {
        assertOne(validate(sessions(
            sh("eth0", "192.0.2.2").addAugmentation(new Session1Builder().setSessionName("core").build()).build(),
            sh("eth1", "192.0.2.3").addAugmentation(new Session1Builder().setSessionName("core").build()).build())),
            "session-name core is already used");
    }

    @Test
    void sameSessionInTwoInstancesIsRejected() {
        assertOne(validate(protocols(
            protocol("a", List.of(sh("eth0", "192.0.2.2").build()), List.of(), List.of()),
            protocol("b", List.of(sh("eth0", "192.0.2.2").build()), List.of(), List.of()))),
            "(protocol b)", "already configured as", "(protocol a)");
    }

    @Test
    void everyBrokenRuleIsReported() {
        final List<String> errors = validate(groups(mh("198.51.100.1", "169.254.0.9")
            .setIntervalConfigType(txRx(0, 1).build()).setAuthentication(auth("none")).build()));
        assertEquals(4, errors.size(), errors.toString());
    }
}
