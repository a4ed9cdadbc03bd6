/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.Interfaces;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.interfaces.Interface;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.interfaces.InterfaceBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.interfaces.InterfaceKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.interfaces._interface.StatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313.Ipv4Unicast;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing.rev180313.Ipv6Unicast;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.RoutePreference;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.SpecialNextHop.SpecialNextHop$;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Static;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.NextHopOptions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.next.hop.options.NextHopListBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.next.hop.options.SimpleNextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.next.hop.options.SpecialNextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.next.hop.options.next.hop.list.next.hop.list.NextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.next.hop.options.next.hop.list.next.hop.list.NextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.Ribs;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ribs.Rib;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ribs.RibBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ribs.RibKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ribs.rib.RoutesBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ribs.rib.routes.Route;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ribs.rib.routes.RouteBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Interface1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Interface1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.LinuxLink;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The operational RIB of RFC 8349 ({@code routing/ribs/rib/routes/route}) and the interfaces' BFD
 * status, in bindings. One RIB per VRF and address family: {@code ipv4-master} and
 * {@code ipv6-master} for the default VRF, {@code VRF-ipv4} and {@code VRF-ipv6} for a VRF.
 */
final class RibMapper {
    private RibMapper() {
        // static only
    }

    static String ribName(final @Nullable String vrf, final boolean ipv4) {
        return (vrf == null ? "" : vrf + "-") + (ipv4 ? "ipv4" : "ipv6") + (vrf == null ? "-master" : "");
    }

    static DataObjectIdentifier<Rib> ribPath(final String name) {
        return DataObjectIdentifier.builder(Routing.class).child(Ribs.class).child(Rib.class, new RibKey(name))
            .build();
    }

    /**
     * A whole RIB: the route list is keyless in RFC 8349, so it is always written entire.
     *
     * @param name RIB name
     * @param ipv4 its family
     * @param routes its routes, each with at least one next hop in use
     * @return the RIB entry
     */
    static Rib rib(final String name, final boolean ipv4, final Collection<RouteState> routes) {
        final List<Route> list = new ArrayList<>(routes.size());
        for (RouteState state : routes) {
            list.add(route(state));
        }
        return new RibBuilder().setName(name).setAddressFamily(ipv4 ? Ipv4Unicast.VALUE : Ipv6Unicast.VALUE)
            .setRoutes(new RoutesBuilder().setRoute(list).build()).build();
    }

    /**
     * One RIB route: the next hops in use only, source-protocol static, active.
     *
     * @param state the computed route (at least one next hop in use)
     * @return the route
     */
    static Route route(final RouteState state) {
        final var builder = new RouteBuilder()
            .setRoutePreference(new RoutePreference(Uint32.valueOf(state.preference())))
            .setSourceProtocol(Static.VALUE)
            .setActive(Empty.value())
            .setLastUpdated(time(state.lastUpdated()))
            .setNextHop(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing
                .ribs.rib.routes.route.NextHopBuilder().setNextHopOptions(nextHops(state)).build());
        final var prefix = state.prefix();
        if (prefix.ipv4()) {
            builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
                .routing.rev180313.Route2Builder().setDestinationPrefix(new Ipv4Prefix(prefix.toString())).build());
        } else {
            builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
                .routing.rev180313.Route2Builder().setDestinationPrefix(new Ipv6Prefix(prefix.toString())).build());
        }
        return builder.build();
    }

    private static NextHopOptions nextHops(final RouteState state) {
        final List<NextHopConfig> inUse = state.inUse();
        if (inUse.size() == 1) {
            final NextHopConfig nh = inUse.get(0);
            if (nh.special() != null) {
                final SpecialNextHop$ special = SpecialNextHop$.forName(nh.special());
                return new SpecialNextHopBuilder().setSpecialNextHop(special != null ? special
                    : SpecialNextHop$.Blackhole).build();
            }
            final var simple = new SimpleNextHopBuilder().setOutgoingInterface(nh.outgoingInterface());
            if (nh.address() != null) {
                if (state.prefix().ipv4()) {
                    simple.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4
                        .unicast.routing.rev180313.SimpleNextHop2Builder()
                        .setNextHopAddress(new Ipv4Address(text(nh.address()))).build());
                } else {
                    simple.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6
                        .unicast.routing.rev180313.SimpleNextHop2Builder()
                        .setNextHopAddress(new Ipv6Address(text(nh.address()))).build());
                }
            }
            return simple.build();
        }
        final List<NextHop> hops = new ArrayList<>(inUse.size());
        for (NextHopConfig nh : inUse) {
            final var hop = new NextHopBuilder().setOutgoingInterface(nh.outgoingInterface());
            if (nh.address() != null) {
                if (state.prefix().ipv4()) {
                    hop.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4
                        .unicast.routing.rev180313.NextHop2Builder().setAddress(new Ipv4Address(text(nh.address())))
                        .build());
                } else {
                    hop.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6
                        .unicast.routing.rev180313.NextHop2Builder().setAddress(new Ipv6Address(text(nh.address())))
                        .build());
                }
            }
            hops.add(hop.build());
        }
        return new NextHopListBuilder().setNextHopList(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang
            .ietf.routing.rev180313.next.hop.state.content.next.hop.options.next.hop.list.NextHopListBuilder()
            .setNextHop(hops).build()).build();
    }

    static DataObjectIdentifier<Interface1> statusPath(final String name) {
        return DataObjectIdentifier.builder(Interfaces.class).child(Interface.class, new InterfaceKey(name))
            .augmentation(Interface1.class).build();
    }

    static DataObjectIdentifier<Interface> interfacePath(final String name) {
        return DataObjectIdentifier.builder(Interfaces.class).child(Interface.class, new InterfaceKey(name)).build();
    }

    /**
     * An operational interface entry with its BFD status. RFC 8343 makes type, admin-status,
     * oper-status, if-index and statistics/discontinuity-time mandatory (the operational datastore
     * checks them): they come from the kernel's link, the type is odl-bfd-ext's linux-link.
     *
     * @param name interface name
     * @param status its BFD status
     * @param link the kernel's link
     * @param managementStart when the controller's management started
     * @return the entry, for a merge
     */
    static Interface interfaceStatus(final String name, final InterfaceStatus.Status status, final LinkState link,
            final Instant managementStart) {
        return new InterfaceBuilder().setName(name).setType(LinuxLink.VALUE)
            .setAdminStatus(link.adminUp() ? Interface.AdminStatus.Up : Interface.AdminStatus.Down)
            .setOperStatus(link.operUp() ? Interface.OperStatus.Up : Interface.OperStatus.Down)
            .setIfIndex(link.index())
            // RFC 8343: with no counter discontinuity, the time the management subsystem started
            .setStatistics(new StatisticsBuilder().setDiscontinuityTime(time(managementStart)).build())
            .addAugmentation(new Interface1Builder().setBfdStatus(status.up() ? Interface1.BfdStatus.Up
                : Interface1.BfdStatus.Down).setBfdStatusSession(status.session()).build())
            .build();
    }

    static DateAndTime time(final Instant instant) {
        return new DateAndTime(instant.toString());
    }

    static String text(final InetAddress address) {
        return InetAddresses.toAddrString(address);
    }
}
