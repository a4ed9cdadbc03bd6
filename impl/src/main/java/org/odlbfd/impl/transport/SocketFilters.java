/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

/**
 * The classic BPF programs the native sockets carry, as {@code UdpSocket#attachFilter} takes them
 * (two ints per instruction: {@code code | jt << 16 | jf << 24}, {@code k}).
 */
final class SocketFilters {
    private static final int LD_W_ABS = 0x20;
    private static final int JEQ_K = 0x15;
    private static final int MOD_K = 0x94;
    private static final int RET_A = 0x16;
    private static final int RET_K = 0x06;

    private SocketFilters() {
        // programs only
    }

    /**
     * Drops every datagram: the send sockets on the source ports (RFC 5881 §4: 49152-65535). Nothing
     * that arrives there is a BFD packet for us (the peer sends to 3784/4784), so nothing may reach
     * the engine from them: before this, a spoofed off-link Down with Your Discriminator 0 sent to
     * 49152 took a session Down (issue 9).
     *
     * <pre>
     *   ret #0
     * </pre>
     *
     * @return program
     */
    static int[] dropAll() {
        return new int[] {RET_K, 0};
    }

    /**
     * The SO_REUSEPORT selector of a socket group (one socket per event loop, bound in loop order):
     * the socket whose index is the unsigned 32-bit word at {@code offset} of the UDP payload modulo
     * {@code loops}. For Control packets the word is Your Discriminator (offset 8, RFC 5880 §4.1),
     * for Echo our own payload's discriminator (offset 4): so a packet is read on the loop whose
     * engine shard owns its session ({@code BfdEngine#shardIndexOfDiscr}, the same unsigned
     * modulo). A zero word returns an index past the group, which makes the kernel fall back to
     * its hash (the engine then routes by address key). At this hook the packet starts at the
     * UDP payload (the kernel pulled the UDP header).
     *
     * <pre>
     *   ld [offset]
     *   jeq #0, hash, next
     *   next: mod #loops
     *   ret a
     *   hash: ret #0xffffffff
     * </pre>
     *
     * @param offset payload offset of the 32-bit word
     * @param loops sockets in the group
     * @return program
     */
    static int[] steering(final int offset, final int loops) {
        return new int[] {
            LD_W_ABS, offset,
            JEQ_K | 2 << 16, 0,
            MOD_K, loops,
            RET_A, 0,
            RET_K, -1,
        };
    }
}
