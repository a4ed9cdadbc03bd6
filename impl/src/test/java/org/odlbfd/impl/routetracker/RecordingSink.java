/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kernel at the unit test's edge: records what the tracker installs and withdraws.
 */
final class RecordingSink implements RouteSink {
    final List<KernelRoute> applied = new CopyOnWriteArrayList<>();
    final Map<Prefix, KernelRoute> table = new ConcurrentHashMap<>();
    final List<Set<RouteKey>> configured = new CopyOnWriteArrayList<>();

    @Override
    public void configured(final Set<RouteKey> routes) {
        configured.add(routes);
    }

    @Override
    public void apply(final List<KernelRoute> routes, final long eventNanos) {
        for (KernelRoute route : routes) {
            applied.add(route);
            if (route.withdrawn()) {
                table.remove(route.prefix());
            } else {
                table.put(route.prefix(), route);
            }
        }
    }

    @Override
    public void close() {
        // nothing
    }
}
