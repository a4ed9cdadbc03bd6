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

/**
 * Where computed routes go in the controller: the operational RIB, the next hops' state leaves,
 * the interfaces' BFD status and the next-hops-changed notifications ({@link RibWriter}).
 */
interface RouteOutput extends AutoCloseable {
    /**
     * Routes changed.
     *
     * @param changes the changes, in order
     * @param eventNanos {@link System#nanoTime()} of the BFD event behind them, 0 for a configuration change
     */
    void routesChanged(List<RouteChange> changes, long eventNanos);

    /**
     * The interfaces' BFD status (the whole set: interfaces absent from it have none).
     *
     * @param statuses status by interface
     */
    void interfaces(Map<String, InterfaceStatus.Status> statuses);

    @Override
    void close();
}
