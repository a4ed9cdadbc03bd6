/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.southbound.SouthboundData.allocated;
import static org.odlbfd.impl.southbound.SouthboundData.given;
import static org.odlbfd.impl.southbound.SouthboundData.link;
import static org.odlbfd.impl.southbound.SouthboundData.md5Chain;
import static org.odlbfd.impl.southbound.SouthboundData.mh;
import static org.odlbfd.impl.southbound.SouthboundData.protocol;
import static org.odlbfd.impl.southbound.SouthboundData.sh;
import static org.odlbfd.impl.southbound.SouthboundData.withChain;
import static org.odlbfd.impl.southbound.SouthboundData.withStatic;

import com.google.common.net.InetAddresses;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.Placements;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.odlbfd.impl.southbound.Wanted.Origin;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;

class IntentsTest {
    private static EntryKey key(final String instance, final String ifname, final String dest) {
        return new EntryKey(instance, new SingleHopKey(ifname, InetAddresses.forString(dest)));
    }

    @Test
    void placedSessionsGoToTheirDeviceWithoutPlacement() {
        final var intents = Intents.build(List.of(protocol("bfd1", List.of(sh("eth0", "192.0.2.2", "r1"),
            sh("eth1", "192.0.2.6", "r2"), sh("eth2", "192.0.2.10", null)),
            List.of(mh("198.51.100.1", "198.51.100.2", "r1")))), Map.of(), List.of());
        assertEquals(Map.of("r1", 2, "r2", 1), Map.of("r1", intents.get("r1").entries().size(),
            "r2", intents.get("r2").entries().size()), "the embedded session goes nowhere");
        final var wanted = intents.get("r1").entries().get(key("bfd1", "eth0", "192.0.2.2"));
        assertNotNull(wanted, intents.toString());
        assertNull(Placements.node((Session) wanted.config()), "placement stays on the controller");
        assertNotNull(Placements.node((Session) ((Origin.Placed) wanted.origin()).intent()),
            "the operator's entry keeps it for the operational view");
        assertFalse(wanted.needsExt());
        assertEquals(java.util.Set.of("bfd1"), intents.get("r1").instances());
    }

    @Test
    void keyChainsTravelWithTheirSessions() {
        final var chain = md5Chain("k1", "secret");
        final var intents = Intents.build(List.of(protocol("bfd1",
            List.of(withChain(sh("eth0", "192.0.2.2", "r1"), "k1"), withChain(sh("eth1", "192.0.2.6", "r2"), "gone")),
            List.of())), Map.of("k1", chain), List.of());
        assertEquals(Map.of("k1", chain), intents.get("r1").chains());
        assertNull(intents.get("r1").entries().get(key("bfd1", "eth0", "192.0.2.2")).error());
        final var missing = intents.get("r2").entries().get(key("bfd1", "eth1", "192.0.2.6"));
        assertTrue(missing.error().contains("key-chain gone does not exist"), missing.error());
        assertTrue(intents.get("r2").chains().isEmpty());
    }

    @Test
    void staticDiscriminatorsNeedOdlBfdExt() {
        final var intents = Intents.build(List.of(protocol("bfd1", List.of(withStatic(sh("eth0", "192.0.2.2", "r1"),
            77)), List.of())), Map.of(), List.of());
        final var wanted = intents.get("r1").entries().get(key("bfd1", "eth0", "192.0.2.2"));
        assertTrue(wanted.needsExt());
        assertNotNull(((Session) wanted.config()).augmentation(Session1.class));
        assertNull(((Session) DeviceForm.withoutExt(wanted.config())).augmentation(Session1.class));
    }

