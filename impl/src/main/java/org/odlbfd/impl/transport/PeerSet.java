/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The peer addresses of the configured sessions of one kind, as 64-bit fingerprints in a sorted
 * array that the event loops read without locks or allocation. A datagram whose Your
 * Discriminator is zero (RFC 5880 §6.8.6: selected by address) and whose source is not in the set
 * cannot belong to any session: it is dropped before anything is built for it. A fingerprint
 * collision only lets a datagram through to the engine's exact checks.
 */
final class PeerSet {
    private final Map<InetAddress, Integer> counts = new HashMap<>();
    /** Replaced whole, never changed: the array is published by the volatile reference to its holder. */
    private volatile Snapshot current = new Snapshot(new long[0]);

    private record Snapshot(long[] sorted) {
    }

    synchronized void add(final InetAddress peer) {
        if (counts.merge(peer, 1, Integer::sum) == 1) {
            rebuild();
        }
    }

    synchronized void remove(final InetAddress peer) {
        final Integer count = counts.get(peer);
        if (count == null) {
            return;
        }
        if (count == 1) {
            counts.remove(peer);
            rebuild();
        } else {
            counts.put(peer, count - 1);
        }
    }

    private void rebuild() {
        final long[] next = counts.keySet().stream().mapToLong(peer -> {
            final byte[] bytes = peer.getAddress();
            return fingerprint(ByteBuffer.wrap(bytes), 0, bytes.length);
        }).toArray();
        Arrays.sort(next);
        current = new Snapshot(next);
    }

    /**
     * Whether the address at {@code offset} of {@code buffer} may be a configured peer.
     *
     * @param buffer holds the address bytes
     * @param offset where they start
     * @param length 4 or 16
     * @return false when it surely is not
     */
    boolean mayContain(final ByteBuffer buffer, final int offset, final int length) {
        return Arrays.binarySearch(current.sorted(), fingerprint(buffer, offset, length)) >= 0;
    }

    static long fingerprint(final ByteBuffer buffer, final int offset, final int length) {
        // byte by byte: the same value whatever the buffer's byte order
        long hash = length;
        for (int i = 0; i < length; i++) {
            hash = (hash ^ (buffer.get(offset + i) & 0xFF)) * 0x9E37_79B9_7F4A_7C15L;
            hash ^= hash >>> 29;
        }
        return hash;
    }
}
