/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import io.netty.buffer.ByteBuf;

/**
 * Encodes and decodes BFD Control packets (RFC 5880 §4.1).
 */
public final class ControlPacketCodec {
    private ControlPacketCodec() {
        // static only
    }

    /**
     * Decodes the Control packet starting at {@code datagram.readerIndex()}, applying every
     * reception check of RFC 5880 §6.8.6 that needs no session context. The buffer's indexes are
     * left unchanged. The A bit versus configured authentication is checked by the session.
     *
     * @param datagram the UDP payload, readable bytes only
     * @return the packet
     * @throws DecodeException with a typed reason when the packet must be discarded
     */
    public static ControlPacket decode(final ByteBuf datagram) throws DecodeException {
        throw new UnsupportedOperationException("implemented on the packet branch");
    }

    /**
     * Writes {@code packet} at {@code out.writerIndex()}, including its authentication section as
     * given (the Authenticator fills digests and sequence numbers).
     *
     * @param packet the packet
     * @param out the buffer to append to
     */
    public static void encode(final ControlPacket packet, final ByteBuf out) {
        throw new UnsupportedOperationException("implemented on the packet branch");
    }
}
