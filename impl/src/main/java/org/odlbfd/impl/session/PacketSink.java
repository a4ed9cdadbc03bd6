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
     * @return false when it could not be queued
     */
    boolean sendEcho(SessionConfig session, int localDiscr, long sequence);

    /** Hands everything queued since the last flush to the kernel. */
    void flush();
}
