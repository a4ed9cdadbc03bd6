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
        program = ByteBuffer.allocateDirect(4 * 8).order(ByteOrder.nativeOrder());
        instruction(0x30, 0, 0, SKF_NET_OFF + (v6 ? 7 : 8));
        instruction(0x35, 0, 1, floor);
        instruction(0x06, 0, 0, 0xFFFF);
        instruction(0x06, 0, 0, 0);
        // struct sock_fprog { unsigned short len; struct sock_filter *filter; } on LP64.
        fprog = ByteBuffer.allocateDirect(SOCK_FPROG_LENGTH).order(ByteOrder.nativeOrder());
        fprog.putShort(0, (short) 4);
        fprog.putLong(8, PlatformDependent.directBufferAddress(program));
    }

    private void instruction(final int code, final int jt, final int jf, final int operand) {
        program.putShort((short) code).put((byte) jt).put((byte) jf).putInt(operand);
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
