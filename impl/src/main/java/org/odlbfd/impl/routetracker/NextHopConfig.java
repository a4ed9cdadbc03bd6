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
import org.eclipse.jdt.annotation.Nullable;

/**
 * One configured next hop of a static route.
 *
 * @param index the next-hop-list index, or the empty string for the simple-next-hop case
 * @param address next-hop-address, or null (an interface route, or a special next hop)
 * @param outgoingInterface outgoing-interface, or null
 * @param special special-next-hop (blackhole, unreachable, prohibit, receive), or null
 * @param preference RFC 9403 preference: lower wins, equal ones are ECMP
 * @param tracking BFD tracking, or null when untracked
 */
public record NextHopConfig(String index, @Nullable InetAddress address, @Nullable String outgoingInterface,
        @Nullable String special, long preference, @Nullable Tracking tracking) {
    /** The index of the simple-next-hop case. */
    public static final String SIMPLE = "";

    /**
     * Checks the components.
     *
     * @param index index
     * @param address address or null
     * @param outgoingInterface interface or null
     * @param special special next hop or null
     * @param preference preference
     * @param tracking tracking or null
     */
    public NextHopConfig {
        requireNonNull(index, "index");
        if (address == null && outgoingInterface == null && special == null) {
            throw new IllegalArgumentException("a next hop needs an address, an interface or a special next hop");
        }
    }

    /**
     * A readable name: the address, the interface, or both.
     *
     * @return e.g. {@code 192.0.2.2 dev vA}
     */
    public String describe() {
        if (special != null) {
            return special;
        }
        final String via = address == null ? "" : address.getHostAddress();
        return outgoingInterface == null ? via : via.isEmpty() ? "dev " + outgoingInterface
            : via + " dev " + outgoingInterface;
    }
}
