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
import org.odlbfd.api.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Static;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.NextHopOptions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.NextHopListBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SimpleNextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHopBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.control.plane.protocol.StaticRoutes;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms.Bfd;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms.BfdBuilder;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The state leaves of odl-bfd-static-route in the operational datastore: for every configured
 * next hop, {@code bfd/session-state} (when tracked) and {@code bfd/active}, under the same
 * {@code static-routes} path as its configuration.
 */
final class StateMapper {
    private StateMapper() {
        // static only
    }

    static DataObjectIdentifier<ControlPlaneProtocol> protocolPath(final String instance) {
        return DataObjectIdentifier.builder(Routing.class).child(ControlPlaneProtocols.class)
            .child(ControlPlaneProtocol.class, new ControlPlaneProtocolKey(instance, Static.VALUE)).build();
    }

    /**
     * Where a route's state lives.
     *
     * @param id the route
     * @return its path (IPv4 or IPv6 list)
     */
    static DataObjectIdentifier<? extends DataObject> routePath(final RouteId id) {
        final var statics = DataObjectIdentifier.builder(Routing.class).child(ControlPlaneProtocols.class)
            .child(ControlPlaneProtocol.class, new ControlPlaneProtocolKey(id.instance(), Static.VALUE))
            .child(StaticRoutes.class);
        if (id.prefix().ipv4()) {
            return statics.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
                    .routing.rev180313.StaticRoutes1.class)
                .child(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313
                    .routing.control.plane.protocols.control.plane.protocol._static.routes.Ipv4.class)
                .child(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313
                    .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.Route.class,
                    new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313
                        .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.RouteKey(
                            new Ipv4Prefix(id.prefix().toString())))
                .build();
        }
        return statics.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
                .routing.rev180313.StaticRoutes1.class)
            .child(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing.rev180313
                .routing.control.plane.protocols.control.plane.protocol._static.routes.Ipv6.class)
            .child(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing.rev180313
                .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6.Route.class,
                new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing.rev180313
                    .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6.RouteKey(
                        new Ipv6Prefix(id.prefix().toString())))
            .build();
    }

    /**
     * A route's operational entry: each next hop with its address and state leaves.
     *
     * @param state the computed route
     * @return the IPv4 or IPv6 route entry, matching {@link #routePath}
     */
    static DataObject route(final RouteState state) {
        final boolean v4 = state.prefix().ipv4();
        final NextHopOptions options;
        if (state.nextHops().size() == 1 && state.nextHops().get(0).config().index().equals(NextHopConfig.SIMPLE)) {
            options = simple(state.nextHops().get(0), v4);
        } else {
            final List<NextHop> list = new ArrayList<>();
            for (NextHopState nh : state.nextHops()) {
                list.add(listEntry(nh, v4));
            }
            options = new NextHopListBuilder().setNextHopList(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns
                .yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.NextHopListBuilder()
                .setNextHop(list.stream().collect(java.util.stream.Collectors.toMap(NextHop::key, n -> n))).build())
                .build();
        }
        if (v4) {
            return new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing.rev180313
                .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.RouteBuilder()
                .setDestinationPrefix(new Ipv4Prefix(state.prefix().toString()))
                .setNextHop(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing
                    .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.route
                    .NextHopBuilder().setNextHopOptions(options).build())
                .build();
        }
        return new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing.rev180313
            .routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6.RouteBuilder()
            .setDestinationPrefix(new Ipv6Prefix(state.prefix().toString()))
            .setNextHop(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing
                .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6.route
                .NextHopBuilder().setNextHopOptions(options).build())
            .build();
    }

    private static NextHopOptions simple(final NextHopState nh, final boolean v4) {
        final var builder = new SimpleNextHopBuilder().setOutgoingInterface(nh.config().outgoingInterface());
        final var address = nh.config().address();
        if (v4) {
            if (address != null) {
                builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
                    .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4
                    .route.next.hop.SimpleNextHop1Builder()
                    .setNextHopAddress(new Ipv4Address(RibMapper.text(address))).build());
            }
            builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122
                .SimpleNextHop1Builder().setBfd(bfd(nh)).build());
        } else {
            if (address != null) {
                builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
                    .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6
                    .route.next.hop.SimpleNextHop1Builder()
                    .setNextHopAddress(new Ipv6Address(RibMapper.text(address))).build());
            }
            builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122
                .SimpleNextHop2Builder().setBfd(bfd(nh)).build());
        }
        return builder.build();
    }

    private static NextHop listEntry(final NextHopState nh, final boolean v4) {
        final var builder = new NextHopBuilder().setIndex(nh.config().index())
            .setOutgoingInterface(nh.config().outgoingInterface());
        final var address = nh.config().address();
        if (v4) {
            if (address != null) {
                builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
                    .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4
                    .route.next.hop.NextHop1Builder().setNextHopAddress(new Ipv4Address(RibMapper.text(address)))
                    .build());
            }
            builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122
                .NextHop1Builder().setBfd(bfd(nh)).build());
        } else {
            if (address != null) {
                builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
                    .routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6
                    .route.next.hop.NextHop1Builder().setNextHopAddress(new Ipv6Address(RibMapper.text(address)))
                    .build());
            }
            builder.addAugmentation(new org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122
                .NextHop2Builder().setBfd(bfd(nh)).build());
        }
        return builder.build();
    }

    private static Bfd bfd(final NextHopState nh) {
        return new BfdBuilder().setActive(nh.active()).setSessionState(state(nh.sessionState())).build();
    }

    private static org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.@Nullable State
            state(final @Nullable State state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case ADMIN_DOWN -> org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State
                .AdminDown;
            case DOWN -> org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State.Down;
            case INIT -> org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State.Init;
            case UP -> org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State.Up;
        };
    }
}
