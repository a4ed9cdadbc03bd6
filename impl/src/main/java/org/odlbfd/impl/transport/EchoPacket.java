/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.odlbfd.impl.engine.EngineInput;
import org.odlbfd.impl.engine.RxMeta;

/**
 * The payload of our Echo packets. RFC 5880 §6.4 leaves the format to the sender, since only the
 * sender reads it; this is FRR's layout (version 1, length 24, My Discriminator, two 64-bit words)
 * so that captures look familiar. The size matters: FRR bfdd 8.4 drops an Echo packet shorter than
 * its own 24 bytes ("small echo packet") instead of looping it back, so a 16-byte payload never
 * returned from FRR over IPv6.
 *
 * <pre>
 *  0       8      16              32
 * +-------+-------+---------------+
 * | ver=1 | len=24| R |  reserved |
 * +-------+-------+---------------+
 * |        My Discriminator       |
 * +-------------------------------+
 * |       sequence (64 bits)      |
 * +-------------------------------+
 * |       nonce (64 bits)         |
 * +-------------------------------+
 * </pre>
 *
 * <p>The nonce is the session's random Echo nonce: a returned Echo counts only with it and a
 * recently sent sequence number (RFC 5880 §6.4 leaves the payload to the sender). FRR's bfdd
 * returns our payload untouched, and puts a timestamp where we put the nonce.
 *
 * <p>R (the first reserved byte) is 1 once a system has looped the packet back at application
 * level. A marked packet is never looped again, so an echo that neither end claims (a deleted
 * session, a third party's) crosses the link at most twice instead of bouncing for ever.
 */
final class EchoPacket {
    static final int LENGTH = 24;
    /** Enough to read the discriminator: what we accept from others (FRR sends 24, we once sent 16). */
    private static final int MIN_LENGTH = 8;
    private static final int REFLECTED_OFFSET = 2;

    private EchoPacket() {
        // functions only
    }

    private static final int SEQUENCE_OFFSET = 8;
    private static final int NONCE_OFFSET = 16;

    static void encode(final int localDiscr, final long sequence, final long nonce, final ByteBuf out) {
        out.writeByte(1).writeByte(LENGTH).writeShort(0).writeInt(localDiscr).writeLong(sequence).writeLong(nonce);
    }

    /**
     * The sequence number of an echo payload.
     *
     * @param in payload
     * @return the sequence, or -1 when the payload is shorter than ours
     */
    static long sequence(final ByteBuf in) {
        return in.readableBytes() < LENGTH ? -1 : in.getLong(in.readerIndex() + SEQUENCE_OFFSET);
    }

    /**
     * The nonce of an echo payload.
     *
     * @param in payload
     * @return the nonce, or 0 when the payload is shorter than ours
     */
    static long nonce(final ByteBuf in) {
        return in.readableBytes() < LENGTH ? 0 : in.getLong(in.readerIndex() + NONCE_OFFSET);
    }

    /**
     * Whether a system has already looped this packet back.
     *
     * @param in payload
     * @return true when marked
     */
    static boolean reflected(final ByteBuf in) {
        return in.readableBytes() > REFLECTED_OFFSET && in.getByte(in.readerIndex() + REFLECTED_OFFSET) != 0;
    }

    /**
     * Marks a payload as looped back, before it is sent back to its sender.
     *
     * @param payload the payload bytes
     */
    static void markReflected(final byte[] payload) {
        if (payload.length > REFLECTED_OFFSET) {
            payload[REFLECTED_OFFSET] = 1;
        }
    }

    /**
     * The discriminator of an echo payload.
     *
     * @param in payload
     * @return the discriminator, or 0 when this is not an echo payload of this format
     */
    static int discriminator(final ByteBuf in) {
        if (in.readableBytes() < MIN_LENGTH || in.getByte(in.readerIndex()) != 1) {
            return 0;
        }
        return in.getInt(in.readerIndex() + 4);
    }

    /**
     * What the engine's Echo gate needs of an arrived Echo packet, whichever socket read it. The
     * payload is copied already marked as looped back (RFC 5880 §6.4: the peer's Echo goes back as
     * it came), while {@code reflected} says how it arrived; the buffer itself is left as it was.
     *
     * @param in payload, still owned by the caller
     * @param arrival where and how it arrived
     * @return the engine's input; its discriminator is 0 when this is not an Echo of this format
     */
    static EngineInput.EchoArrived arrived(final ByteBuf in, final RxMeta arrival) {
        final byte[] payload = ByteBufUtil.getBytes(in);
        markReflected(payload);
        return new EngineInput.EchoArrived(discriminator(in), sequence(in), nonce(in), reflected(in), arrival, payload);
    }
}
