/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.southbound.SouthboundData.given;
import static org.odlbfd.impl.southbound.SouthboundData.link;
import static org.odlbfd.impl.southbound.SouthboundData.md5Chain;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.config.KeyChainParser;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Links;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.LinksBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.Link;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;

class LinkValidatorTest {
    private static Links links(final Link... links) {
        return new LinksBuilder().setLink(BindingMap.ordered(List.of(links))).build();
    }

    private static List<String> validate(final Link... links) {
        return LinkValidator.validate(links(links), Map.of("k1", KeyChainParser.parse(md5Chain("k1", "secret"))));
    }

    @Test
    void aGoodLinkPasses() {
        assertEquals(List.of(), validate(given(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2"), 1,
            2)));
    }

    @Test
    void addressesMustBeOneFamilyAndDiffer() {
        assertTrue(validate(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "2001:db8::2").build()).getFirst()
            .contains("must be of the same address family"));
        assertTrue(validate(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.1").build()).getFirst()
            .contains("must differ"));
        assertTrue(validate(link("l1", "r1", "eth0", "0.0.0.0", "r2", "eth0", "192.0.2.1").build()).getFirst()
            .contains("not a unicast address"));
    }

    @Test
    void theTwoEndsAreTwoInterfaces() {
        assertTrue(validate(link("l1", "r1", "eth0", "192.0.2.1", "r1", "eth0", "192.0.2.2").build()).getFirst()
            .contains("are the same interface eth0 of r1"));
    }

    @Test
    void zeroTransmitIntervalIsRefused() {
        final var errors = validate(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2")
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.ZERO).build()).build());
        assertTrue(errors.getFirst().contains("desired-min-tx-interval must not be 0"), errors.toString());
    }

    @Test
    void theKeyChainMustExist() {
        final var errors = validate(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2")
            .setAuthentication(new AuthenticationBuilder().setKeyChain("nope").build()).build());
        assertTrue(errors.getFirst().contains("key-chain nope does not exist"), errors.toString());
        assertEquals(List.of(), validate(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2")
            .setAuthentication(new AuthenticationBuilder().setKeyChain("k1").build()).build()));
    }

    @Test
    void twoLinksCannotShareASessionOrADiscriminatorOnOneDevice() {
        final var errors = validate(given(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2"), 1, 2),
            given(link("l2", "r1", "eth0", "192.0.2.1", "r3", "eth0", "192.0.2.2"), 1, 3));
        assertTrue(errors.stream().anyMatch(e -> e.contains("is already link l1's")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("end-a-discriminator 1 is already used on r1")),
            errors.toString());
        // the same discriminator on different devices is fine: each device is its own system
        assertEquals(List.of(), validate(given(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2"), 1,
            2), given(link("l2", "r3", "eth0", "192.0.2.5", "r4", "eth0", "192.0.2.6"), 1, 2)));
    }
}
