/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One static control-plane-protocol instance.
 *
 * @param name the instance name
 * @param vrf the Linux VRF its routes go into, or null for the default VRF
 * @param holdDownMillis odl-bfd-static-route hold-down (Huawei WTR)
 * @param adminDownWithdraw odl-bfd-static-route admin-down-withdraw (RFC 5882 §3.2)
 * @param routes the routes by prefix
 * @param node the NETCONF device (topology-netconf node-id) its routes are rendered on instead of the
 *     controller's kernel (odl-bfd-static-route {@code placement/node}), or null
 */
public record StaticInstance(String name, @Nullable String vrf, long holdDownMillis, boolean adminDownWithdraw,
        Map<Prefix, StaticRouteConfig> routes, @Nullable String node) {
    /**
     * Checks and copies.
     *
     * @param name name
     * @param vrf VRF or null
     * @param holdDownMillis hold-down
     * @param adminDownWithdraw admin-down handling
     * @param routes routes
     * @param node device or null
     */
    public StaticInstance {
        requireNonNull(name, "name");
        routes = Map.copyOf(routes);
    }

    /**
     * An instance whose routes stay on the controller.
     *
     * @param name name
     * @param vrf VRF or null
     * @param holdDownMillis hold-down
     * @param adminDownWithdraw admin-down handling
     * @param routes routes
     */
    public StaticInstance(final String name, final @Nullable String vrf, final long holdDownMillis,
            final boolean adminDownWithdraw, final Map<Prefix, StaticRouteConfig> routes) {
        this(name, vrf, holdDownMillis, adminDownWithdraw, routes, null);
    }
}
