/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpShBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.SessionsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.BfdBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313.StaticRoutes1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.Ipv4Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.Route;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.RouteBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Static;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.NextHopOptions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.NextHopListBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SimpleNextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocolsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.control.plane.protocol.StaticRoutesBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.NextHop1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.SimpleNextHop1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms.Bfd;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122._interface.status.parms.ProcessInterfaceStatusBuilder;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Test data: IPv4 static routes with odl-bfd-static-route tracking, and bfdv1 sessions, built with
 * the generated builders.
 */
final class RouteConfigs {
    /**
     * One next hop to build.
     *
     * @param index list index, or null for the simple-next-hop case
     * @param address next-hop-address or null
     * @param iface outgoing-interface or null
     * @param preference preference or null
     * @param bfd the bfd container or null
     */
    record Hop(@Nullable String index, @Nullable String address, @Nullable String iface, @Nullable Long preference,
            @Nullable Bfd bfd) {
    }

    private RouteConfigs() {
        // static only
    }

    static DataObjectIdentifier<ControlPlaneProtocol> path(final String name, final boolean statics) {
        return DataObjectIdentifier.builder(Routing.class).child(ControlPlaneProtocols.class)
            .child(ControlPlaneProtocol.class, new ControlPlaneProtocolKey(name, statics ? Static.VALUE
                : Bfdv1.VALUE)).build();
    }

    static Bfd bfd() {
        return new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms
            .BfdBuilder().setEnabled(true).setIntervalConfigType(new TxRxIntervalsBuilder()
                .setDesiredMinTxInterval(Uint32.valueOf(100_000)).setRequiredMinRxInterval(Uint32.valueOf(100_000))
                .build()).build();
    }

    static org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms.BfdBuilder
            bfdBuilder() {
        return new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms
            .BfdBuilder(bfd());
    }

    static Bfd named(final String session) {
        return new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms
            .BfdBuilder().setEnabled(true).setSessionName(session).build();
    }

    static Hop hop(final String index, final String address, final String iface, final long preference,
            final @Nullable Bfd bfd) {
        return new Hop(index, address, iface, preference, bfd);
    }

    static Hop simple(final @Nullable String address, final @Nullable String iface, final @Nullable Bfd bfd) {
        return new Hop(null, address, iface, null, bfd);
    }

    static Route route(final String prefix, final Hop... hops) {
        final NextHopOptions options;
        if (hops.length == 1 && hops[0].index() == null) {
            final Hop hop = hops[0];
            final var simple = new SimpleNextHopBuilder().setOutgoingInterface(hop.iface());
            if (hop.address() != null) {
                simple.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
                    .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4
                    .route.next.hop.SimpleNextHop1Builder().setNextHopAddress(new Ipv4Address(hop.address())).build());
            }
            simple.addAugmentation(new SimpleNextHop1Builder().setPreference(pref(hop)).setBfd(hop.bfd()).build());
            options = simple.build();
        } else {
            final List<NextHop> list = new ArrayList<>();
            for (Hop hop : hops) {
                final var entry = new NextHopBuilder().setIndex(hop.index()).setOutgoingInterface(hop.iface());
                if (hop.address() != null) {
                    entry.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4
                        .unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static
                        .routes.ipv4.route.next.hop.NextHop1Builder().setNextHopAddress(new Ipv4Address(hop.address()))
                        .build());
                }
                entry.addAugmentation(new NextHop1Builder().setPreference(pref(hop)).setBfd(hop.bfd()).build());
                list.add(entry.build());
            }
            options = new NextHopListBuilder().setNextHopList(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns
                .yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.NextHopListBuilder()
                .setNextHop(BindingMap.ordered(list)).build()).build();
        }
        return new RouteBuilder().setDestinationPrefix(new Ipv4Prefix(prefix))
            .setNextHop(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing
                .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.route
                .NextHopBuilder().setNextHopOptions(options).build()).build();
    }

    private static @Nullable Uint32 pref(final Hop hop) {
        return hop.preference() == null ? null : Uint32.valueOf(hop.preference());
    }

    static ControlPlaneProtocol statics(final String name, final @Nullable String vrf, final long holdDown,
            final boolean adminDownWithdraw, final Route... routes) {
        return new ControlPlaneProtocolBuilder().setType(Static.VALUE).setName(name)
            .setStaticRoutes(new StaticRoutesBuilder()
                .addAugmentation(new StaticRoutes1Builder().setIpv4(new Ipv4Builder()
                    .setRoute(BindingMap.ordered(List.of(routes))).build()).build())
                .addAugmentation(new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122
                    .StaticRoutes1Builder().setVrf(vrf).setHoldDown(holdDown == 0 ? null : Uint32.valueOf(holdDown))
                    .setAdminDownWithdraw(adminDownWithdraw ? Boolean.TRUE : null).build())
                .build())
            .build();
    }

    static ControlPlaneProtocol statics(final String name, final Route... routes) {
        return statics(name, null, 0, false, routes);
    }

    static SessionBuilder session(final String ifname, final String dest) {
        return new SessionBuilder().setInterface(ifname).setDestAddr(IetfInetUtil.ipAddressFor(dest));
    }

    static Session namedSession(final String ifname, final String dest, final String name) {
        return session(ifname, dest).addAugmentation(new Session1Builder().setSessionName(name).build()).build();
    }

    static Session coupled(final String ifname, final String dest, final boolean subInterfaces) {
        return session(ifname, dest).addAugmentation(new Session2Builder().setProcessInterfaceStatus(
            new ProcessInterfaceStatusBuilder().setSubInterfaces(subInterfaces).build()).build()).build();
    }

    static ControlPlaneProtocol bfdProtocol(final String name, final Session... sessions) {
        return new ControlPlaneProtocolBuilder().setType(Bfdv1.VALUE).setName(name)
            .addAugmentation(new ControlPlaneProtocol1Builder().setBfd(new BfdBuilder()
                .addAugmentation(new Bfd1Builder().setIpSh(new IpShBuilder().setSessions(new SessionsBuilder()
                    .setSession(BindingMap.ordered(List.of(sessions))).build()).build()).build())
                .build()).build())
            .build();
    }

    static ControlPlaneProtocols protocols(final ControlPlaneProtocol... protocols) {
        return new ControlPlaneProtocolsBuilder().setControlPlaneProtocol(BindingMap.ordered(List.of(protocols)))
            .build();
    }

    static Hops hops(final int ttl) {
        return new Hops(Uint8.valueOf(ttl));
    }

    /**
     * The same instance placed on a NETCONF device (odl-bfd-static-route placement/node).
     *
     * @param protocol a static instance
     * @param node the node-id
     * @return the placed instance
     */
    static ControlPlaneProtocol placed(final ControlPlaneProtocol protocol, final String node) {
        final var statics = protocol.getStaticRoutes();
        final var ours = statics.augmentation(org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route
            .rev261122.StaticRoutes1.class);
        final var builder = ours == null ? new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route
            .rev261122.StaticRoutes1Builder() : new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route
            .rev261122.StaticRoutes1Builder(ours);
        return new ControlPlaneProtocolBuilder(protocol).setStaticRoutes(new StaticRoutesBuilder(statics)
            .addAugmentation(builder.setPlacement(new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext
                .rev261122.placement.parms.PlacementBuilder().setNode(node).build()).build()).build()).build();
    }
}
