/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Netlink framing (netlink(7), rtnetlink(7)): the message header, route attributes and their
 * 4-byte alignment, in the host's byte order, written into and read from direct buffers.
 *
 * <pre>
 *  struct nlmsghdr (16)          struct rtattr (4) + payload, padded to 4
 *  +--------+------+-------+     +--------+--------+---------------
 *  | len 32 | type | flags |     | len 16 | type16 | data ...
 *  +--------+------+-------+     +--------+--------+---------------
 *  | seq 32 | port id 32   |
 *  +--------+--------------+
 * </pre>
 */
final class NlMessage {
    static final int HEADER = 16;
    static final short NLMSG_ERROR = 2;
    static final short NLMSG_DONE = 3;
    static final short NLMSG_OVERRUN = 4;
    static final short NLM_F_REQUEST = 0x1;
    static final short NLM_F_MULTI = 0x2;
    static final short NLM_F_ACK = 0x4;
    static final short NLM_F_DUMP = 0x300;
    static final short NLM_F_REPLACE = 0x100;
    static final short NLM_F_CREATE = 0x400;
    /** On an acknowledgement: extended-ack attributes follow (NETLINK_EXT_ACK). */
    static final short NLM_F_ACK_TLVS = 0x200;
    /** On an acknowledgement: the request was not echoed, only its header. */
    static final short NLM_F_CAPPED = 0x100;
    static final short NLMSGERR_ATTR_MSG = 1;

    private NlMessage() {
        // static only
    }

    static ByteBuffer buffer(final int capacity) {
        return ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
    }

    static int align(final int length) {
        return length + 3 & ~3;
    }

    /**
     * Starts a message at the buffer's position; {@link #end} fills in its length.
     *
     * @return the message's start
     */
    static int begin(final ByteBuffer buf, final short type, final short flags, final int seq) {
        final int start = buf.position();
        buf.putInt(0).putShort(type).putShort(flags).putInt(seq).putInt(0);
        return start;
    }

    static void end(final ByteBuffer buf, final int start) {
        pad(buf);
        buf.putInt(start, buf.position() - start);
    }

    static void attr(final ByteBuffer buf, final int type, final byte[] data) {
        buf.putShort((short) (4 + data.length)).putShort((short) type).put(data);
        pad(buf);
    }

    static void attrInt(final ByteBuffer buf, final int type, final int value) {
        buf.putShort((short) 8).putShort((short) type).putInt(value);
    }

    static int beginNested(final ByteBuffer buf, final int type) {
        final int start = buf.position();
        buf.putShort((short) 0).putShort((short) type);
        return start;
    }

    static void endNested(final ByteBuffer buf, final int start) {
        buf.putShort(start, (short) (buf.position() - start));
    }

    private static void pad(final ByteBuffer buf) {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }

    /** Walks the attributes in {@code [from, to)} of a buffer; absolute reads, the position is untouched. */
    static final class Attrs {
        private final ByteBuffer buf;
        private int next;
        private final int to;
        private int type;
        private int dataStart;
        private int dataLength;

        Attrs(final ByteBuffer buf, final int from, final int to) {
            this.buf = buf;
            next = from;
            this.to = to;
        }

        boolean advance() {
            if (next + 4 > to) {
                return false;
            }
            final int length = Short.toUnsignedInt(buf.getShort(next));
            if (length < 4 || next + length > to) {
                return false;
            }
            type = buf.getShort(next + 2) & 0x3FFF;
            dataStart = next + 4;
            dataLength = length - 4;
            next += align(length);
            return true;
        }

        int type() {
            return type;
        }

        int start() {
            return dataStart;
        }

        int length() {
            return dataLength;
        }

        int intValue() {
            return buf.getInt(dataStart);
        }

        byte[] bytes() {
            final byte[] data = new byte[dataLength];
            buf.get(dataStart, data);
            return data;
        }

        String string() {
            int end = dataLength;
            while (end > 0 && buf.get(dataStart + end - 1) == 0) {
                end--;
            }
            final byte[] data = new byte[end];
            buf.get(dataStart, data);
            return new String(data, StandardCharsets.US_ASCII);
        }

        Attrs nested() {
            return new Attrs(buf, dataStart, dataStart + dataLength);
        }
    }
}