    @Test
    void aLinkRendersMatchedSessionsOnBothEnds() {
        final var intents = Intents.build(List.of(), Map.of(),
            List.of(allocated(link("l1", "r1", "eth0", "192.0.2.1", "r2", "ge-0/0/1", "192.0.2.2"))));
        final var endA = intents.get("r1").entries().get(key("bfd", "eth0", "192.0.2.2"));
        final var endB = intents.get("r2").entries().get(key("bfd", "ge-0/0/1", "192.0.2.1"));
        assertNotNull(endA, intents.toString());
        assertNotNull(endB, intents.toString());
        final var extA = ((Session) endA.config()).augmentation(Session1.class);
        final var extB = ((Session) endB.config()).augmentation(Session1.class);
        // RFC 5880 §6.8.1: each end's local discriminator is the other's remote one
        assertEquals(extA.getStaticLocalDiscriminator(), extB.getStaticRemoteDiscriminator());
        assertEquals(extB.getStaticLocalDiscriminator(), extA.getStaticRemoteDiscriminator());
        assertEquals("192.0.2.1", ((Session) endA.config()).getSourceAddr().getIpv4Address().getValue());
        assertEquals(((Session) endA.config()).getIntervalConfigType(),
            ((Session) endB.config()).getIntervalConfigType());
        assertTrue(endA.needsExt() && endB.needsExt());
        final var originA = (Origin.LinkEnd) endA.origin();
        assertEquals(extA.getStaticLocalDiscriminator().getValue().toJava(), originA.localDiscriminator());
    }

    @Test
    void allocationIsStableAndUniquePerDevice() {
        final var first = Intents.build(List.of(), Map.of(), List.of(
            allocated(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2")),
            allocated(link("l2", "r1", "eth1", "192.0.2.5", "r3", "eth0", "192.0.2.6"))));
        final var again = Intents.build(List.of(), Map.of(), List.of(
            allocated(link("l2", "r1", "eth1", "192.0.2.5", "r3", "eth0", "192.0.2.6")),
            allocated(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2"))));
        assertEquals(first, again, "the same links give the same pairs, whatever their order");
        final var locals = new HashSet<Long>();
        for (var wanted : first.get("r1").entries().values()) {
            assertTrue(locals.add(((Origin.LinkEnd) wanted.origin()).localDiscriminator()), "unique on r1");
        }
        assertEquals(2, locals.size());
    }

    @Test
    void allocationAvoidsDiscriminatorsTakenOnTheDevice() {
        final var used = new HashSet<Long>();
        final long taken = LinkRenderer.allocate("l1", "a", new HashSet<>());
        used.add(taken);
        final long next = LinkRenderer.allocate("l1", "a", used);
        assertNotEquals(taken, next);
        assertTrue(next > 0 && next <= 0x7fff_ffffL);
        // a placed session's static discriminator on r1 takes the link's first candidate
        final var intents = Intents.build(List.of(protocol("bfd1", List.of(withStatic(sh("eth9", "192.0.2.9", "r1"),
            taken)), List.of())), Map.of(), List.of(allocated(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0",
            "192.0.2.2"))));
        final var endA = (Origin.LinkEnd) intents.get("r1").entries().get(key("bfd", "eth0", "192.0.2.2")).origin();
        assertNotEquals(taken, endA.localDiscriminator());
    }

    @Test
    void givenDiscriminatorsAreRenderedAsGiven() {
        final var intents = Intents.build(List.of(), Map.of(), List.of(given(link("l1", "r1", "eth0", "192.0.2.1",
            "r2", "eth0", "192.0.2.2"), 11, 22)));
        final var endB = (Origin.LinkEnd) intents.get("r2").entries().get(key("bfd", "eth0", "192.0.2.1")).origin();
        assertEquals(22, endB.localDiscriminator());
        assertEquals(11, endB.remoteDiscriminator());
    }

    @Test
    void aLinkEndOnAPlacedSessionsEntryIsRefused() {
        final var intents = Intents.build(List.of(protocol("bfd", List.of(sh("eth0", "192.0.2.2", "r1")),
            List.of())), Map.of(), List.of(link("l1", "r1", "eth0", "192.0.2.1", "r2", "eth0", "192.0.2.2").build()));
        final var placed = intents.get("r1").entries().get(key("bfd", "eth0", "192.0.2.2"));
        assertTrue(placed.origin() instanceof Origin.Placed, "the placed session keeps its entry");
        assertEquals(1, intents.get("r1").refused().size());
        assertTrue(intents.get("r1").refused().getFirst().error().contains("placed from protocol bfd"),
            intents.get("r1").refused().toString());
        assertEquals(1, intents.get("r2").entries().size(), "the other end is rendered");
    }
}
