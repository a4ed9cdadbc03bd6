/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerSetTest {
    private static InetAddress v6(final int host) throws UnknownHostException {
        final byte[] bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        ByteBuffer.wrap(bytes).putInt(12, host);
        return InetAddress.getByAddress(bytes);
    }

    private static boolean seen(final PeerSet set, final InetAddress peer) {
        final byte[] bytes = peer.getAddress();
        return set.mayContain(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    @Test
    void everyPeerAddedIsSeenAndNoneOther() throws Exception {
        final PeerSet set = new PeerSet();
        for (int i = 0; i < 1_000; i++) {
            set.add(v6(i));
        }
        for (int i = 0; i < 1_000; i++) {
            assertTrue(seen(set, v6(i)), "peer " + i);
        }
        for (int i = 1_000; i < 2_000; i++) {
            assertFalse(seen(set, v6(i)), "never added " + i);
        }
        assertFalse(seen(set, InetAddress.getByName("192.0.2.1")));
    }

    /** Opening 10,000 sessions rebuilt the sorted array 10,000 times (O(n² log n)); now once per n/16. */
    @Test
    void tenThousandPeersCostAFewRebuilds() throws Exception {
        final PeerSet set = new PeerSet();
        for (int i = 0; i < 10_000; i++) {
            set.add(v6(i));
        }
        final long adds = set.rebuilds();
        assertTrue(adds <= 60, () -> adds + " rebuilds for 10,000 adds");
        for (int i = 0; i < 10_000; i++) {
            set.remove(v6(i));
        }
        final long removes = set.rebuilds() - adds;
        assertTrue(removes <= 120, () -> removes + " rebuilds for 10,000 removes");
        // everything removed: the last rebuild left at most the slack's worth of stale fingerprints
        int stale = 0;
        for (int i = 0; i < 10_000; i++) {
            stale += seen(set, v6(i)) ? 1 : 0;
        }
        assertTrue(stale < 64, stale + " removed peers still let through");
    }

    /** Whatever the order of adds and removes, a configured peer is never dropped (no false negative). */
    @Test
    void aConfiguredPeerIsNeverMissed() throws Exception {
        final PeerSet set = new PeerSet();
        final Random random = new Random(12);
        final Set<Integer> live = new HashSet<>();
        final int[] references = new int[500];
        for (int step = 0; step < 20_000; step++) {
            final int host = random.nextInt(references.length);
            if (random.nextInt(3) > 0 || references[host] == 0) {
                set.add(v6(host));
                references[host]++;
                live.add(host);
            } else {
                set.remove(v6(host));
                if (--references[host] == 0) {
                    live.remove(host);
                }
            }
            if (step % 97 == 0) {
                for (int peer : live) {
                    assertTrue(seen(set, v6(peer)), "step " + step + ": live peer " + peer);
                }
            }
        }
        for (int peer : live) {
            assertTrue(seen(set, v6(peer)), "live peer " + peer);
        }
    }
}
