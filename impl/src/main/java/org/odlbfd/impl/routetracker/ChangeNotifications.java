/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpPrefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv4Prefix;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Address;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Ipv6Prefix;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.NextHopsChanged;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.NextHopsChangedBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hops.changed.NextHop;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hops.changed.NextHopBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The odl-bfd-static-route {@code next-hops-changed} notification of one route change.
 */
final class ChangeNotifications {
    private ChangeNotifications() {
        // static only
    }

    /**
     * The notification of a change of a route's next hops in use.
     *
     * @param change the change (inUseChanged)
     * @return the notification
     */
    static NextHopsChanged of(final RouteChange change) {
        final RouteState now = change.after();
        final RouteState last = now != null ? now : change.before();
        final Prefix prefix = change.id().prefix();
        final List<NextHop> hops = new ArrayList<>();
        if (now != null) {
            for (NextHopConfig nh : now.inUse()) {
                hops.add(new NextHopBuilder().setOutgoingInterface(nh.outgoingInterface())
                    .setAddress(address(nh.address())).build());
            }
        }
        return new NextHopsChangedBuilder()
            .setProtocolName(change.id().instance())
            .setVrf(last == null ? null : last.vrf())
            .setDestinationPrefix(prefix.ipv4() ? new IpPrefix(new Ipv4Prefix(prefix.toString()))
                : new IpPrefix(new Ipv6Prefix(prefix.toString())))
            .setActive(now != null && now.active())
            .setRoutePreference(now != null && now.active() ? Uint32.valueOf(now.preference()) : null)
            .setNextHop(hops)
            .setCause(change.cause())
            .build();
    }

    private static @Nullable IpAddress address(final java.net.@Nullable InetAddress address) {
        if (address == null) {
            return null;
        }
        return address instanceof Inet4Address ? new IpAddress(new Ipv4Address(RibMapper.text(address)))
            : new IpAddress(new Ipv6Address(RibMapper.text(address)));
    }
}
