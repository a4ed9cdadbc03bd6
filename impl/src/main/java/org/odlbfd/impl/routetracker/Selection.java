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
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.State;

/**
 * Chooses the next hops a route uses (pure): among the usable ones, those of the lowest
 * preference (RFC 9403: lower is preferred, equal preferences are ECMP). A route with no usable
 * next hop is withdrawn.
 */
final class Selection {
    private Selection() {
        // static only
    }

    /**
     * Marks the next hops in use.
     *
     * @param route the configured route
     * @param usability each next hop's usability
     * @param sessionState each next hop's session state, null when untracked
     * @return one state per next hop, in configuration order
     */
    static List<NextHopState> select(final StaticRouteConfig route, final Function<NextHopConfig, Usability> usability,
            final Function<NextHopConfig, @Nullable State> sessionState) {
        long best = Long.MAX_VALUE;
        final List<Usability> uses = new ArrayList<>(route.nextHops().size());
        for (NextHopConfig nh : route.nextHops()) {
            final Usability use = usability.apply(nh);
            uses.add(use);
            if (use.usable()) {
                best = Math.min(best, nh.preference());
            }
        }
        final List<NextHopState> result = new ArrayList<>(uses.size());
        for (int i = 0; i < uses.size(); i++) {
            final NextHopConfig nh = route.nextHops().get(i);
            final Usability use = uses.get(i);
            result.add(new NextHopState(nh, use, sessionState.apply(nh), use.usable() && nh.preference() == best));
        }
        return result;
    }
}
