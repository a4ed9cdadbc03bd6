/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import javax.inject.Inject;
import org.odlbfd.api.BfdSessionService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static route tracking as one unit for the wiring: the configuration listener, the tracker and
 * the operational RIB writer, started in that order's reverse and stopped in it.
 */
public final class RouteTracking implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTracking.class);

    private final RibWriter writer;
    private final RouteTracker tracker;
    private final StaticRouteListener listener;

    /**
     * Starts tracking.
     *
     * @param dataBroker the binding data broker
     * @param notifications where next-hops-changed goes
     * @param sessions the BFD client API
     * @param kernel links, addresses and VRFs of this host
     * @param sink where routes go beyond the datastore (the kernel, or nowhere)
     * @param latency event-to-effect figures
     * @param devices where the routes of instances placed on NETCONF devices go (package southbound)
     */
    @Inject
    public RouteTracking(final DataBroker dataBroker, final NotificationPublishService notifications,
            final BfdSessionService sessions, final KernelView kernel, final RouteSink sink, final LatencyLog latency,
            final DeviceRouteSink devices) {
        writer = new RibWriter(dataBroker, notifications, latency);
        tracker = new RouteTracker(sessions, kernel, sink, writer, devices);
        listener = new StaticRouteListener(dataBroker, tracker);
        LOG.info("BFD static route tracking started ({})", sink == RouteSink.NONE ? "operational RIB only"
            : "kernel routes on");
    }

    RouteTracker tracker() {
        return tracker;
    }

    RibWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        listener.close();
        tracker.close();
        writer.close();
    }
}
