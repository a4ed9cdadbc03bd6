/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.List;
import java.util.Set;

/**
 * Where the tracker's routes go beyond the datastore: the Linux kernel (package {@code kernel}),
 * or nowhere ({@link #NONE}, the default: a controller host is not always a router).
 */
public interface RouteSink extends AutoCloseable {
    /** Installs nothing. */
    RouteSink NONE = new None();

    /**
     * The configuration has been read: routes of ours left from an earlier run whose (VRF, prefix)
     * is not among these can go now; the others wait until the tracker installs them or a grace
     * period ends (start-up reconciliation).
     *
     * @param routes every configured route
     */
    void configured(Set<RouteKey> routes);

    /**
     * Installs, replaces or withdraws routes, in order, without blocking the caller.
     *
     * @param routes the routes
     * @param eventNanos {@link System#nanoTime()} of the BFD event behind them, 0 for a configuration change
     */
    void apply(List<KernelRoute> routes, long eventNanos);

    @Override
    void close();

    /**
     * A route's identity in the kernel: its table (by VRF) and prefix.
     *
     * @param vrf VRF or null for table main
     * @param prefix destination
     */
    record RouteKey(@org.eclipse.jdt.annotation.Nullable String vrf, Prefix prefix) {
    }

    /** Installs nothing (a public class: the wiring calls its close() reflectively). */
    final class None implements RouteSink {
        private None() {
            // the one instance is NONE
        }

        @Override
        public void configured(final Set<RouteKey> routes) {
            // nothing installed
        }

        @Override
        public void apply(final List<KernelRoute> routes, final long eventNanos) {
            // nothing installed
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
