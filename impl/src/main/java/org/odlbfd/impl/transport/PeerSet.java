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
    /** Changes a snapshot absorbs before the sorted array is rebuilt: at least this many... */
    private static final int MIN_SLACK = 64;
    /** ...or this fraction of the set (1/16), so a rebuild's O(n log n) is paid once per n/16 changes. */
    private static final int SLACK_SHIFT = 4;

    private final Map<InetAddress, Integer> counts = new HashMap<>();
    /** Replaced whole, never changed: the arrays are published by the volatile reference to their holder. */
    private volatile Snapshot current = new Snapshot(new long[0], new long[0]);
    /** Peers removed since the last rebuild whose fingerprints are still in the snapshot. */
    private int stale;
    private long rebuilds;

    /**
     * The fingerprints: {@code sorted} from the last rebuild, {@code recent} (sorted too, small) added
     * since. Rebuilding on every change made opening n sessions cost O(n² log n): 10,000 sessions took
     * 77 s to come Up, the transport's lock held by one rebuild after another (issue 12).
     */
    private record Snapshot(long[] sorted, long[] recent) {
        boolean contains(final long fingerprint) {
            return Arrays.binarySearch(sorted, fingerprint) >= 0 || Arrays.binarySearch(recent, fingerprint) >= 0;
        }
    }

    synchronized void add(final InetAddress peer) {
        if (counts.merge(peer, 1, Integer::sum) > 1) {
            return;
        }
        final long fingerprint = fingerprintOf(peer);
        final Snapshot now = current;
        if (now.contains(fingerprint)) {
            // a stale entry of a removed peer, or a collision: already let through
            return;
        }
        final long[] recent = now.recent();
        if (recent.length >= slack()) {
            rebuild();
            return;
        }
        final int at = -Arrays.binarySearch(recent, fingerprint) - 1;
        final long[] next = new long[recent.length + 1];
        System.arraycopy(recent, 0, next, 0, at);
        next[at] = fingerprint;
        System.arraycopy(recent, at, next, at + 1, recent.length - at);
        current = new Snapshot(now.sorted(), next);
    }

    /**
     * Forgets a peer. Its fingerprint stays in the snapshot until the next rebuild, which lets its
     * datagrams through to the engine's exact checks meanwhile, as a collision would.
     *
     * @param peer the address
     */
    synchronized void remove(final InetAddress peer) {
        final Integer count = counts.get(peer);
        if (count == null) {
            return;
        }
        if (count == 1) {
            counts.remove(peer);
            if (++stale >= slack()) {
                rebuild();
            }
        } else {
            counts.put(peer, count - 1);
        }
    }

    /** How many times the sorted array was rebuilt, for the test of the amortized cost. */
    synchronized long rebuilds() {
        return rebuilds;
    }

    private int slack() {
        return Math.max(MIN_SLACK, counts.size() >> SLACK_SHIFT);
    }

    private void rebuild() {
        final long[] next = counts.keySet().stream().mapToLong(PeerSet::fingerprintOf).toArray();
        Arrays.sort(next);
        current = new Snapshot(next, new long[0]);
        stale = 0;
        rebuilds++;
    }

    private static long fingerprintOf(final InetAddress peer) {
        final byte[] bytes = peer.getAddress();
        return fingerprint(ByteBuffer.wrap(bytes), 0, bytes.length);
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
        return current.contains(fingerprint(buffer, offset, length));
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
