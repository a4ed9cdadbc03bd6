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
 */
public record StaticInstance(String name, @Nullable String vrf, long holdDownMillis, boolean adminDownWithdraw,
        Map<Prefix, StaticRouteConfig> routes) {
    /**
     * Checks and copies.
     *
     * @param name name
     * @param vrf VRF or null
     * @param holdDownMillis hold-down
     * @param adminDownWithdraw admin-down handling
     * @param routes routes
     */
    public StaticInstance {
        requireNonNull(name, "name");
        routes = Map.copyOf(routes);
    }
}
