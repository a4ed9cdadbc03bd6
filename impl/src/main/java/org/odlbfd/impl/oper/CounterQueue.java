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
import org.odlbfd.api.SessionKey;

/**
 * Sessions whose counters changed on the periodic refresh and are not written yet. The refresh
 * hands over every session at once (10,000 at 1 s x 3 every 5 s); written in one transaction they
 * held up any transition behind them for a few hundred milliseconds. So they go a chunk per
 * transaction, after whatever transitions are pending, and a transition waits at most for one
 * chunk. Confined to the writer's thread.
 */
final class CounterQueue {
    /** Counter updates per transaction: about 10 ms of writing on this machine. */
    static final int CHUNK = 250;

    private final Map<String, Set<SessionKey>> pending = new LinkedHashMap<>();
    private int size;

    void add(final String protocol, final SessionKey key) {
        if (pending.computeIfAbsent(protocol, k -> new LinkedHashSet<>()).add(key)) {
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
     * Takes the oldest pending sessions, at most {@link #CHUNK}.
     *
     * @return the sessions by protocol instance
     */
    Map<String, Set<SessionKey>> take() {
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
