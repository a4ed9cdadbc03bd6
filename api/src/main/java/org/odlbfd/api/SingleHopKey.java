/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * Key of an RFC 5881 single-hop session: ietf-bfd-ip-sh {@code session[interface][dest-addr]}.
 *
 * @param interfaceName the interface the session is bound to
 * @param destination the peer's address, IPv4 or IPv6
 */
public record SingleHopKey(String interfaceName, InetAddress destination) implements SessionKey {
    /**
     * Checks the components.
     *
     * @param interfaceName the interface the session is bound to
     * @param destination the peer's address, IPv4 or IPv6
     */
    public SingleHopKey {
        requireNonNull(interfaceName, "interfaceName");
        requireNonNull(destination, "destination");
        if (interfaceName.isEmpty()) {
            throw new IllegalArgumentException("interface name must not be empty");
        }
    }

    @Override
    public PathType pathType() {
        return PathType.IP_SINGLE_HOP;
    }

    @Override
    public String toString() {
        return "ip-sh " + interfaceName + "," + destination.getHostAddress();
    }
}
