/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.packet.ControlPacket;

/**
 * Where a session's packets go. Writes are buffered; {@link #flush()} is called once per tick so
 * that the transport can hand the kernel a whole batch (sendmmsg).
 */
public interface PacketSink {
    /**
     * Queues one Control packet.
     *
     * @param session the sending session, whose config says where the packet goes
     * @param packet the packet; its auth section is ignored when {@code auth} is given
     * @param auth signs the packet, or null for an unauthenticated session
     * @return false when it could not be queued (counted as a transmit failure)
     */
    boolean send(SessionConfig session, ControlPacket packet, @Nullable Authenticator auth);

    /**
     * Queues one Echo packet (RFC 5881 §4, UDP 3785) that the peer's forwarding plane loops back.
     *
     * @param session the sending session
     * @param localDiscr bfd.LocalDiscr, carried in the echo payload so the reflection finds us
     * @param sequence an increasing number
     * @param nonce the session's Echo nonce, which a returned Echo must carry
     * @return false when it could not be queued
     */
    boolean sendEcho(SessionConfig session, int localDiscr, long sequence, long nonce);

    /**
     * Loops the peer's Echo packet back to the peer (RFC 5881 §4), with TTL / Hop Limit 254 as a
     * forwarding plane would. The engine calls this only for a session that advertises a non-zero
     * Required Min Echo RX Interval, for an Echo from its peer that arrived with 255, within the
     * advertised rate.
     *
     * @param session the session whose peer sent it
     * @param payload the Echo payload (marked as looped back already); valid during the call only
     * @return false when it could not be queued
     */
    default boolean reflectEcho(SessionConfig session, byte[] payload) {
        return false;
    }

    /**
     * The last transport error of a session's sending (for example EADDRNOTAVAIL while its
     * source address does not exist yet), until a packet of it leaves again.
     *
     * @param session the session
     * @return a description, or null when sending works
     */
    default @Nullable String transportStatus(SessionConfig session) {
        return null;
    }

    /**
     * How this session's Echo packets are addressed, for its status when Echo failed.
     *
     * @param session the session
     * @return a sentence, or null when the sink cannot tell
     */
    default @Nullable String echoAddressing(SessionConfig session) {
        return null;
    }

    /** Hands everything queued since the last flush to the kernel. */
    void flush();
}
