/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * What the host (or network namespace) the embedded agent runs in has: its addresses and its
 * interfaces. A snapshot, taken once per validated transaction.
 */
public interface Host {
    /** A host that has every address and every interface: rules that need a host pass. */
    Host ANY = new Host() {
        @Override
        public boolean isLocal(final InetAddress address) {
            return true;
        }

        @Override
        public boolean hasInterface(final String name) {
            return true;
        }
    };

    /**
     * Whether an address is configured on one of the host's interfaces.
     *
     * @param address the address, without zone
     * @return true when local
     */
    boolean isLocal(InetAddress address);

    /**
     * Whether an interface of this name exists.
     *
     * @param name interface name
     * @return true when it exists
     */
    boolean hasInterface(String name);

    /**
     * The host this JVM runs on, now.
     *
     * @return a snapshot of its interfaces and addresses
     */
    static Host system() {
        final Set<InetAddress> addresses = new HashSet<>();
        final Set<String> names = new HashSet<>();
        try {
            final Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            while (all != null && all.hasMoreElements()) {
                final var nif = all.nextElement();
                names.add(nif.getName());
                // InetAddress equality ignores an IPv6 scope id, so fe80::1%vA matches a configured fe80::1
                nif.inetAddresses().forEach(addresses::add);
            }
        } catch (SocketException e) {
            // no view of the host: nothing is local, which refuses rather than accepts
            LoggerFactory.getLogger(Host.class).warn("Cannot list the host's interfaces", e);
        }
        final var frozenAddresses = Set.copyOf(addresses);
        final var frozenNames = Set.copyOf(names);
        return new Host() {
            @Override
            public boolean isLocal(final InetAddress address) {
                return frozenAddresses.contains(address);
            }

            @Override
            public boolean hasInterface(final String name) {
                return frozenNames.contains(name);
            }
        };
    }
}
