/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;

/**
 * The sessions of one engine thread, indexed three ways: by bfd.LocalDiscr (an int map, hit by
 * every packet with a non-zero Your Discriminator), by {@link SessionKey} (configuration and
 * clients), and by the key a packet with Your Discriminator zero is demultiplexed on (RFC 5880
 * §6.8.6: source address and interface for single-hop, source and destination address for
 * multihop), which for ietf-bfd keys is the same SessionKey. Not thread-safe.
 */
public final class SessionTable {
    private final IntMap<Session> byDiscr = new IntMap<>();
    private final Map<SessionKey, Session> byKey = new HashMap<>();

    /**
     * Adds a session.
     *
     * @param session the session
     */
    public void add(final Session session) {
        if (byDiscr.get(session.localDiscr()) != null) {
            throw new IllegalStateException("discriminator " + Integer.toUnsignedString(session.localDiscr())
                + " in use");
        }
        if (byKey.putIfAbsent(session.config().key(), session) != null) {
            throw new IllegalStateException("session " + session.config().key() + " exists");
        }
        byDiscr.put(session.localDiscr(), session);
    }

    /**
     * Removes a session.
     *
     * @param session the session
     */
    public void remove(final Session session) {
        byKey.remove(session.config().key(), session);
        if (byDiscr.get(session.localDiscr()) == session) {
            byDiscr.remove(session.localDiscr());
        }
    }

    /**
     * Demultiplexes by Your Discriminator.
     *
     * @param localDiscr the packet's Your Discriminator
     * @return the session or null
     */
    public @Nullable Session byDiscriminator(final int localDiscr) {
        return localDiscr == 0 ? null : byDiscr.get(localDiscr);
    }

    /**
     * Looks up by key; also the demultiplexing path while Your Discriminator is zero.
     *
     * @param key the key
     * @return the session or null
     */
    public @Nullable Session byKey(final SessionKey key) {
        return byKey.get(key);
    }

    /**
     * RFC 5880 §6.8.6, RFC 5883 §4.1: finds the session of a packet whose Your Discriminator is
     * zero. A multihop packet is keyed by the address it arrived on and its source; a multihop
     * session created without a local address (its source is the wildcard 0.0.0.0 or ::) accepts
     * any local address, so when no session has the exact key the wildcard one is tried.
     *
     * @param key the packet's key
     * @return the session or null
     */
    public @Nullable Session byDemuxKey(final SessionKey key) {
        final Session exact = byKey.get(key);
        if (exact != null || !(key instanceof MultiHopKey mh) || mh.source().isAnyLocalAddress()) {
            return exact;
        }
        return byKey.get(wildcardLocal(mh));
    }

    /**
     * The multihop key with the wildcard local address of the same family.
     *
     * @param key a multihop key
     * @return the key with source 0.0.0.0 or ::
     */
    public static MultiHopKey wildcardLocal(final MultiHopKey key) {
        try {
            return new MultiHopKey(InetAddress.getByAddress(new byte[key.source() instanceof Inet4Address ? 4 : 16]),
                key.destination(), key.vrf());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
        }
    }

    /**
     * Number of sessions.
     *
     * @return size
     */
    public int size() {
        return byKey.size();
    }

    /**
     * A copy of all sessions.
     *
     * @return list
     */
    public List<Session> all() {
        return new ArrayList<>(byKey.values());
    }
}
