/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.engine.TickLag;

/**
 * The engine's health figures of PERF-NOTES rule 6 as Prometheus gauges: each loop's tick lag and
 * the largest receive gap against the Detection Time.
 */
final class HealthMetrics {
    private HealthMetrics() {
    }

    static GaugeSnapshot tickLag(final List<TickLag.Reading> readings) {
        final var builder = GaugeSnapshot.builder().name("bfd_loop_tick_lag_seconds")
            .help("How late each engine loop ran its transmit and detection timers against their deadlines, "
                + "since start and over the last " + TickLag.WINDOW_SECONDS + " s (engine loop health)")
            .unit(Unit.SECONDS);
        for (TickLag.Reading reading : readings) {
            add(builder, reading.loop(), "start", reading.sinceStart());
            add(builder, reading.loop(), TickLag.WINDOW_SECONDS + "s", reading.recent());
        }
        return builder.build();
    }

    private static void add(final GaugeSnapshot.Builder builder, final int loop, final String window,
            final TickLag.Figures figures) {
        final String index = Integer.toString(loop);
        builder.dataPoint(point(index, window, "0.5", figures.p50Us()))
            .dataPoint(point(index, window, "0.99", figures.p99Us()))
            .dataPoint(point(index, window, "1", figures.maxUs()));
    }

    private static GaugeDataPointSnapshot point(final String loop, final String window, final String quantile,
            final long micros) {
        return GaugeDataPointSnapshot.builder()
            .labels(Labels.of("loop", loop, "quantile", quantile, "window", window)).value(micros / 1e6).build();
    }

    static GaugeSnapshot largestGapRatio(final List<SessionSnapshot> sessions) {
        final double ratio = sessions.stream().mapToDouble(s -> s.statistics().largestGap().ratio()).max().orElse(0);
        return GaugeSnapshot.builder().name("bfd_rx_gap_detection_ratio_max")
            .help("The largest receive gap of any session as a share of its Detection Time (1 or more: a Down)")
            .dataPoint(GaugeDataPointSnapshot.builder().value(ratio).build()).build();
    }
}
