/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A route as the tracker wants it in the kernel: every next hop in use (several are ECMP), or none
 * to remove it.
 *
 * @param vrf the VRF whose table holds it, or null for table main
 * @param prefix the destination
 * @param hops the next hops in use; empty to withdraw the route
 * @param special a special next hop (blackhole, unreachable, prohibit) instead of hops, or null
 */
public record KernelRoute(@Nullable String vrf, Prefix prefix, List<Hop> hops, @Nullable String special) {
    /**
     * Checks and copies.
     *
     * @param vrf VRF or null
     * @param prefix prefix
     * @param hops next hops
     * @param special special next hop or null
     */
    public KernelRoute {
        requireNonNull(prefix, "prefix");
        hops = List.copyOf(hops);
    }

    /**
     * Whether this withdraws the route.
     *
     * @return true when nothing is in use
     */
    public boolean withdrawn() {
        return hops.isEmpty() && special == null;
    }

    /**
     * One next hop: a gateway, an interface, or both.
     *
     * @param gateway the next-hop address, or null for an interface route
     * @param iface the outgoing interface, or null to let the kernel resolve the gateway
     */
    public record Hop(@Nullable InetAddress gateway, @Nullable String iface) {
        /**
         * Checks that something is given.
         *
         * @param gateway gateway or null
         * @param iface interface or null
         */
        public Hop {
            if (gateway == null && iface == null) {
                throw new IllegalArgumentException("a next hop needs a gateway or an interface");
            }
        }
    }
}
