/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.net.InetAddress;
import java.util.Arrays;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;

/**
 * An immutable {@link Arrival}, for a datagram handed to another thread or read by a transport
 * that has no per-datagram ancillary data.
 *
 * @param multiHop arrived on the multihop port
 * @param ttl received TTL, -1 when unknown
 * @param interfaceName arrival interface, or null when unknown
 * @param source source address
 * @param destination destination address, or null when unknown
 */
public record RxMeta(boolean multiHop, int ttl, @Nullable String interfaceName, InetAddress source,
        @Nullable InetAddress destination, @Nullable String vrf) implements Arrival {
    /**
     * An arrival in the default VRF.
     *
     * @param multiHop on the multihop port
     * @param ttl received TTL / hop limit, -1 when unknown
     * @param interfaceName arrival interface, or null
     * @param source sender
     * @param destination our address it was sent to, or null when unknown
     */
    public RxMeta(final boolean multiHop, final int ttl, final @Nullable String interfaceName,
            final InetAddress source, final @Nullable InetAddress destination) {
        this(multiHop, ttl, interfaceName, source, destination, null);
    }

    /**
     * Copies a (possibly transient) arrival.
     *
     * @param arrival the arrival
     * @return an immutable copy
     */
    public static RxMeta copyOf(final Arrival arrival) {
        if (arrival instanceof RxMeta meta) {
            return meta;
        }
        final SessionKey key = arrival.demuxKey();
        return switch (key) {
            case SingleHopKey sh -> new RxMeta(false, arrival.ttl(), sh.interfaceName(), sh.destination(), null,
                null);
            case MultiHopKey mh -> new RxMeta(arrival.multiHop(), arrival.ttl(), arrival.interfaceName(),
                mh.destination(), mh.source(), mh.vrf());
        };
    }

    @Override
    public boolean sourceIs(final byte[] address) {
        return Arrays.equals(source.getAddress(), address);
    }

    @Override
    public boolean destinationIs(final byte[] address) {
        final InetAddress dest = destination;
        return dest == null || dest.isAnyLocalAddress() || Arrays.equals(dest.getAddress(), address);
    }

    @Override
    public SessionKey demuxKey() {
        final String ifname = interfaceName;
        final InetAddress dest = destination;
        if (!multiHop && ifname != null) {
            return new SingleHopKey(ifname, source);
        }
        return new MultiHopKey(dest != null ? dest : source, source, vrf);
    }
}
