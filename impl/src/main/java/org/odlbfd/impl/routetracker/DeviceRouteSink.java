/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.Map;

/**
 * Where the routes of static instances placed on NETCONF devices go (odl-bfd-static-route
 * {@code placement/node}): package {@code southbound} renders them into the devices' RFC 8349
 * configuration. The tracker hands over the whole set each time one of them changes, so a receiver
 * compares it with what it has and can never miss a step.
 */
public interface DeviceRouteSink {
    /** Renders nothing (no southbound, or tests). */
    DeviceRouteSink NONE = (instances, eventNanos) -> {
        // nothing rendered
    };

    /**
     * The routes of every placed instance, now.
     *
     * @param instances by instance name; an instance no longer placed is absent
     * @param eventNanos {@link System#nanoTime()} of the BFD event behind the change, 0 for a configuration change
     */
    void placed(Map<String, PlacedRoutes> instances, long eventNanos);
}
