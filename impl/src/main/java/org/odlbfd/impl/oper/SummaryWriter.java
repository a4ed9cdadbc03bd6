/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.PathType;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.TickLag;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;

/**
 * The three session-statistics-summary containers of a protocol instance (bfd, ip-sh, ip-mh),
 * written only when their counts change: most writes (counters, timers) change none of them.
 * Confined to the writer's thread.
 */
final class SummaryWriter {
    private final Map<String, List<SummaryCounts>> written = new HashMap<>();
    /** The engine's latest health figures, and those written under each instance (issue 12). */
    private List<TickLag.Reading> health = List.of();
    private final Map<String, List<TickLag.Reading>> healthWritten = new HashMap<>();

    /**
     * Adds the summaries that changed to the transaction.
     *
     * @param tx the transaction
     * @param protocol the protocol instance
     * @param states every session's local state (null when not known), by session
     */
    void write(final WriteTransaction tx, final String protocol, final Map<SessionKey, @Nullable State> states) {
        final var all = new ArrayList<@Nullable State>(states.size());
        final var sh = new ArrayList<@Nullable State>();
        final var mh = new ArrayList<@Nullable State>();
        states.forEach((key, state) -> {
            all.add(state);
            (key.pathType() == PathType.IP_SINGLE_HOP ? sh : mh).add(state);
        });
        final var counts = List.of(SummaryCounts.ofStates(all), SummaryCounts.ofStates(sh),
            SummaryCounts.ofStates(mh));
        final var last = written.put(protocol, counts);
        final var paths = List.of(OperMapper.bfdSummaryPath(protocol), OperMapper.ipShSummaryPath(protocol),
            OperMapper.ipMhSummaryPath(protocol));
        for (int i = 0; i < paths.size(); i++) {
            if (last == null || !last.get(i).equals(counts.get(i))) {
                tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, paths.get(i),
                    OperMapper.toSummary(counts.get(i)));
            }
        }
        if (!health.isEmpty() && !health.equals(healthWritten.get(protocol))) {
            healthWritten.put(protocol, health);
            tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, HealthMapper.engineHealthPath(protocol),
                HealthMapper.engineHealth(health));
        }
    }

    /**
     * The engine's health figures to write with the next summaries of each instance.
     *
     * @param readings each loop's tick lag
     */
    void health(final List<TickLag.Reading> readings) {
        health = List.copyOf(readings);
    }

    /**
     * Forgets a protocol instance whose entry is gone.
     *
     * @param protocol the protocol instance
     */
    void remove(final String protocol) {
        written.remove(protocol);
        healthWritten.remove(protocol);
    }

    /** Forgets everything: the next write of each protocol writes its summaries. */
    void clear() {
        written.clear();
        healthWritten.clear();
    }
}
