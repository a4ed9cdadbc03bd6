/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.util.internal.PlatformDependent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * GTSM for UDP in the kernel (RFC 5881 §5, RFC 5082): a classic BPF socket filter that drops
 * datagrams whose IPv4 TTL or IPv6 Hop Limit is below a floor (255 for single-hop, the rx-ttl
 * for multihop, RFC 5883 §2). Linux honours IP_MINTTL/IPV6_MINHOPCOUNT for TCP only (measured:
 * a TTL 64 datagram still reached a UDP socket with IP_MINTTL 255), and Netty does not surface the
 * received TTL (IP_RECVTTL control messages), so a filter is the one place where it can be done.
 *
 * <pre>
 *   ldb [SKF_NET_OFF + 8]     ; IPv4 TTL (IPv6: + 7, Hop Limit)
 *   jge #floor, accept, drop
 *   accept: ret #65535
 *   drop:   ret #0
 * </pre>
 *
 * <p>The IPv4 Echo socket carries a second program ({@link #unforwardedOwnEcho()}): it drops a
 * datagram whose source and destination are the same address and whose TTL is still 255. That is
 * an Echo packet of ours sent to our own address (RFC 5881 §4) that the kernel looped back through
 * {@code lo} because no policy route sent it to the peer: it never crossed a forwarding plane, so
 * counting it would keep echo detection happy while the link is down.
 */
final class GtsmFilter {
    private static final int SOL_SOCKET = 1;
    private static final int SO_ATTACH_FILTER = 26;
    /** SKF_NET_OFF (-0x100000): offsets relative to the network header. */
    private static final int SKF_NET_OFF = -0x100000;
    private static final int SOCK_FPROG_LENGTH = 16;

    static final RawUnixChannelOption OPTION = new RawUnixChannelOption("SO_ATTACH_FILTER", SOL_SOCKET,
        SO_ATTACH_FILTER, SOCK_FPROG_LENGTH);

    // Both buffers stay referenced from here until the socket is closed: the kernel copies the
    // program during setsockopt, which Netty runs later, when the channel registers.
    private final ByteBuffer program;
    private final ByteBuffer fprog;

    GtsmFilter(final boolean v6, final int floor) {
        this(new int[][] {
            {0x30, 0, 0, SKF_NET_OFF + (v6 ? 7 : 8)},
            {0x35, 0, 1, floor},
            {0x06, 0, 0, 0xFFFF},
            {0x06, 0, 0, 0},
        });
    }

    private GtsmFilter(final int[][] instructions) {
        program = ByteBuffer.allocateDirect(8 * instructions.length).order(ByteOrder.nativeOrder());
        for (int[] insn : instructions) {
            program.putShort((short) insn[0]).put((byte) insn[1]).put((byte) insn[2]).putInt(insn[3]);
        }
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; } on LP64.
        fprog = ByteBuffer.allocateDirect(SOCK_FPROG_LENGTH).order(ByteOrder.nativeOrder());
        fprog.putShort(0, (short) instructions.length);
        fprog.putLong(8, PlatformDependent.directBufferAddress(program));
    }

    /**
     * The IPv4 Echo socket's filter: drops what has source == destination and TTL 255.
     *
     * <pre>
     *   ldb [SKF_NET_OFF + 8]     ; TTL
     *   jeq #255, check, accept
     *   check: ld [SKF_NET_OFF + 12] ; source
     *   tax
     *   ld [SKF_NET_OFF + 16]     ; destination
     *   jeq x, drop, accept
     *   accept: ret #65535
     *   drop:   ret #0
     * </pre>
     *
     * @return the filter
     */
    static GtsmFilter unforwardedOwnEcho() {
        return new GtsmFilter(new int[][] {
            {0x30, 0, 0, SKF_NET_OFF + 8},
            {0x15, 0, 4, 255},
            {0x20, 0, 0, SKF_NET_OFF + 12},
            {0x07, 0, 0, 0},
            {0x20, 0, 0, SKF_NET_OFF + 16},
            {0x1d, 1, 0, 0},
            {0x06, 0, 0, 0xFFFF},
            {0x06, 0, 0, 0},
        });
    }

    /**
     * The option value: a struct sock_fprog pointing at the program.
     *
     * @return a view of exactly 16 bytes
     */
    ByteBuffer value() {
        return fprog.duplicate().order(ByteOrder.nativeOrder()).clear();
    }
}
