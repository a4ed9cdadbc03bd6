/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.NextHopContent;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.NextHopList;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.content.next.hop.options.SimpleNextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.NextHopParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.next.hop.parms.Bfd;

/**
 * Every next hop's odl-bfd-static-route {@code bfd} container of a static instance, as configured
 * (absent leaves stay null), by a readable location: for the rules about leaves that must be absent.
 */
final class BfdLeaves {
    private BfdLeaves() {
        // static only
    }

    static Map<String, Bfd> of(final ControlPlaneProtocol protocol) {
        final Map<String, Bfd> result = new LinkedHashMap<>();
        final var statics = protocol.getStaticRoutes();
        if (statics == null) {
            return result;
        }
        final var v4 = statics.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast
            .routing.rev180313.StaticRoutes1.class);
        if (v4 != null && v4.getIpv4() != null) {
            for (var route : v4.getIpv4().nonnullRoute().values()) {
                add(result, "static route " + route.requireDestinationPrefix().getValue(), route.getNextHop());
            }
        }
        final var v6 = statics.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast
            .routing.rev180313.StaticRoutes1.class);
        if (v6 != null && v6.getIpv6() != null) {
            for (var route : v6.getIpv6().nonnullRoute().values()) {
                add(result, "static route " + route.requireDestinationPrefix().getValue(), route.getNextHop());
            }
        }
        return result;
    }

    private static void add(final Map<String, Bfd> result, final String route, final NextHopContent content) {
        final var options = content == null ? null : content.getNextHopOptions();
        if (options instanceof SimpleNextHop simple) {
            put(result, route + " next hop", ConfigReader.Parms.of(simple));
        } else if (options instanceof NextHopList list && list.getNextHopList() != null) {
            for (var entry : list.getNextHopList().nonnullNextHop().values()) {
                put(result, route + " next hop " + entry.requireIndex(), ConfigReader.Parms.of(entry));
            }
        }
    }

    private static void put(final Map<String, Bfd> result, final String where, final NextHopParms parms) {
        if (parms != null && parms.getBfd() != null) {
            result.put(where, parms.getBfd());
        }
    }
}
