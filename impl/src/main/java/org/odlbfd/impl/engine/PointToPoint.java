/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.Session;
import org.odlbfd.impl.session.SessionTable;

/**
 * Single-hop sessions on point-to-point links, RFC 5881 §6:
 * <blockquote>"On point-to-point interfaces, the source address of a received BFD Control packet
 * MUST NOT be used to identify the session. This means that the initial BFD packet MUST be
 * accepted with any source address, and that subsequent BFD packets MUST be demultiplexed solely
 * by the Your Discriminator field (as is always the case)."</blockquote>
 * ietf-bfd keys a single-hop session by (interface, peer address), and a packet with Your
 * Discriminator 0 is matched on both (RFC 5880 §6.3, RFC 5881 §3). When that finds nothing and the
 * packet arrived on a point-to-point interface, the one single-hop session of the packet's address
 * family on that interface that has not learnt its peer's discriminator yet takes it: on such a
 * link there is only one peer. None or several candidates: the packet is dropped and counted as
 * before. The acceptance checks ({@link PacketAcceptance}) still apply, but the source address is
 * not checked on a point-to-point interface (the same clause).
 *
 * <p>Which interfaces are point-to-point is the transport's knowledge (Linux IFF_POINTOPOINT),
 * given as a predicate: the engine itself reads no file, so it runs on a fake clock.
 */
final class PointToPoint {
    private final Map<SessionKey, Shard> keyShards;
    private volatile Predicate<String> interfaces = ifname -> false;

    PointToPoint(final Map<SessionKey, Shard> keyShards) {
        this.keyShards = keyShards;
    }

    void interfaces(final Predicate<String> pointToPoint) {
        interfaces = requireNonNull(pointToPoint);
    }

    /**
     * Whether an interface is point-to-point.
     *
     * @param ifname the arrival interface, or null when unknown
     * @return true when the transport says so
     */
    boolean on(final @Nullable String ifname) {
        return ifname != null && interfaces.test(ifname);
    }

    /**
     * The key of the only single-hop session of the packet's family on its point-to-point
     * interface, for a packet with Your Discriminator 0 whose own key matches no session. Looks
     * through the sessions' keys: a miss on a point-to-point link happens while a session comes up.
     *
     * @param key the packet's demultiplexing key
     * @return the candidate's key, or null when the key is known, the interface is not
     *     point-to-point, or there is no single candidate
     */
    @Nullable SingleHopKey candidate(final SessionKey key) {
        if (!(key instanceof SingleHopKey sh) || keyShards.containsKey(key) || !on(sh.interfaceName())) {
            return null;
        }
        final boolean v4 = sh.destination() instanceof Inet4Address;
        SingleHopKey found = null;
        for (SessionKey each : keyShards.keySet()) {
            if (each instanceof SingleHopKey other && other.interfaceName().equals(sh.interfaceName())
                    && other.destination() instanceof Inet4Address == v4) {
                if (found != null) {
                    return null;
                }
                found = other;
            }
        }
        return found;
    }

    /**
     * The shard of a packet's point-to-point candidate.
     *
     * @param key the packet's demultiplexing key
     * @return the shard, or null when there is no candidate
     */
    @Nullable Shard shardOf(final SessionKey key) {
        final SingleHopKey only = candidate(key);
        return only == null ? null : keyShards.get(only);
    }

    /**
     * Selects the session of a packet with Your Discriminator 0 on a shard: its own key, else the
     * point-to-point candidate while that has not learnt bfd.RemoteDiscr (once it has, the peer's
     * packets carry Your Discriminator and are selected by it).
     *
     * @param table the shard's sessions
     * @param key the packet's demultiplexing key
     * @return the session, or null
     */
    @Nullable Session find(final SessionTable table, final SessionKey key) {
        final Session exact = table.byDemuxKey(key);
        if (exact != null) {
            return exact;
        }
        final SingleHopKey only = candidate(key);
        final Session session = only == null ? null : table.byKey(only);
        return session != null && session.remoteDiscr() == 0 && session.sessionState() != State.UP ? session : null;
    }
}
