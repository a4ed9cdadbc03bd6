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
import static org.odlbfd.impl.config.BfdConfigs.mh;
import static org.odlbfd.impl.config.BfdConfigs.protocol;
import static org.odlbfd.impl.config.BfdConfigs.protocols;
import static org.odlbfd.impl.config.BfdConfigs.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SessionKey;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.RoutingBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.NonzeroDiscriminator;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.placement.parms.PlacementBuilder;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Sessions placed on NETCONF devices: the embedded agent leaves them alone, and the commit rules
 * treat each device as a system of its own and skip the embedded agent's platform rules.
 */
class PlacementConfigTest extends AbstractConcurrentDataBrokerTest {
    PlacementConfigTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
    }

    private static SessionBuilder placed(final SessionBuilder session, final String node) {
        return session.addAugmentation(new Session2Builder().setPlacement(new PlacementBuilder().setNode(node)
            .build()).build());
    }

    private static SessionBuilder fast(final SessionBuilder session) {
        // 3.3 ms: below the embedded agent's 10 ms floor, a rate hardware-assisted BFD runs
        return session.setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(3_300))
            .setRequiredMinRxInterval(Uint32.valueOf(3_300)).build());
    }

    private static SessionBuilder discriminator(final SessionBuilder session, final long local) {
        return session.addAugmentation(new Session1Builder()
            .setStaticLocalDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(local))).build());
    }

    @Test
    void placementIsReadFromItsGrouping() {
        assertEquals("r1", Placements.node(placed(sh("eth0", "192.0.2.2"), "r1").build()));
        assertEquals(null, Placements.node(sh("eth0", "192.0.2.2").build()));
        assertTrue(Placements.isPlaced(mh("198.51.100.1", "198.51.100.2").addAugmentation(new SessionGroup2Builder()
            .setPlacement(new PlacementBuilder().setNode("r2").build()).build()).build()));
    }

    @Test
    void thePlatformFloorIsTheEmbeddedAgentsOnly() {
        final var embedded = ConfigValidator.validate(protocols(protocol("bfd",
            List.of(fast(sh("eth0", "192.0.2.2")).build()), List.of(), List.of())), Map.of());
        assertEquals(2, embedded.size(), embedded.toString());
        assertEquals(List.of(), ConfigValidator.validate(protocols(protocol("bfd",
            List.of(placed(fast(sh("eth0", "192.0.2.2")), "r1").build()), List.of(), List.of())), Map.of()));
        // a zero transmit interval is RFC 5880's rule, so a device's session keeps it
        final var zero = ConfigValidator.validate(protocols(protocol("bfd", List.of(placed(sh("eth0", "192.0.2.2")
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.ZERO).build()), "r1")
            .build()), List.of(), List.of())), Map.of());
        assertEquals(1, zero.size(), zero.toString());
        assertTrue(zero.getFirst().contains("placed on r1"), zero.toString());
    }

    @Test
    void theHostsAddressesAreTheEmbeddedAgentsOnly() {
        // a host with no address at all: any source-addr is foreign to it
        final var validator = ConfigValidator.standard(() -> new Host() {
            @Override
            public boolean isLocal(final java.net.InetAddress address) {
                return false;
            }

            @Override
            public boolean hasInterface(final String name) {
                return false;
            }
        }, HostRules.ALL_EMBEDDED, RunningDiscriminators.NONE, 100);
        final var source = org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715
            .IetfInetUtil.ipAddressFor("192.0.2.1");
        final var embedded = validator.validate(ConfigView.of(protocols(protocol("bfd",
            List.of(sh("eth0", "192.0.2.2").setSourceAddr(source).build()), List.of(), List.of())), Map.of()));
        assertEquals(1, embedded.size(), embedded.toString());
        assertTrue(embedded.getFirst().contains("is not an address of this host"), embedded.toString());
        assertEquals(List.of(), validator.validate(ConfigView.of(protocols(protocol("bfd",
            List.of(placed(sh("eth0", "192.0.2.2").setSourceAddr(source), "r1").build()), List.of(), List.of())),
            Map.of())), "the device's addresses are the device's");
    }

    @Test
    void keysAndDiscriminatorsAreUniquePerDevice() {
        // the same key and discriminator on two devices (two instances) and on the embedded agent: three systems
        assertEquals(List.of(), ConfigValidator.validate(protocols(
            protocol("r1", List.of(discriminator(placed(sh("eth0", "192.0.2.2"), "r1"), 7).build()), List.of(),
                List.of()),
            protocol("r2", List.of(discriminator(placed(sh("eth0", "192.0.2.2"), "r2"), 7).build()), List.of(),
                List.of()),
            protocol("bfd", List.of(discriminator(sh("eth0", "192.0.2.2"), 7).build()), List.of(), List.of())),
            Map.of()));
        final var same = ConfigValidator.validate(protocols(
            protocol("a", List.of(discriminator(placed(sh("eth0", "192.0.2.2"), "r1"), 7).build()), List.of(),
                List.of()),
            protocol("b", List.of(discriminator(placed(sh("eth1", "192.0.2.6"), "r1"), 7).build()), List.of(),
                List.of())), Map.of());
        assertEquals(1, same.size(), same.toString());
        assertTrue(same.getFirst().contains("static-local-discriminator 7 is already used"), same.toString());
    }

    @Test
    void theEmbeddedAgentDoesNotRunPlacedSessions() throws Exception {
        final var applied = new ArrayList<SessionKey>();
        final var listener = new BfdConfigListener(getDataBroker(), new SessionSink() {
            @Override
            public void apply(final SessionConfig config) {
                synchronized (applied) {
                    applied.add(config.key());
                }
            }

            @Override
            public void remove(final String protocol, final SessionKey key) {
                // not expected here
            }
        });
        try {
            final var tx = getDataBroker().newWriteOnlyTransaction();
            tx.put(LogicalDatastoreType.CONFIGURATION, DataObjectIdentifier.builder(Routing.class).build(),
                new RoutingBuilder().setControlPlaneProtocols(protocols(protocol("bfd", List.of(
                    placed(sh("eth0", "192.0.2.2"), "r1").build(), sh("eth1", "192.0.2.6").build()), List.of(),
                    List.of()))).build());
            tx.commit().get();
            final long end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end) {
                synchronized (applied) {
                    if (!applied.isEmpty()) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
            Thread.sleep(200);
            synchronized (applied) {
                assertEquals(1, applied.size(), applied.toString());
                assertEquals("eth1", ((org.odlbfd.api.SingleHopKey) applied.getFirst()).interfaceName());
            }
        } finally {
            listener.close();
        }
    }
}
