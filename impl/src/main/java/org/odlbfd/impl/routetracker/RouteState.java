/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A route as computed: every next hop's state, the ones in use, and when that set last changed.
 *
 * @param instance the static instance
 * @param vrf its VRF, or null
 * @param prefix the destination
 * @param nextHops every configured next hop, in configuration order
 * @param lastUpdated when the next hops in use last changed
 */
record RouteState(String instance, @Nullable String vrf, Prefix prefix, List<NextHopState> nextHops,
        Instant lastUpdated) {
    RouteState {
        requireNonNull(instance);
        requireNonNull(prefix);
        nextHops = List.copyOf(nextHops);
        requireNonNull(lastUpdated);
    }

    List<NextHopConfig> inUse() {
        return nextHops.stream().filter(NextHopState::active).map(NextHopState::config).toList();
    }

    boolean active() {
        return nextHops.stream().anyMatch(NextHopState::active);
    }

    /**
     * The preference of the next hops in use.
     *
     * @return the preference, or 0 when none is in use
     */
    long preference() {
        return nextHops.stream().filter(NextHopState::active).mapToLong(n -> n.config().preference()).min()
            .orElse(0);
    }

    boolean wasUsable(final String index) {
        return nextHops.stream().anyMatch(n -> n.config().index().equals(index) && n.usability().usable());
    }
}
