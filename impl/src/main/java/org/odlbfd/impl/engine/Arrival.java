/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;

/**
 * How a datagram arrived: which port kind, interface, TTL and addresses. The native transport
 * passes a reusable view over its receive buffer (valid only during the call, so that a dropped
 * datagram costs no object); {@link RxMeta} is the immutable copy that crosses threads.
 */
public interface Arrival {
    /**
     * Whether it arrived on the multihop port (RFC 5883 §2: 4784) rather than single-hop (3784).
     *
     * @return true for multihop
     */
    boolean multiHop();

    /**
     * The received TTL / hop limit.
     *
     * @return 0-255, or -1 when the transport could not read it (its kernel filter checked it)
     */
    int ttl();

    /**
     * The interface it arrived on.
     *
     * @return interface name, or null when unknown
     */
    @Nullable String interfaceName();

    /**
     * Whether the source address is this one.
     *
     * @param address 4 or 16 bytes
     * @return true when equal
     */
    boolean sourceIs(byte[] address);

    /**
     * Whether the destination address is this one.
     *
     * @param address 4 or 16 bytes
     * @return true when equal, or when the transport does not know the destination
     */
    boolean destinationIs(byte[] address);

    /**
     * The key that selects a session while Your Discriminator is zero (RFC 5880 §6.8.6):
     * interface and source for single-hop, local and source address for multihop.
     *
     * @return a new key
     */
    SessionKey demuxKey();
}
