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

import com.google.common.net.InetAddresses;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.config.KeyChainParser.Algorithm;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.NonzeroDiscriminator;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.echo.parms.EchoBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * odl-bfd-ext leaves, interface-level authentication, Auth Type derivation and the engine record.
 */
class ConfigMapperExtTest {
    private static final ConfigMapper.ChainAlgorithms CHAINS = chain -> switch (chain) {
        case "md5" -> Algorithm.MD5;
        case "sha" -> Algorithm.SHA1;
        case "text" -> Algorithm.CLEARTEXT;
        default -> null;
    };

    private static SessionBuilder session() {
        return new SessionBuilder().setInterface("eth0").setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2"));
    }

    @Test
    void extLeavesReachTheEngine() {
        final var config = ConfigMapper.singleHop("p", session()
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(50_000))
                .setRequiredMinRxInterval(Uint32.valueOf(60_000)).build())
            .addAugmentation(new Session1Builder().setSessionName("core-1").setDescription("to core")
                .setStaticLocalDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(0xFFFF_FFF0L)))
                .setStaticRemoteDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(7)))
                .setPassive(true)
                .setEcho(new EchoBuilder().setEnabled(true).setDesiredMinEchoTxInterval(Uint32.valueOf(20_000))
                    .build())
                .build())
            .build());
        assertEquals("core-1", config.name());
        assertEquals("to core", config.description());
        final var engine = config.toEngine();
        assertEquals("core-1", engine.name());
        assertEquals(config.key(), engine.key());
        assertEquals(50_000, engine.desiredMinTxUs());
        assertEquals(60_000, engine.requiredMinRxUs());
        assertEquals(3, engine.detectMult());
        // unsigned 32-bit discriminators keep their bits in the engine's int
        assertEquals(0xFFFF_FFF0, engine.staticLocalDiscr());
        assertEquals(7, engine.staticRemoteDiscr());
        assertTrue(engine.passive());
        assertEquals(20_000, engine.echoTxUs());
        assertEquals(ConfigMapper.DEFAULT_ECHO_US, engine.echoRxUs());
        assertNull(engine.authType());
        assertEquals("", engine.keyChain());
    }

    @Test
    void echoOffByDefaultAndRxOnlyWhenAsked() {
        final var plain = ConfigMapper.singleHop("p", session().build()).toEngine();
        assertEquals(0, plain.echoTxUs());
        assertEquals(0, plain.echoRxUs());
        assertFalse(plain.passive());
        final var loopOnly = ConfigMapper.singleHop("p", session().addAugmentation(new Session1Builder()
            .setEcho(new EchoBuilder().setEnabled(false).setRequiredMinEchoRxInterval(Uint32.valueOf(30_000))
                .build()).build()).build()).toEngine();
        assertEquals(0, loopOnly.echoTxUs());
        assertEquals(30_000, loopOnly.echoRxUs());
    }

    @Test
    void defaultNames() {
        assertEquals("sh:eth0:192.0.2.2", ConfigMapper.singleHop("p", session().build()).toEngine().name());
        final var mh = ConfigMapper.multiHop("p", new SessionGroupBuilder()
            .setSourceAddr(IetfInetUtil.ipAddressFor("198.51.100.1"))
            .setDestAddr(IetfInetUtil.ipAddressFor("198.51.100.2")).setRxTtl(new Hops(Uint8.valueOf(250)))
            .addAugmentation(new SessionGroup1Builder().setStaticLocalDiscriminator(
                new NonzeroDiscriminator(Uint32.valueOf(42))).build())
            .build()).toEngine();
        assertEquals("mh:198.51.100.1->198.51.100.2", mh.name());
        assertEquals(250, mh.rxTtlFloor());
        assertEquals(42, mh.staticLocalDiscr());
        assertEquals(InetAddresses.forString("198.51.100.1"), mh.localAddress());
        assertEquals(0, mh.echoTxUs());
    }

    @Test
    void authTypeFollowsAlgorithmAndMeticulous() {
        assertEquals(AuthType.KEYED_MD5, ConfigMapper.authType(Algorithm.MD5, false));
        assertEquals(AuthType.METICULOUS_KEYED_MD5, ConfigMapper.authType(Algorithm.MD5, true));
        assertEquals(AuthType.KEYED_SHA1, ConfigMapper.authType(Algorithm.SHA1, false));
        assertEquals(AuthType.METICULOUS_KEYED_SHA1, ConfigMapper.authType(Algorithm.SHA1, true));
        assertEquals(AuthType.SIMPLE_PASSWORD, ConfigMapper.authType(Algorithm.CLEARTEXT, true));
    }

    @Test
    void interfaceAuthenticationAppliesUnlessTheSessionHasItsOwn() {
        final var ifAuth = new AuthenticationBuilder().setKeyChain("md5").build();
        final var inherited = ConfigMapper.singleHop("p", session().build(), ifAuth, CHAINS).toEngine();
        assertEquals(AuthType.KEYED_MD5, inherited.authType());
        assertEquals("md5", inherited.keyChain());
        final var own = ConfigMapper.singleHop("p", session().setAuthentication(new AuthenticationBuilder()
            .setKeyChain("text").build()).build(), ifAuth, CHAINS).toEngine();
        assertEquals(AuthType.SIMPLE_PASSWORD, own.authType());
        assertEquals("text", own.keyChain());
    }

    @Test
    void sessionWithUnusableKeyChainIsNotMapped() {
        final var session = session().setAuthentication(new AuthenticationBuilder().setKeyChain("nope").build())
            .build();
        final var ex = assertThrows(IllegalArgumentException.class,
            () -> ConfigMapper.singleHop("p", session, null, CHAINS));
        assertTrue(ex.getMessage().contains("key-chain nope"), ex.getMessage());
    }

    @Test
    void multihopAuthentication() {
        final var mh = ConfigMapper.multiHop("p", new SessionGroupBuilder()
            .setSourceAddr(IetfInetUtil.ipAddressFor("198.51.100.1"))
            .setDestAddr(IetfInetUtil.ipAddressFor("198.51.100.2")).setRxTtl(new Hops(Uint8.valueOf(250)))
            .setAuthentication(new AuthenticationBuilder().setKeyChain("sha").setMeticulous(true).build())
            .build(), CHAINS);
        assertEquals(AuthType.METICULOUS_KEYED_SHA1, mh.toEngine().authType());
    }
}
