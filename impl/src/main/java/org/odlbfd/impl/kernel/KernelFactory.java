/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import java.io.IOException;
import org.odlbfd.impl.linux.NativeLibrary;
import org.odlbfd.impl.routetracker.KernelView;
import org.odlbfd.impl.routetracker.LatencyLog;
import org.odlbfd.impl.routetracker.RouteSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the kernel side for the wiring (Blueprint factory methods): the link table where
 * rtnetlink is available, and the route installer when {@code kernel-routes=true}.
 */
public final class KernelFactory {
    /** The metric of our routes unless {@code kernel-route-metric} says otherwise (zebra's too). */
    public static final int DEFAULT_METRIC = 20;
    private static final Logger LOG = LoggerFactory.getLogger(KernelFactory.class);

    private KernelFactory() {
        // static only
    }

    /**
     * The links of the namespace the controller runs in.
     *
     * @return a live link table, or {@link KernelView#NONE} where rtnetlink is unavailable (logged)
     */
    public static KernelView links() {
        if (!NativeLibrary.isAvailable()) {
            LOG.warn("No rtnetlink ({}): interface resolution, sub-interfaces and VRF checks are off",
                String.valueOf(NativeLibrary.unavailabilityCause()));
            return KernelView.NONE;
        }
        try {
            return new LinkTable(null);
        } catch (IOException e) {
            LOG.warn("Cannot read the kernel's links: interface resolution, sub-interfaces and VRF checks are off", e);
            return KernelView.NONE;
        }
    }

    /**
     * Where the tracker's routes go.
     *
     * @param enabled {@code kernel-routes} of etc/org.odlbfd.agent.cfg
     * @param links the link table of {@link #links()}
     * @param latency figures
     * @param metric {@code kernel-route-metric}, 0 for the default
     * @return the kernel installer, or {@link RouteSink#NONE} when disabled or impossible (logged)
     */
    public static RouteSink routes(final boolean enabled, final KernelView links, final LatencyLog latency,
            final int metric) {
        if (!enabled) {
            return RouteSink.NONE;
        }
        if (!(links instanceof LinkTable table)) {
            LOG.error("kernel-routes=true but rtnetlink is unavailable: routes stay in the operational RIB only");
            return RouteSink.NONE;
        }
        try {
            return new KernelRoutes(table, latency, metric > 0 ? metric : DEFAULT_METRIC, null);
        } catch (IOException e) {
            LOG.error("kernel-routes=true but the kernel's routes cannot be read: routes stay in the operational RIB"
                + " only", e);
            return RouteSink.NONE;
        }
    }
}
