/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.ArrayList;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.routetracker.PlacedRoutes;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Which RFC 8349 modules a device implements, in the revisions the controller renders.
 *
 * @param routing ietf-routing
 * @param ipv4 ietf-ipv4-unicast-routing
 * @param ipv6 ietf-ipv6-unicast-routing
 */
record RouteSupport(boolean routing, boolean ipv4, boolean ipv6) {
    static final RouteSupport NONE = new RouteSupport(false, false, false);
    static final QNameModule IPV4 = org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing
        .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.Ipv4.QNAME.getModule();
    static final QNameModule IPV6 = org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv6.unicast.routing
        .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.Ipv6.QNAME.getModule();

    /**
     * What a device implements.
     *
     * @param context its schema, from the mount point
     * @return its support
     */
    static RouteSupport of(final EffectiveModelContext context) {
        return new RouteSupport(context.findModule(ControlPlaneProtocol.QNAME.getModule()).isPresent(),
            context.findModule(IPV4).isPresent(), context.findModule(IPV6).isPresent());
    }

    /**
     * What the device lacks to hold an instance's routes.
     *
     * @param placed the routes
     * @return why it cannot, or null when it can
     */
    @Nullable String missing(final PlacedRoutes placed) {
        final var lacks = new ArrayList<String>();
        if (!routing) {
            lacks.add("ietf-routing@2018-03-13 (RFC 8349)");
        }
        if (!ipv4 && placed.routes().keySet().stream().anyMatch(prefix -> prefix.ipv4())) {
            lacks.add("ietf-ipv4-unicast-routing@2018-03-13");
        }
        if (!ipv6 && placed.routes().keySet().stream().anyMatch(prefix -> !prefix.ipv4())) {
            lacks.add("ietf-ipv6-unicast-routing@2018-03-13");
        }
        return lacks.isEmpty() ? null : "the device does not implement " + String.join(", ", lacks)
            + ", which its static routes need";
    }
}
