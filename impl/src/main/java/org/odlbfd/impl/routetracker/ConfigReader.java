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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.BaseCfgParms;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleInterval;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.NextHopContent;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Static;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.NextHopList;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SimpleNextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SpecialNextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.next.hop.list.next.hop.list.NextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.NextHopParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.StaticRoutes1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms.Bfd;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Reads static control-plane-protocol instances (RFC 8349 with odl-bfd-static-route) into
 * {@link StaticInstance}s, applying every YANG default here and nowhere else. A route whose next
 * hops break a rule the validator enforces throws {@link IllegalArgumentException}; the listener
 * skips that route and logs it (only data written around the commit cohort can get there).
 */
public final class ConfigReader {
    /** ietf-bfd-types defaults: 1 s both ways, multiplier 3. */
    static final long DEFAULT_INTERVAL_US = 1_000_000;
    static final int DEFAULT_MULTIPLIER = 3;

    private ConfigReader() {
        // static only
    }

    /**
     * Everything the tracker needs from the whole control-plane-protocols container.
     *
     * @param protocols the container, or null when empty
     * @param errors receives one message per route left out because it is invalid
     * @return the configuration
     */
    public static TrackedConfig read(final @Nullable ControlPlaneProtocols protocols, final List<String> errors) {
        if (protocols == null) {
            return TrackedConfig.EMPTY;
        }
        final Map<String, StaticInstance> instances = new LinkedHashMap<>();
        for (var protocol : protocols.nonnullControlPlaneProtocol().values()) {
            if (protocol.getType() instanceof Static) {
                instances.put(protocol.requireName(), instance(protocol, errors));
            }
        }
        final BfdSessions bfd = BfdSessions.of(protocols.nonnullControlPlaneProtocol().values());
        return new TrackedConfig(instances, bfd.names(), bfd.couplings());
    }

