/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;
import org.odlbfd.impl.config.ConfigValidator;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleInterval;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Static;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms.Bfd;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup2;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The rules for static routes, their BFD tracking, process-interface-status and VRFs that YANG
 * cannot express, checked on the whole candidate configuration in the commit cohort (a refusal is
 * an HTTP 400 naming the field and the rule; nothing is stored). Pure apart from the VRFs, which
 * are looked up in the kernel. The rules are listed in impl/README.md ("Static route rules").
 */
public final class StaticRouteValidator implements Function<@Nullable ControlPlaneProtocols, List<String>> {
    /** The longest hold-down: an hour (Juniper's holddown-interval stops at 255 s). */
    public static final long MAX_HOLD_DOWN_MS = 3_600_000;
    /** The longest node-id accepted for a placement (a DNS name's length). */
    static final int MAX_NODE_ID = 253;
    private static final java.util.regex.Pattern NODE_ID = java.util.regex.Pattern.compile("[^\\s/?#%,]+");

    private final KernelView kernel;

    /**
     * Creates the rules.
     *
     * @param kernel where VRFs are looked up
     */
    @Inject
    public StaticRouteValidator(final KernelView kernel) {
        this.kernel = requireNonNull(kernel);
    }

    @Override
    public List<String> apply(final @Nullable ControlPlaneProtocols protocols) {
        final List<String> errors = new ArrayList<>();
        if (protocols == null) {
            return errors;
        }
        final BfdSessions sessions = BfdSessions.of(protocols.nonnullControlPlaneProtocol().values());
        final Map<String, java.util.SortedSet<String>> prefixOwners = new java.util.TreeMap<>();
        final Map<String, String> coupled = new HashMap<>();
        for (var protocol : protocols.nonnullControlPlaneProtocol().values()) {
            if (protocol.getType() instanceof Static) {
                instance(protocol, sessions, prefixOwners, errors);
            } else if (protocol.getType() instanceof Bfdv1) {
                bfdInstance(protocol, coupled, errors);
            }
        }
        for (var entry : prefixOwners.entrySet()) {
            if (entry.getValue().size() > 1) {
                errors.add("static route " + entry.getKey().trim() + ": configured in static protocols "
                    + String.join(" and ", entry.getValue()) + " of the same VRF (one route per prefix and VRF)");
            }
        }
        return errors;
    }

    private void instance(final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313
            .routing.control.plane.protocols.ControlPlaneProtocol protocol, final BfdSessions sessions,
            final Map<String, java.util.SortedSet<String>> prefixOwners, final List<String> errors) {
        final String name = protocol.requireName();
        final List<String> readErrors = new ArrayList<>();
        final StaticInstance instance = ConfigReader.instance(protocol, readErrors);
        // what the reader refuses (bfd without an address, multihop without a source, ...) is a rule too
        errors.addAll(readErrors);
        if (instance.holdDownMillis() > MAX_HOLD_DOWN_MS) {
            errors.add("static protocol " + name + ": hold-down " + instance.holdDownMillis() + " must be in 0.."
                + MAX_HOLD_DOWN_MS + " ms");
        }
        final String node = instance.node();
        if (node != null) {
            placement(name, node, instance, errors);
        }
        if (instance.vrf() != null && node == null && !kernel.vrfExists(instance.vrf())) {
            errors.add("static protocol " + name + ": vrf " + instance.vrf() + " does not exist (no Linux VRF device"
                + " of that name: its routes would have no table)");
        }
        for (var route : instance.routes().values()) {
            prefixOwners.computeIfAbsent(route.prefix() + (node != null ? " on device " + node
                : instance.vrf() == null ? "" : " vrf " + instance.vrf()),
                k -> new java.util.TreeSet<>()).add(name);
            for (var nh : route.nextHops()) {
                nextHop(name, route.prefix(), nh, sessions, errors);
            }
        }
        rawBfd(protocol, name, errors);
    }

    /**
     * Placement on a NETCONF device (issue 11, controller-driven tracking). The node-id is the key of
     * the device's topology-netconf node, used as it is in RESTCONF paths and NETCONF mount points.
     */
    private static void placement(final String name, final String node, final StaticInstance instance,
            final List<String> errors) {
        if (node.length() > MAX_NODE_ID || !NODE_ID.matcher(node).matches()) {
            errors.add("static protocol " + name + ": placement node " + node + " is not a topology-netconf node-id"
                + " (1.." + MAX_NODE_ID + " characters, no whitespace, '/', '?', '#', '%' or ',': it is a key in"
                + " RESTCONF paths)");
        }
        if (instance.vrf() != null) {
            errors.add("static protocol " + name + ": vrf " + instance.vrf() + " with placement node " + node
                + ": vrf names a Linux VRF of the controller, and placed routes go into the device's instance of the"
                + " same name; remove one of them");
        }
    }

