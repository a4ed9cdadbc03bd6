/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.net.InetAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * What a packet must satisfy once Your Discriminator (or, while it is zero, the address key) has
 * selected its session, before any field of it is believed. A discriminator is no credential: it
 * travels in clear, so without these checks a packet to another port, from another interface or
 * from anywhere off-link would drive the session's state machine.
 * <ul>
 *   <li>the kind: single-hop sessions take packets from port 3784 only (RFC 5881 §4), multihop
 *       sessions from 4784 only (RFC 5883 §2);</li>
 *   <li>single-hop: TTL / Hop Limit 255 (RFC 5881 §5, GTSM), the session's interface and its
 *       peer's address (RFC 5881 §3: "the session is bound to the interface"), but not the
 *       address on a point-to-point interface (RFC 5881 §6, {@link PointToPoint});</li>
 *   <li>multihop: the session's (source, destination) pair and TTL at least the session's own
 *       rx-ttl (RFC 5883 §2: "the TTL ... checked ... against a configured minimum"), checked
 *       per session, so that sessions sharing a socket keep their own floors and a changed
 *       rx-ttl applies at once.</li>
 * </ul>
 * One instance per shard, used on its thread only. Address bytes are cached per configuration
 * (identity: a changed configuration is a new object), so that a check allocates nothing.
 */
final class PacketAcceptance {
    private static final int MAX_TTL = 255;
    private static final int MAX_CACHED = 1 << 16;

    private record Expect(byte[] peer, byte @Nullable [] local) {
    }

    private final Map<SessionConfig, Expect> expected = new IdentityHashMap<>();
    private final PointToPoint pointToPoint;

    PacketAcceptance(final PointToPoint pointToPoint) {
        this.pointToPoint = pointToPoint;
    }

    /**
     * Checks an arrival against its session.
     *
     * @param config the selected session's configuration
     * @param arrival how the packet arrived
     * @return why it must be discarded, or null to accept
     */
    @Nullable RejectReason check(final SessionConfig config, final Arrival arrival) {
        if (arrival.multiHop() == config.singleHop()) {
            return RejectReason.WRONG_PORT;
        }
        final int ttl = arrival.ttl();
        final Expect expect = expect(config);
        if (config.singleHop()) {
            if (ttl >= 0 && ttl != MAX_TTL) {
                return RejectReason.TTL_TOO_LOW;
            }
            final String ifname = arrival.interfaceName();
            if (ifname != null && !ifname.equals(config.interfaceName())) {
                return RejectReason.WRONG_INTERFACE;
            }
        } else if (ttl >= 0 && ttl < config.rxTtlFloor()) {
            return RejectReason.RX_TTL_BELOW_FLOOR;
        }
        // RFC 5881 §6: "On point-to-point interfaces, the source address of a received BFD Control
        // packet MUST NOT be used to identify the session" (the interface was checked above)
        if (!arrival.sourceIs(expect.peer()) && !(config.singleHop() && pointToPoint.on(arrival.interfaceName()))) {
            return RejectReason.WRONG_SOURCE;
        }
        final byte[] local = expect.local();
        if (!config.singleHop() && local != null && !arrival.destinationIs(local)) {
            return RejectReason.WRONG_DESTINATION;
        }
        return null;
    }

    private Expect expect(final SessionConfig config) {
        Expect expect = expected.get(config);
        if (expect == null) {
            if (expected.size() >= MAX_CACHED) {
                expected.clear();
            }
            final SessionKey key = config.key();
            final InetAddress peer = key instanceof MultiHopKey mh ? mh.destination()
                : ((SingleHopKey) key).destination();
            final InetAddress local = key instanceof MultiHopKey mh ? mh.source() : config.localAddress();
            expect = new Expect(peer.getAddress(), local == null || local.isAnyLocalAddress() ? null
                : local.getAddress());
            expected.put(config, expect);
        }
        return expect;
    }
}
