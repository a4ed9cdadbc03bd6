/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;

/** Counter refreshes go a chunk per transaction, and stay out of the transactions carrying transitions. */
class CounterQueueTest {
    private static final String PROTOCOL = "bfd";
    private static final long SECOND = 1_000_000_000L;

    private final CounterQueue queue = new CounterQueue();

    @Test
    void chunksAreTakenOldestFirstWhenNoTransitionIsPending() {
        fill(CounterQueue.CHUNK + 10, 0);
        final var first = queue.take(false, 0);
        assertEquals(CounterQueue.CHUNK, size(first));
        assertTrue(first.get(PROTOCOL).contains(key(0)));
        final var second = queue.take(false, 0);
        assertEquals(10, size(second));
        assertTrue(second.get(PROTOCOL).contains(key(CounterQueue.CHUNK + 9)));
        assertTrue(queue.isEmpty());
        assertEquals(Map.of(), queue.take(false, 0));
    }

    @Test
    void countersWaitForTransitionsButNotLongerThanTheLimit() {
        final long start = 100 * SECOND;
        fill(3, start);
        // the transaction carries transitions: the counters stay out of it
        assertEquals(Map.of(), queue.take(true, start));
        assertEquals(Map.of(), queue.take(true, start + CounterQueue.MAX_DEFER_NANOS - 1));
        assertFalse(queue.isEmpty());
        // a storm that never stops: after the limit a chunk goes with the transitions
        assertEquals(3, size(queue.take(true, start + CounterQueue.MAX_DEFER_NANOS)));
        assertTrue(queue.isEmpty());
    }

    @Test
    void theWaitStartsAgainAfterEachChunk() {
        final long start = 7 * SECOND;
        fill(CounterQueue.CHUNK * 2, start);
        final long overdue = start + CounterQueue.MAX_DEFER_NANOS;
        assertEquals(CounterQueue.CHUNK, size(queue.take(true, overdue)));
        // what is left waits from the last chunk on, not from the first add
        assertEquals(Map.of(), queue.take(true, overdue + 1));
        assertEquals(CounterQueue.CHUNK, size(queue.take(false, overdue + 1)));
        // an empty queue starts its wait at the next add
        fill(1, overdue + 10 * SECOND);
        assertEquals(Map.of(), queue.take(true, overdue + 11 * SECOND));
    }

    @Test
    void removedSessionsAreNotTaken() {
        fill(2, 0);
        queue.remove(PROTOCOL, key(0));
        final var taken = queue.take(false, 0);
        assertEquals(Set.of(key(1)), taken.get(PROTOCOL));
        fill(2, 0);
        queue.removeProtocol(PROTOCOL);
        assertTrue(queue.isEmpty());
    }

    private void fill(final int count, final long nowNanos) {
        for (int i = 0; i < count; i++) {
            queue.add(PROTOCOL, key(i), nowNanos);
        }
    }

    private static SessionKey key(final int index) {
        return new SingleHopKey("eth0", InetAddresses.forString("2001:db8:2::" + Integer.toHexString(index + 1)));
    }

    private static int size(final Map<String, Set<SessionKey>> taken) {
        return taken.values().stream().mapToInt(Set::size).sum();
    }
}