    private static void nextHop(final String protocol, final Prefix prefix, final NextHopConfig nh,
            final BfdSessions sessions, final List<String> errors) {
        final String where = "static route " + prefix + " next hop " + (nh.index().isEmpty() ? nh.describe()
            : nh.index()) + " (protocol " + protocol + ")";
        if (nh.preference() == 0) {
            errors.add(where + ": preference 0 is reserved for connected routes; use 1..4294967295");
        }
        if ("receive".equals(nh.special())) {
            errors.add(where + ": special-next-hop receive is not supported (the controller installs forwarding"
                + " routes only); use blackhole, unreachable or prohibit");
        }
        if (nh.tracking() instanceof Tracking.NamedSession named && !sessions.names().containsKey(named.name())) {
            errors.add(where + ": bfd session-name " + named.name() + " names no configured BFD session");
        }
        if (nh.tracking() instanceof Tracking.OwnSession own && own.options().source() != null
                && !own.options().source().getClass().equals(prefix.address().getClass())) {
            errors.add(where + ": bfd source-addr " + own.options().source().getHostAddress()
                + " is not of the route's address family");
        }
        final InetAddress address = nh.address();
        if (address != null && (address.isAnyLocalAddress() || address.isMulticastAddress())) {
            errors.add(where + ": next-hop-address " + address.getHostAddress() + " must be a unicast address");
        }
    }

    /** The BFD leaves the reader does not carry into the model: checked on the bindings. */
    private static void rawBfd(final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313
            .routing.control.plane.protocols.ControlPlaneProtocol protocol, final String name,
            final List<String> errors) {
        for (var entry : BfdLeaves.of(protocol).entrySet()) {
            final Bfd bfd = entry.getValue();
            final String where = entry.getKey() + " (protocol " + name + ")";
            if (!Boolean.TRUE.equals(bfd.getEnabled())) {
                continue;
            }
            // defaults may come filled in (the datastore's candidate has them): only other values count
            final boolean rxTtlSet = bfd.getRxTtl() != null
                && bfd.getRxTtl().getValue().intValue() != SessionOptions.DEFAULT.minRxTtl();
            if (bfd.getSessionName() != null && (Boolean.TRUE.equals(bfd.getMultihop()) || bfd.getSourceAddr() != null
                    || rxTtlSet || !ConfigReader.params(bfd).equals(SessionParams.DEFAULT))) {
                errors.add(where + ": bfd session-name tracks a configured session, whose own settings apply;"
                    + " multihop, source-addr, rx-ttl, local-multiplier and intervals must be absent");
            }
            if (rxTtlSet && !Boolean.TRUE.equals(bfd.getMultihop())) {
                errors.add(where + ": bfd rx-ttl applies to multihop only (single-hop requires 255, RFC 5881 §5)");
            }
            intervals(where, bfd, errors);
        }
    }

    private static void intervals(final String where, final Bfd bfd, final List<String> errors) {
        final long floor = ConfigValidator.PLATFORM_FLOOR_US;
        switch (bfd.getIntervalConfigType()) {
            case TxRxIntervals txRx -> {
                final Uint32 tx = txRx.getDesiredMinTxInterval();
                final Uint32 rx = txRx.getRequiredMinRxInterval();
                if (tx != null && tx.toJava() < floor) {
                    errors.add(where + ": bfd desired-min-tx-interval " + tx + " must be >= " + floor
                        + " us (never 0, RFC 5880 section 6.8.1; platform floor 10 ms)");
                }
                if (rx != null && rx.toJava() != 0 && rx.toJava() < floor) {
                    errors.add(where + ": bfd required-min-rx-interval " + rx + " must be 0 or >= " + floor + " us");
                }
            }
            case SingleInterval single -> {
                final Uint32 min = single.getMinInterval();
                if (min != null && min.toJava() < floor) {
                    errors.add(where + ": bfd min-interval " + min + " must be >= " + floor + " us");
                }
            }
            case null, default -> {
                // defaults: 1 s
            }
        }
    }

    private void bfdInstance(final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313
            .routing.control.plane.protocols.ControlPlaneProtocol protocol, final Map<String, String> coupled,
            final List<String> errors) {
        final var aug = protocol.augmentation(ControlPlaneProtocol1.class);
        if (aug == null || aug.getBfd() == null) {
            return;
        }
        final var mh = aug.getBfd().augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd
            .ip.mh.rev220922.Bfd1.class);
        if (mh != null && mh.getIpMh() != null && mh.getIpMh().getSessionGroups() != null) {
            for (SessionGroup group : mh.getIpMh().getSessionGroups().nonnullSessionGroup().values()) {
                final var vrf = group.augmentation(SessionGroup2.class);
                if (vrf != null && vrf.getVrf() != null && !kernel.vrfExists(vrf.getVrf())) {
                    errors.add("ip-mh session-group source-addr=" + ConfigReader.toInet(group.requireSourceAddr())
                        .getHostAddress() + " dest-addr=" + ConfigReader.toInet(group.requireDestAddr())
                        .getHostAddress() + " (protocol " + protocol.requireName() + "): vrf " + vrf.getVrf()
                        + " does not exist (no Linux VRF device of that name to bind the session to)");
                }
            }
        }
        // process-interface-status: one session per interface (seed 000)
        final var sh = aug.getBfd().augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd
            .ip.sh.rev220922.Bfd1.class);
        if (sh != null && sh.getIpSh() != null && sh.getIpSh().getSessions() != null) {
            for (var session : sh.getIpSh().getSessions().nonnullSession().values()) {
                final var status = session.augmentation(org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext
                    .rev261122.Session2.class);
                if (status == null || status.getProcessInterfaceStatus() == null) {
                    continue;
                }
                final String dest = ConfigReader.toInet(session.requireDestAddr()).getHostAddress();
                final String other = coupled.putIfAbsent(session.requireInterface(), dest);
                if (other != null) {
                    errors.add("ip-sh session interface=" + session.requireInterface() + " dest-addr=" + dest
                        + " (protocol " + protocol.requireName() + "): process-interface-status is already set on the"
                        + " session to " + other + " (one session per interface drives its status)");
                }
            }
        }
    }
}
