/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.odlbfd.api.SessionKey;

/**
 * Sessions whose counters changed on the periodic refresh and are not written yet. The refresh
 * hands over every session at once (10,000 at 1 s x 3 every 5 s); written in one transaction they
 * held up any transition behind them for a few hundred milliseconds. So they go a chunk per
 * transaction, and a transition waits at most for one chunk.
 *
 * <p>A chunk also stays out of the transactions that carry transitions: in the controller a burst of
 * 1,000 sessions coming Up leaves the writer's thread runnable but waiting for a core most of the
 * time (2 cores shared with the engine, the JIT and the datastore), so every write it adds to the
 * burst's commits delays the last Up; a chunk riding with the last transitions added 130-250
 * statistics puts to them (issue 12). Chunks wait while transitions are pending, at most
 * {@link #MAX_DEFER_NANOS}, so a storm that never stops does not freeze the counters. Confined to the
 * writer's thread.
 */
final class CounterQueue {
    /** Counter updates per transaction: about 10 ms of writing on this machine. */
    static final int CHUNK = 250;
    /** How long counters wait for transitions to stop at most: the default refresh period (5 s). */
    static final long MAX_DEFER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Map<String, Set<SessionKey>> pending = new LinkedHashMap<>();
    private int size;
    /** Since when the oldest pending update has waited for a chunk (System.nanoTime). */
    private long waitingSince;

    void add(final String protocol, final SessionKey key, final long nowNanos) {
        if (pending.computeIfAbsent(protocol, k -> new LinkedHashSet<>()).add(key)) {
            if (size == 0) {
                waitingSince = nowNanos;
            }
            size++;
        }
    }

    void remove(final String protocol, final SessionKey key) {
        final var keys = pending.get(protocol);
        if (keys != null && keys.remove(key)) {
            size--;
            if (keys.isEmpty()) {
                pending.remove(protocol);
            }
        }
    }

    void removeProtocol(final String protocol) {
        final var keys = pending.remove(protocol);
        if (keys != null) {
            size -= keys.size();
        }
    }

    void clear() {
        pending.clear();
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * Takes the oldest pending sessions, at most {@link #CHUNK}, unless they are to wait for the
     * transitions in the same transaction.
     *
     * @param transitionsPending the transaction carries transitions or other entry changes
     * @param nowNanos System.nanoTime
     * @return the sessions by protocol instance, empty when none or when they wait
     */
    Map<String, Set<SessionKey>> take(final boolean transitionsPending, final long nowNanos) {
        if (size == 0 || transitionsPending && nowNanos - waitingSince < MAX_DEFER_NANOS) {
            return Map.of();
        }
        // what stays waits from now on: the next chunk is not overdue at once
        waitingSince = nowNanos;
        final Map<String, Set<SessionKey>> result = new HashMap<>();
        int budget = CHUNK;
        for (Iterator<Map.Entry<String, Set<SessionKey>>> protocols = pending.entrySet().iterator();
                budget > 0 && protocols.hasNext();) {
            final var entry = protocols.next();
            final var taken = result.computeIfAbsent(entry.getKey(), k -> new LinkedHashSet<>());
            for (Iterator<SessionKey> keys = entry.getValue().iterator(); budget > 0 && keys.hasNext();) {
                taken.add(keys.next());
                keys.remove();
                budget--;
                size--;
            }
            if (entry.getValue().isEmpty()) {
                protocols.remove();
            }
        }
        return result;
    }
}
