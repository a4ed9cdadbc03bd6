/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import java.util.Arrays;
import org.odlbfd.impl.engine.ShardHash;

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
    private static final int TAX = 0x07;
    private static final int XOR_X = 0xac;
    private static final int MUL_K = 0x24;
    private static final int RSH_K = 0x74;
    /** Classic BPF's negative-offset window onto the network header ({@code linux/filter.h}). */
    private static final int SKF_NET_OFF = -0x100000;
    /** Source address offsets in the IPv4 (RFC 791) and IPv6 (RFC 8200) headers. */
    private static final int IPV4_SOURCE = 12;
    private static final int IPV6_SOURCE = 8;

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
     * The SO_REUSEPORT selector of a socket group (one socket per event loop, bound in loop order),
     * the twin of {@link ShardHash} (keep them equal: {@code SteeringTest} compares them on
     * real sockets). The unsigned 32-bit word at {@code offset} of the UDP payload, when not zero,
     * picks socket {@code word mod loops} ({@link ShardHash#ofDiscr}). For Control packets the word is
     * Your Discriminator (offset 8, RFC 5880 §4.1), for Echo our own payload's discriminator (offset
     * 4). A zero word (RFC 5880 §6.3: the peer does not know our discriminator, or cleared it after a
     * Detection Time, §6.8.1) picks the socket by the datagram's source address, read from the network
     * header (SKF_NET_OFF), as {@link ShardHash#ofPeer}: IPv4 its one word, IPv6 the XOR of its four,
     * times 0x9E3779B9, shifted right by 16, modulo {@code loops}. So every packet of a session is
     * read on the loop that owns it and none is handed to another loop, where it could be applied
     * after a later one (a Down with Your Discriminator 0 after the Init that followed it). At this
     * hook the packet starts at the UDP payload (the kernel pulled the UDP header); an offset beyond
     * the packet ends the program with 0 (socket 0), as the kernel's classic BPF does.
     *
     * <pre>
     *   ld [offset]
     *   jeq #0, peer, next
     *   next: mod #loops
     *   ret a
     *   peer: ld [net + 12]                       IPv4 source
     *         (IPv6: ld [net + 8]; tax; ld [net + 12]; xor x; tax; ld [net + 16]; xor x; tax;
     *          ld [net + 20]; xor x)
     *   mul #0x9e3779b9
     *   rsh #16
     *   mod #loops
     *   ret a
     * </pre>
     *
     * @param offset payload offset of the 32-bit word
     * @param loops sockets in the group
     * @param v6 the group's address family is IPv6
     * @return program
     */
    static int[] steering(final int offset, final int loops, final boolean v6) {
        final Program program = new Program();
        program.add(LD_W_ABS, offset).add(JEQ_K | 2 << 16, 0).add(MOD_K, loops).add(RET_A, 0);
        if (v6) {
            program.add(LD_W_ABS, SKF_NET_OFF + IPV6_SOURCE);
            for (int word = 1; word < 4; word++) {
                program.add(TAX, 0).add(LD_W_ABS, SKF_NET_OFF + IPV6_SOURCE + 4 * word).add(XOR_X, 0);
            }
        } else {
            program.add(LD_W_ABS, SKF_NET_OFF + IPV4_SOURCE);
        }
        return program.add(MUL_K, ShardHash.MULTIPLIER).add(RSH_K, ShardHash.SHIFT).add(MOD_K, loops).add(RET_A, 0)
            .toArray();
    }

    /** Instructions in the form {@code attachFilter} takes: two ints each. */
    private static final class Program {
        private int[] ints = new int[64];
        private int size;

        Program add(final int code, final int operand) {
            if (size == ints.length) {
                ints = Arrays.copyOf(ints, size * 2);
            }
            ints[size++] = code;
            ints[size++] = operand;
            return this;
        }

        int[] toArray() {
            return Arrays.copyOf(ints, size);
        }
    }
}
