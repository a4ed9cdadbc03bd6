/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.net.InetAddress;

/**
 * Which shard (event loop) a packet belongs to, computed from the packet alone, so that the
 * transport can read it on that loop: every packet of a session then takes one path and is applied
 * in the order it arrived. RFC 5880 §6.3: a packet with a non-zero Your Discriminator is
 * demultiplexed by it; one with Your Discriminator zero (the peer does not know ours yet, or has
 * cleared bfd.RemoteDiscr after a Detection Time, §6.8.1) by the peer's address and the path.
 *
 * <p>The native transport's SO_REUSEPORT steering program ({@code transport.SocketFilters#steering},
 * classic BPF) is the twin of these two functions and must stay bit-for-bit equal to them: it picks
 * the receiving socket by {@link #ofDiscr} and, for Your Discriminator zero, by {@link #ofPeer} of the
 * datagram's source address. {@code transport.SteeringTest} checks the two agree on real sockets.
 */
public final class ShardHash {
    /** The 32-bit golden-ratio multiplier (Knuth's multiplicative hashing). */
    public static final int MULTIPLIER = 0x9E3779B9;
    /** The product's low half is discarded: its high bits are the well-mixed ones. */
    public static final int SHIFT = 16;

    private ShardHash() {
        // functions only
    }

    /**
     * The shard of a discriminator: its unsigned value modulo the shard count. Unsigned because
     * classic BPF's arithmetic is unsigned 32-bit.
     *
     * @param discr a non-zero discriminator
     * @param shards shard count
     * @return index
     */
    public static int ofDiscr(final int discr, final int shards) {
        return Integer.remainderUnsigned(discr, shards);
    }

    /**
     * The shard of a peer address: its 32-bit word (IPv4: the address; IPv6: the XOR of its four
     * words, each big-endian as the network carries it) times {@link #MULTIPLIER} (mod 2^32),
     * shifted right by {@link #SHIFT}, modulo the shard count. The multiplication spreads addresses
     * that differ in one low bit or share a parity (peers numbered .2, .4, ...: with a plain modulo
     * and two loops they all landed on one).
     *
     * @param peer the peer's address (SingleHopKey and MultiHopKey: {@code destination()})
     * @param shards shard count
     * @return index
     */
    public static int ofPeer(final InetAddress peer, final int shards) {
        return Integer.remainderUnsigned((word(peer.getAddress()) * MULTIPLIER) >>> SHIFT, shards);
    }

    private static int word(final byte[] address) {
        int folded = 0;
        for (int i = 0; i < address.length; i += 4) {
            folded ^= (address[i] & 0xFF) << 24 | (address[i + 1] & 0xFF) << 16 | (address[i + 2] & 0xFF) << 8
                | address[i + 3] & 0xFF;
        }
        return folded;
    }
}
