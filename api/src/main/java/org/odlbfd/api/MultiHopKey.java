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
 * Key of an RFC 5883 multihop session: ietf-bfd-ip-mh {@code session-group[source-addr][dest-addr]}.
 *
 * @param source the local address
 * @param destination the peer's address, of the same family as {@code source}
 */
public record MultiHopKey(InetAddress source, InetAddress destination) implements SessionKey {
    /**
     * Checks the components.
     *
     * @param source the local address
     * @param destination the peer's address, of the same family as {@code source}
     */
    public MultiHopKey {
        requireNonNull(source, "source");
        requireNonNull(destination, "destination");
        if (source.getClass() != destination.getClass()) {
            throw new IllegalArgumentException("source " + source.getHostAddress() + " and destination "
                + destination.getHostAddress() + " are of different address families");
        }
    }

    @Override
    public PathType pathType() {
        return PathType.IP_MULTI_HOP;
    }

    @Override
    public String toString() {
        return "ip-mh " + source.getHostAddress() + "," + destination.getHostAddress();
    }
}
