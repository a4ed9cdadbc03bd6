/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.buffer.ByteBuf;

/**
 * The payload of our Echo packets. RFC 5880 §6.4 leaves the format to the sender, since only the
 * sender reads it; this is FRR's layout (version 1, length 16, My Discriminator, a 64-bit
 * sequence) so that captures look familiar.
 *
 * <pre>
 *  0       8      16              32
 * +-------+-------+---------------+
 * | ver=1 | len=16|   reserved    |
 * +-------+-------+---------------+
 * |        My Discriminator       |
 * +-------------------------------+
 * |       sequence (64 bits)      |
 * +-------------------------------+
 * </pre>
 */
final class EchoPacket {
    static final int LENGTH = 16;

    private EchoPacket() {
        // functions only
    }

    static void encode(final int localDiscr, final long sequence, final ByteBuf out) {
        out.writeByte(1).writeByte(LENGTH).writeShort(0).writeInt(localDiscr).writeLong(sequence);
    }

    /**
     * The discriminator of an echo payload.
     *
     * @param in payload
     * @return the discriminator, or 0 when this is not an echo payload of this format
     */
    static int discriminator(final ByteBuf in) {
        if (in.readableBytes() < LENGTH || in.getByte(in.readerIndex()) != 1) {
            return 0;
        }
        return in.getInt(in.readerIndex() + 4);
    }
}
