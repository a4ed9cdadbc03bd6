/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineStats;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.engine.TickLag;
import org.odlbfd.impl.packet.RejectReason;

/**
 * What the metrics read from an engine at each scrape. The controller's embedded agent and the
 * standalone agent both give their {@link BfdEngine}; tests give fixed figures.
 */
public interface EngineReadings {
    /**
     * Every session, taken on its own thread.
     *
     * @return completes with the snapshots
     */
    CompletableFuture<List<SessionSnapshot>> snapshots();

    /**
     * Engine-wide figures.
     *
     * @return completes with them
     */
    CompletableFuture<EngineStats> stats();

    /**
     * Discards no session could be charged with.
     *
     * @return completes with the counts by reason
     */
    CompletableFuture<Map<RejectReason, Long>> unattributedRejects();

    /**
     * Each loop's tick lag (PERF-NOTES rule 6), read without waiting for the loops.
     *
     * @return one reading per loop; none where no engine runs loops
     */
    default List<TickLag.Reading> tickLag() {
        return List.of();
    }

    /**
     * The readings of a running engine.
     *
     * @param engine the engine
     * @return its readings
     */
    static EngineReadings of(final BfdEngine engine) {
        return new EngineReadings() {
            @Override
            public CompletableFuture<List<SessionSnapshot>> snapshots() {
                return engine.snapshots();
            }

            @Override
            public CompletableFuture<EngineStats> stats() {
                return engine.stats();
            }

            @Override
            public CompletableFuture<Map<RejectReason, Long>> unattributedRejects() {
                return engine.unattributedRejects();
            }

            @Override
            public List<TickLag.Reading> tickLag() {
                return engine.tickLag();
            }
        };
    }
}
