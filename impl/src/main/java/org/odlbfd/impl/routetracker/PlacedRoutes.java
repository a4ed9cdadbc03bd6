/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of a static instance placed on a NETCONF device, as the device should hold them now:
 * every route with at least one next hop in use, listing only those (issue 11, controller-driven
 * tracking: the controller's own sessions decide, the device only forwards).
 *
 * @param instance the static control-plane-protocol instance (the same name on the device)
 * @param node the device's topology-netconf node-id
 * @param routes the next hops in use by prefix; a route with none in use is absent
 */
public record PlacedRoutes(String instance, String node, Map<Prefix, List<NextHopConfig>> routes) {
    /**
     * Checks and copies.
     *
     * @param instance instance
     * @param node node-id
     * @param routes routes
     */
    public PlacedRoutes {
        requireNonNull(instance, "instance");
        requireNonNull(node, "node");
        routes = Map.copyOf(routes);
    }

    /**
     * The placed instances of a configuration with the routes' states.
     *
     * @param config the configuration
     * @param states the routes as computed
     * @return by instance name
     */
    static Map<String, PlacedRoutes> of(final TrackedConfig config, final Map<RouteId, RouteState> states) {
        final Map<String, PlacedRoutes> result = new LinkedHashMap<>();
        for (var instance : config.instances().values()) {
            final String node = instance.node();
            if (node == null) {
                continue;
            }
            final Map<Prefix, List<NextHopConfig>> routes = new LinkedHashMap<>();
            for (var prefix : instance.routes().keySet()) {
                final RouteState state = states.get(new RouteId(instance.name(), prefix));
                final List<NextHopConfig> inUse = state == null ? List.of() : new ArrayList<>(state.inUse());
                if (!inUse.isEmpty()) {
                    routes.put(prefix, inUse);
                }
            }
            result.put(instance.name(), new PlacedRoutes(instance.name(), node, routes));
        }
        return result;
    }
}
