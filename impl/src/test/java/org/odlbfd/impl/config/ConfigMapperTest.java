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
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.KeyChainParser.Algorithm;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleIntervalBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

class ConfigMapperTest {
    @Test
    void singleHopDefaultsAreApplied() {
        final var config = ConfigMapper.singleHop("p", new SessionBuilder().setInterface("eth0")
            .setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2")).build());
        assertEquals(new SingleHopKey("eth0", InetAddresses.forString("192.0.2.2")), config.key());
        assertEquals(3, config.params().detectMultiplier());
        assertEquals(1_000_000, config.params().desiredMinTxUs());
        assertEquals(1_000_000, config.params().requiredMinRxUs());
        assertFalse(config.demand());
        assertFalse(config.adminDown());
        assertNull(config.keyChain());
        assertNull(config.source());
        assertEquals(255, config.txTtl());
        assertEquals(255, config.rxTtl());
    }

    @Test
    void singleHopExplicitValuesWin() {
        final var config = ConfigMapper.singleHop("p", new SessionBuilder().setInterface("eth0")
            .setDestAddr(IetfInetUtil.ipAddressFor("2001:db8::2"))
            .setSourceAddr(IetfInetUtil.ipAddressFor("2001:db8::1"))
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(5)))
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(50_000))
                .setRequiredMinRxInterval(Uint32.valueOf(70_000)).build())
            .setDemandEnabled(true).setAdminDown(true)
            .setAuthentication(new AuthenticationBuilder().setKeyChain("kc").setMeticulous(true).build())
            .build(), null, chain -> "kc".equals(chain) ? Algorithm.SHA1 : null);
        assertEquals(5, config.params().detectMultiplier());
        assertEquals(50_000, config.params().desiredMinTxUs());
        assertEquals(70_000, config.params().requiredMinRxUs());
        assertTrue(config.demand());
        assertTrue(config.adminDown());
        assertEquals("kc", config.keyChain());
        assertTrue(config.meticulous());
        assertEquals(AuthType.METICULOUS_KEYED_SHA1, config.authType());
        assertEquals(InetAddresses.forString("2001:db8::1"), config.source());
    }

    @Test
    void multiHopSingleIntervalAndTtls() {
        final var config = ConfigMapper.multiHop("p", new SessionGroupBuilder()
            .setSourceAddr(IetfInetUtil.ipAddressFor("198.51.100.1"))
            .setDestAddr(IetfInetUtil.ipAddressFor("198.51.100.2"))
            .setIntervalConfigType(new SingleIntervalBuilder().setMinInterval(Uint32.valueOf(300_000)).build())
            .setRxTtl(new Hops(Uint8.valueOf(250))).build());
        assertEquals(new MultiHopKey(InetAddresses.forString("198.51.100.1"),
            InetAddresses.forString("198.51.100.2")), config.key());
        assertEquals(300_000, config.params().desiredMinTxUs());
        assertEquals(300_000, config.params().requiredMinRxUs());
        assertEquals(255, config.txTtl());
        assertEquals(250, config.rxTtl());
    }

    @Test
    void mixedFamiliesAreRejected() {
        final var session = new SessionBuilder().setInterface("eth0")
            .setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2"))
            .setSourceAddr(IetfInetUtil.ipAddressFor("2001:db8::1")).build();
        final var ex = assertThrows(IllegalArgumentException.class, () -> ConfigMapper.singleHop("p", session));
        assertTrue(ex.getMessage().contains("same address family"), ex.getMessage());
    }
}
