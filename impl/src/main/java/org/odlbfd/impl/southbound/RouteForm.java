/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import com.google.common.net.InetAddresses;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.routetracker.ConfigReader;
import org.odlbfd.impl.routetracker.NextHopConfig;
import org.odlbfd.impl.routetracker.PlacedRoutes;
import org.odlbfd.impl.routetracker.Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.SpecialNextHop.SpecialNextHop$;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Static;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.NextHopOptions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.NextHopListBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SimpleNextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SimpleNextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SpecialNextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.control.plane.protocol.StaticRoutesBuilder;
import org.opendaylight.yangtools.binding.Augmentation;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The device form of a placed static instance: plain RFC 8349 (ietf-routing with
 * ietf-ipv4/ipv6-unicast-routing), no odl-bfd-static-route (the device does not know it, and does
 * not track anything: the controller does), listing only the next hops in use now.
 *
 * <p>A next hop with an address is rendered with its address only: its outgoing-interface, when
 * configured, names the controller's interface (the key of the controller's single-hop session,
 * RFC 5881), which means nothing on the device. An interface-only next hop keeps its interface, and
 * a special next hop its kind. The simple-next-hop case stays simple; next-hop-list entries keep
 * their index.
 */
final class RouteForm {
    private RouteForm() {
        // static only
    }

    /**
     * The instance's path on the device (the controller's instance of the same name and type).
     *
     * @param instance the instance name
     * @return its path
     */
    /** The device's control-plane-protocols container. */
    static final DataObjectIdentifier<ControlPlaneProtocols> PROTOCOLS = DataObjectIdentifier.builder(Routing.class)
        .child(ControlPlaneProtocols.class).build();

    static DataObjectIdentifier<ControlPlaneProtocol> path(final String instance) {
        return DataObjectIdentifier.builder(Routing.class).child(ControlPlaneProtocols.class)
            .child(ControlPlaneProtocol.class, new ControlPlaneProtocolKey(instance, Static.VALUE)).build();
    }

