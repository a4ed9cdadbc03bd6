/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One configured static route: its prefix and every next hop, in configuration order.
 *
 * @param prefix destination-prefix
 * @param nextHops the simple next hop, or the entries of the next-hop-list
 */
public record StaticRouteConfig(Prefix prefix, List<NextHopConfig> nextHops) {
    /**
     * Checks and copies.
     *
     * @param prefix prefix
     * @param nextHops next hops
     */
    public StaticRouteConfig {
        requireNonNull(prefix, "prefix");
        nextHops = List.copyOf(nextHops);
    }
}
