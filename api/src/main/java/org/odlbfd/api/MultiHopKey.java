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
import org.eclipse.jdt.annotation.Nullable;

/**
 * Key of an RFC 5883 multihop session: ietf-bfd-ip-mh {@code session-group[source-addr][dest-addr]}
 * and the Linux VRF it runs in (odl-bfd-ext {@code vrf}): the same two addresses in two VRFs are
 * two paths, so two sessions. A single-hop key needs no VRF, its interface belongs to one.
 *
 * @param source the local address
 * @param destination the peer's address, of the same family as {@code source}
 * @param vrf the Linux VRF (l3mdev device name), or null for the default VRF
 */
public record MultiHopKey(InetAddress source, InetAddress destination, @Nullable String vrf) implements SessionKey {
    /**
     * Checks the components.
     *
     * @param source the local address
     * @param destination the peer's address, of the same family as {@code source}
     * @param vrf the VRF, or null for the default VRF
     */
    public MultiHopKey {
        requireNonNull(source, "source");
        requireNonNull(destination, "destination");
        if (vrf != null && vrf.isEmpty()) {
            throw new IllegalArgumentException("vrf must not be empty (null names the default VRF)");
        }
        if (source.getClass() != destination.getClass()) {
            throw new IllegalArgumentException("source " + source.getHostAddress() + " and destination "
                + destination.getHostAddress() + " are of different address families");
        }
    }

    /**
     * A key in the default VRF.
     *
     * @param source the local address
     * @param destination the peer's address, of the same family as {@code source}
     */
    public MultiHopKey(final InetAddress source, final InetAddress destination) {
        this(source, destination, null);
    }

    @Override
    public PathType pathType() {
        return PathType.IP_MULTI_HOP;
    }

    @Override
    public String toString() {
        return "ip-mh " + source.getHostAddress() + "," + destination.getHostAddress()
            + (vrf == null ? "" : " vrf " + vrf);
    }
}