    /**
     * The instance as the device should hold it (put whole: the controller owns the device's
     * instance of this name).
     *
     * @param placed the routes in use
     * @return the device's control-plane-protocol entry
     */
    static ControlPlaneProtocol protocol(final PlacedRoutes placed) {
        final var v4 = new LinkedHashMap<org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
            .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes
                .ipv4.RouteKey, org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing
                    .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.Route>();
        final var v6 = new LinkedHashMap<org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
            .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes
                .ipv6.RouteKey, org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing
                    .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6.Route>();
        placed.routes().forEach((prefix, hops) -> {
            final List<NextHopConfig> rendered = hops.stream().map(RouteForm::deviceHop).toList();
            if (prefix.ipv4()) {
                final var key = new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
                    .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes
                        .ipv4.RouteKey(new Ipv4Prefix(prefix.toString()));
                v4.put(key, new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing
                    .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes
                        .ipv4.RouteBuilder().withKey(key).setNextHop(new org.opendaylight.yang.gen.v1.urn.ietf
                            .params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313.routing.control.plane.protocols
                                .control.plane.protocol._static.routes.ipv4.route.NextHopBuilder()
                    .setNextHopOptions(options4(rendered)).build()).build());
            } else {
                final var key = new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
                    .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes
                        .ipv6.RouteKey(new Ipv6Prefix(prefix.toString()));
                v6.put(key, new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing
                    .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes
                        .ipv6.RouteBuilder().withKey(key).setNextHop(new org.opendaylight.yang.gen.v1.urn.ietf
                            .params.xml.ns.yang.ietf.ipv6.unicast.routing.rev180313.routing.control.plane.protocols
                                .control.plane.protocol._static.routes.ipv6.route.NextHopBuilder()
                    .setNextHopOptions(options6(rendered)).build()).build());
            }
        });
        final var statics = new StaticRoutesBuilder();
        if (!v4.isEmpty()) {
            statics.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
                .routing.rev180313.StaticRoutes1Builder().setIpv4(new org.opendaylight.yang.gen.v1.urn.ietf.params
                    .xml.ns.yang.ietf.ipv4.unicast.routing.rev180313.routing.control.plane.protocols.control.plane
                        .protocol._static.routes.Ipv4Builder().setRoute(v4).build()).build());
        }
        if (!v6.isEmpty()) {
            statics.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
                .routing.rev180313.StaticRoutes1Builder().setIpv6(new org.opendaylight.yang.gen.v1.urn.ietf.params
                    .xml.ns.yang.ietf.ipv6.unicast.routing.rev180313.routing.control.plane.protocols.control.plane
                        .protocol._static.routes.Ipv6Builder().setRoute(v6).build()).build());
        }
        return new ControlPlaneProtocolBuilder().setName(placed.instance()).setType(Static.VALUE)
            .setStaticRoutes(statics.build()).build();
    }

    /**
     * A route's next hops in RFC 8349's form; only the address leaf differs between the families, so
     * each family passes the augmentation that carries it.
     */
    private static NextHopOptions options(final List<NextHopConfig> hops,
            final Function<String, Augmentation<SimpleNextHop>> simpleAddress,
            final Function<String, Augmentation<NextHop>> listAddress) {
        final NextHopConfig first = hops.getFirst();
        if (first.special() != null) {
            return new SpecialNextHopBuilder().setSpecialNextHop(SpecialNextHop$.ofName(first.special())).build();
        }
        if (hops.size() == 1 && first.index().equals(NextHopConfig.SIMPLE)) {
            final var simple = new SimpleNextHopBuilder().setOutgoingInterface(first.outgoingInterface());
            if (first.address() != null) {
                simple.addAugmentation(simpleAddress.apply(InetAddresses.toAddrString(first.address())));
            }
            return simple.build();
        }
        final var list = new LinkedHashMap<NextHopKey, NextHop>();
        for (var nh : hops) {
            final var key = new NextHopKey(nh.index());
            final var entry = new NextHopBuilder().withKey(key).setOutgoingInterface(nh.outgoingInterface());
            if (nh.address() != null) {
                entry.addAugmentation(listAddress.apply(InetAddresses.toAddrString(nh.address())));
            }
            list.put(key, entry.build());
        }
        return new NextHopListBuilder().setNextHopList(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang
            .ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop
                .list.NextHopListBuilder().setNextHop(list).build()).build();
    }

    private static NextHopOptions options4(final List<NextHopConfig> hops) {
        return options(hops, address -> new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
            .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.route.next
                .hop.SimpleNextHop1Builder().setNextHopAddress(new Ipv4Address(address)).build(),
            address -> new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313
                .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.route.next.hop
                    .NextHop1Builder().setNextHopAddress(new Ipv4Address(address)).build());
    }

    private static NextHopOptions options6(final List<NextHopConfig> hops) {
        return options(hops, address -> new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
            .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6.route.next
                .hop.SimpleNextHop1Builder().setNextHopAddress(new Ipv6Address(address)).build(),
            address -> new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing.rev180313
                .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6.route.next.hop
                    .NextHop1Builder().setNextHopAddress(new Ipv6Address(address)).build());
    }

    /**
     * A next hop as the device holds it.
     *
     * @param nh the controller's next hop
     * @return what is rendered of it
     */
    static NextHopConfig deviceHop(final NextHopConfig nh) {
        return new NextHopConfig(nh.index(), nh.address(), nh.address() == null ? nh.outgoingInterface() : null,
            nh.special(), 1, null);
    }

    /**
     * What the device should hold, comparable with {@link #held}.
     *
     * @param placed the routes in use
     * @return next hops by prefix
     */
    static Map<Prefix, Set<NextHopConfig>> wanted(final PlacedRoutes placed) {
        final Map<Prefix, Set<NextHopConfig>> result = new LinkedHashMap<>();
        placed.routes().forEach((prefix, hops) -> {
            final Set<NextHopConfig> set = new HashSet<>();
            hops.forEach(nh -> set.add(deviceHop(nh)));
            result.put(prefix, set);
        });
        return result;
    }

    /**
     * What a device holds, read back with the controller's own reader (the device form is a subset
     * of what it reads).
     *
     * @param device the device's instance, or null when it has none
     * @param errors gets what could not be read
     * @return next hops by prefix
     */
    static Map<Prefix, Set<NextHopConfig>> held(final @Nullable ControlPlaneProtocol device,
            final List<String> errors) {
        final Map<Prefix, Set<NextHopConfig>> result = new LinkedHashMap<>();
        if (device == null) {
            return result;
        }
        ConfigReader.instance(device, errors).routes().forEach((prefix, route) -> {
            final Set<NextHopConfig> set = new HashSet<>();
            route.nextHops().forEach(nh -> set.add(deviceHop(nh)));
            result.put(prefix, set);
        });
        return result;
    }
}