    /**
     * Reads one static instance.
     *
     * @param protocol a control-plane-protocol of type static
     * @param errors receives one message per route left out
     * @return the instance
     */
    public static StaticInstance instance(final ControlPlaneProtocol protocol, final List<String> errors) {
        final var name = protocol.requireName();
        final var statics = protocol.getStaticRoutes();
        final var settings = statics == null ? null : statics.augmentation(StaticRoutes1.class);
        final String vrf = settings == null ? null : settings.getVrf();
        final long holdDown = settings == null || settings.getHoldDown() == null ? 0
            : settings.getHoldDown().toJava();
        final boolean adminDownWithdraw = settings != null && Boolean.TRUE.equals(settings.getAdminDownWithdraw());
        final Map<Prefix, StaticRouteConfig> routes = new LinkedHashMap<>();
        if (statics != null) {
            final var v4 = statics.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4
                .unicast.routing.rev180313.StaticRoutes1.class);
            if (v4 != null && v4.getIpv4() != null) {
                for (var route : v4.getIpv4().nonnullRoute().values()) {
                    add(routes, errors, name, route.requireDestinationPrefix().getValue(), route.getNextHop(), vrf,
                        V4::simpleAddress, V4::listAddress);
                }
            }
            final var v6 = statics.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6
                .unicast.routing.rev180313.StaticRoutes1.class);
            if (v6 != null && v6.getIpv6() != null) {
                for (var route : v6.getIpv6().nonnullRoute().values()) {
                    add(routes, errors, name, route.requireDestinationPrefix().getValue(), route.getNextHop(), vrf,
                        V6::simpleAddress, V6::listAddress);
                }
            }
        }
        final String node = settings == null || settings.getPlacement() == null
            || settings.getPlacement().getNode() == null || settings.getPlacement().getNode().isEmpty() ? null
            : settings.getPlacement().getNode();
        return new StaticInstance(name, vrf, holdDown, adminDownWithdraw, routes, node);
    }

    private static void add(final Map<Prefix, StaticRouteConfig> routes, final List<String> errors,
            final String protocol, final String prefixText, final @Nullable NextHopContent nextHop,
            final @Nullable String vrf, final Function<SimpleNextHop, @Nullable InetAddress> simpleAddress,
            final Function<NextHop, @Nullable InetAddress> listAddress) {
        try {
            final Prefix prefix = Prefix.parse(prefixText);
            routes.put(prefix, new StaticRouteConfig(prefix, nextHops(nextHop, vrf, simpleAddress, listAddress)));
        } catch (IllegalArgumentException e) {
            errors.add("static route " + prefixText + " (protocol " + protocol + "): " + e.getMessage());
        }
    }

    private static List<NextHopConfig> nextHops(final @Nullable NextHopContent content, final @Nullable String vrf,
            final Function<SimpleNextHop, @Nullable InetAddress> simpleAddress,
            final Function<NextHop, @Nullable InetAddress> listAddress) {
        final var options = content == null ? null : content.getNextHopOptions();
        final List<NextHopConfig> result = new ArrayList<>();
        switch (options) {
            case SimpleNextHop simple -> result.add(nextHop(NextHopConfig.SIMPLE, simpleAddress.apply(simple),
                simple.getOutgoingInterface(), null, Parms.of(simple), vrf));
            case SpecialNextHop special -> result.add(new NextHopConfig(NextHopConfig.SIMPLE, null, null,
                special.getSpecialNextHop() == null ? "blackhole" : special.getSpecialNextHop().getName(), 1, null));
            case NextHopList list when list.getNextHopList() != null -> {
                for (var entry : list.getNextHopList().nonnullNextHop().values()) {
                    result.add(nextHop(entry.requireIndex(), listAddress.apply(entry), entry.getOutgoingInterface(),
                        null, Parms.of(entry), vrf));
                }
            }
            case null, default -> {
                // an empty next-hop-list: a route with no next hop is never installed
            }
        }
        return result;
    }

    private static NextHopConfig nextHop(final String index, final @Nullable InetAddress address,
            final @Nullable String iface, final @Nullable String special, final @Nullable NextHopParms parms,
            final @Nullable String vrf) {
        final long preference = parms == null || parms.getPreference() == null ? 1 : parms.getPreference().toJava();
        final Bfd bfd = parms == null ? null : parms.getBfd();
        return new NextHopConfig(index, address, iface, special, preference, tracking(bfd, address, iface, vrf));
    }

    /**
     * The tracking of a next hop, or null when BFD is not enabled on it.
     *
     * @throws IllegalArgumentException when the next hop cannot be tracked as configured
     */
    static Tracking.OwnSession ownSession(final Bfd bfd, final @Nullable InetAddress address,
            final @Nullable String iface, final @Nullable String vrf) {
        if (address == null) {
            throw new IllegalArgumentException("bfd needs a next-hop-address (the session's peer)");
        }
        final InetAddress source = bfd.getSourceAddr() == null ? null : toInet(bfd.getSourceAddr());
        if (source != null && source.getClass() != address.getClass()) {
            throw new IllegalArgumentException("bfd source-addr " + source.getHostAddress() + " and next-hop-address "
                + address.getHostAddress() + " are of different address families");
        }
        final int rxTtl = bfd.getRxTtl() == null ? SessionOptions.DEFAULT.minRxTtl()
            : bfd.getRxTtl().getValue().intValue();
        final SessionKey key;
        if (Boolean.TRUE.equals(bfd.getMultihop())) {
            if (source == null) {
                throw new IllegalArgumentException("bfd multihop needs source-addr (RFC 5883: the session key is the"
                    + " address pair)");
            }
            key = new MultiHopKey(source, address, vrf);
        } else {
            if (iface == null) {
                throw new IllegalArgumentException("single-hop bfd needs outgoing-interface (RFC 5881: the session"
                    + " key is the interface and the peer)");
            }
            key = new SingleHopKey(iface, address);
        }
        return new Tracking.OwnSession(key, params(bfd), new SessionOptions(source, rxTtl));
    }

    private static @Nullable Tracking tracking(final @Nullable Bfd bfd, final @Nullable InetAddress address,
            final @Nullable String iface, final @Nullable String vrf) {
        if (bfd == null || !Boolean.TRUE.equals(bfd.getEnabled())) {
            return null;
        }
        if (bfd.getSessionName() != null) {
            return new Tracking.NamedSession(bfd.getSessionName());
        }
        return ownSession(bfd, address, iface, vrf);
    }

    /**
     * The timers of a base-cfg-parms, with ietf-bfd-types' defaults.
     *
     * @param cfg the parameters
     * @return the client parameters
     */
    static SessionParams params(final BaseCfgParms cfg) {
        final int mult = cfg.getLocalMultiplier() == null ? DEFAULT_MULTIPLIER
            : cfg.getLocalMultiplier().getValue().intValue();
        long tx = DEFAULT_INTERVAL_US;
        long rx = DEFAULT_INTERVAL_US;
        switch (cfg.getIntervalConfigType()) {
            case TxRxIntervals txRx -> {
                tx = micros(txRx.getDesiredMinTxInterval());
                rx = micros(txRx.getRequiredMinRxInterval());
            }
            case SingleInterval single -> {
                tx = micros(single.getMinInterval());
                rx = tx;
            }
            case null, default -> {
                // ietf-bfd-types default case tx-rx-intervals with its defaults
            }
        }
        return new SessionParams(tx, rx, mult);
    }

    private static long micros(final @Nullable Uint32 value) {
        return value == null ? DEFAULT_INTERVAL_US : value.toJava();
    }

    /**
     * Converts an ietf-inet-types address, dropping a zone index.
     *
     * @param address the address
     * @return the Java address
     */
    static InetAddress toInet(final IpAddress address) {
        final var text = address.getIpv4Address() != null ? address.getIpv4Address().getValue()
            : address.getIpv6Address().getValue();
        final var zone = text.indexOf('%');
        return InetAddresses.forString(zone < 0 ? text : text.substring(0, zone));
    }

    static @Nullable InetAddress toInet(final @Nullable String text) {
        if (text == null) {
            return null;
        }
        final var zone = text.indexOf('%');
        return InetAddresses.forString(zone < 0 ? text : text.substring(0, zone));
    }

    /** The odl-bfd-static-route augmentation of a next hop, whichever of the four it is. */
    static final class Parms {
        private Parms() {
            // static only
        }

        static @Nullable NextHopParms of(final SimpleNextHop simple) {
            final NextHopParms v4 = simple.augmentation(org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static
                .route.rev261122.SimpleNextHop1.class);
            return v4 != null ? v4 : simple.augmentation(org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static
                .route.rev261122.SimpleNextHop2.class);
        }

        static @Nullable NextHopParms of(final NextHop entry) {
            final NextHopParms v4 = entry.augmentation(org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static
                .route.rev261122.NextHop1.class);
            return v4 != null ? v4 : entry.augmentation(org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static
                .route.rev261122.NextHop2.class);
        }
    }

    /** RFC 8349 IPv4 next-hop addresses. */
    static final class V4 {
        private V4() {
            // static only
        }

        static @Nullable InetAddress simpleAddress(final SimpleNextHop simple) {
            final var aug = simple.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4
                .unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4
                .route.next.hop.SimpleNextHop1.class);
            return aug == null || aug.getNextHopAddress() == null ? null : toInet(aug.getNextHopAddress().getValue());
        }

        static @Nullable InetAddress listAddress(final NextHop entry) {
            final var aug = entry.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4
                .unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4
                .route.next.hop.NextHop1.class);
            return aug == null || aug.getNextHopAddress() == null ? null : toInet(aug.getNextHopAddress().getValue());
        }
    }

    /** RFC 8349 IPv6 next-hop addresses. */
    static final class V6 {
        private V6() {
            // static only
        }

        static @Nullable InetAddress simpleAddress(final SimpleNextHop simple) {
            final var aug = simple.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6
                .unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6
                .route.next.hop.SimpleNextHop1.class);
            return aug == null || aug.getNextHopAddress() == null ? null : toInet(aug.getNextHopAddress().getValue());
        }

        static @Nullable InetAddress listAddress(final NextHop entry) {
            final var aug = entry.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6
                .unicast.routing.rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv6
                .route.next.hop.NextHop1.class);
            return aug == null || aug.getNextHopAddress() == null ? null : toInet(aug.getNextHopAddress().getValue());
        }
    }
}
