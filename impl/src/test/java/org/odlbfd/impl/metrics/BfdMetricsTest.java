/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.DetectionMode;
import org.odlbfd.impl.engine.EngineStats;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.engine.TickLag;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.ReceiveGap;
import org.odlbfd.impl.session.SessionCounters;

/**
 * The exposition of {@link BfdMetrics} for fixed engine readings, through the Prometheus library's
 * own text writer (what the controller's endpoint and a standalone agent serve).
 */
class BfdMetricsTest {
    private static SessionSnapshot session(final String name, final String peer, final State state,
            final long detectionUs, final long rx, final Map<RejectReason, Long> rejects, final long downs) {
        try {
            final var key = new SingleHopKey("vA", InetAddress.getByName(peer));
            final long invalid = rejects.values().stream().mapToLong(Long::longValue).sum();
            return new SessionSnapshot(name, key, null, 7, 8, 3, 3, false, 49152, 3784, state, State.UP,
                Diagnostic.NONE, Diagnostic.NONE, false, null, DetectionMode.ASYNC_WITHOUT_ECHO, 300_000, 300_000,
                detectionUs, 0, new SessionCounters.Snapshot(rx, rx + 1, invalid, rejects, 2, downs, 0, 1, 2, 3, 0,
                    0, ReceiveGap.NONE), null);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static EngineReadings readings(final List<SessionSnapshot> sessions,
            final Map<RejectReason, Long> unattributed) {
        return new EngineReadings() {
            @Override
            public CompletableFuture<List<SessionSnapshot>> snapshots() {
                return CompletableFuture.completedFuture(sessions);
            }

            @Override
            public CompletableFuture<EngineStats> stats() {
                return CompletableFuture.completedFuture(new EngineStats(sessions.size(), 1, 30, 32, 5, 1_500, 4_000,
                    9_000, Map.of()));
            }

            @Override
            public CompletableFuture<Map<RejectReason, Long>> unattributedRejects() {
                return CompletableFuture.completedFuture(unattributed);
            }
        };
    }

    private static String scrape(final BfdMetrics metrics) throws IOException {
        final var out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static double sample(final String text, final String sample) {
        final var m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), () -> "no sample " + sample + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void sessionsStatesDropsAndDetectionTimes() throws IOException {
        final var transitions = new TransitionCounter();
        transitions.count(State.UP, Diagnostic.NONE);
        transitions.count(State.DOWN, Diagnostic.CONTROL_EXPIRY);
        transitions.count(State.DOWN, Diagnostic.CONTROL_EXPIRY);
        final var metrics = new BfdMetrics(readings(List.of(
            session("core-1", "192.0.2.2", State.UP, 900_000, 10, Map.of(RejectReason.AUTH_FAILED, 2L), 1),
            session("core-2", "192.0.2.3", State.DOWN, 0, 20, Map.of(RejectReason.AUTH_FAILED, 3L,
                RejectReason.TTL_TOO_LOW, 1L), 4)), Map.of(RejectReason.UNKNOWN_DISCRIMINATOR, 7L)), transitions,
            null);
        final String text = scrape(metrics);

        assertEquals(1, sample(text, "bfd_sessions{state=\"up\"}"));
        assertEquals(1, sample(text, "bfd_sessions{state=\"down\"}"));
        assertEquals(0, sample(text, "bfd_sessions{state=\"admin_down\"}"));
        assertEquals(2, sample(text, "bfd_transitions_total{diag=\"control_expiry\",state=\"down\"}"));
        assertEquals(1, sample(text, "bfd_transitions_total{diag=\"none\",state=\"up\"}"));
        // per reason: the sessions' own discards plus the ones no session could be charged with
        assertEquals(5, sample(text, "bfd_packets_dropped_total{reason=\"auth_failed\"}"));
        assertEquals(1, sample(text, "bfd_packets_dropped_total{reason=\"ttl_too_low\"}"));
        assertEquals(7, sample(text, "bfd_packets_dropped_total{reason=\"unknown_discriminator\"}"));
        assertEquals(0, sample(text, "bfd_packets_dropped_total{reason=\"bad_version\"}"));
        assertEquals(4, sample(text, "bfd_packets_send_failed_total"));
        assertEquals(30, sample(text, "bfd_packets_received_total"));
        assertEquals(1, sample(text, "bfd_session_up{session=\"core-1\"}"));
        assertEquals(0, sample(text, "bfd_session_up{session=\"core-2\"}"));
        assertEquals(4, sample(text, "bfd_session_packets_dropped_total{session=\"core-2\"}"));
        assertEquals(4, sample(text, "bfd_session_down_total{session=\"core-2\"}"));
        assertEquals(0.9, sample(text, "bfd_session_detection_time_seconds{session=\"core-1\"}"), 1e-12);
        // a session without a detection time (never heard its peer) is not in the histogram
        assertEquals(0, sample(text, "bfd_detection_time_seconds_bucket{le=\"0.5\"}"));
        assertEquals(1, sample(text, "bfd_detection_time_seconds_bucket{le=\"1.0\"}"));
        assertEquals(1, sample(text, "bfd_detection_time_seconds_bucket{le=\"+Inf\"}"));
        assertEquals(0.004, sample(text, "bfd_engine_detection_lateness_seconds{quantile=\"0.99\"}"), 1e-12);
        assertTrue(!text.contains("bfd_oper_writer"), "no writer on a standalone agent");
    }

    @Test
    void tickLagPerLoopAndTheLargestReceiveGap() throws IOException {
        final var counters = new SessionCounters.Snapshot(10, 11, 0, Map.of(), 0, 0, 0, 1, 2, 3, 0, 0,
            new ReceiveGap(270_000, 900_000, 5));
        final var gapped = new SessionSnapshot("core-1", new SingleHopKey("vA", InetAddress.getByName("192.0.2.2")),
            null, 7, 8, 3, 3, false, 49152, 3784, State.UP, State.UP, Diagnostic.NONE, Diagnostic.NONE, false, null,
            DetectionMode.ASYNC_WITHOUT_ECHO, 300_000, 300_000, 900_000, 0, counters, null);
        final var base = readings(List.of(gapped, session("core-2", "192.0.2.3", State.UP, 900_000, 1, Map.of(), 0)),
            Map.of());
        final var withLoops = new EngineReadings() {
            @Override
            public CompletableFuture<List<SessionSnapshot>> snapshots() {
                return base.snapshots();
            }

            @Override
            public CompletableFuture<EngineStats> stats() {
                return base.stats();
            }

            @Override
            public CompletableFuture<Map<RejectReason, Long>> unattributedRejects() {
                return base.unattributedRejects();
            }

            @Override
            public List<TickLag.Reading> tickLag() {
                final var idle = new TickLag.Figures(0, 0, 0, 0);
                return List.of(new TickLag.Reading(0, new TickLag.Figures(100, 15, 1_023, 2_500),
                    new TickLag.Figures(10, 7, 63, 80)), new TickLag.Reading(1, idle, idle));
            }
        };
        final String text = scrape(new BfdMetrics(withLoops, new TransitionCounter(), null));
        assertEquals(0.001023, sample(text,
            "bfd_loop_tick_lag_seconds{loop=\"0\",quantile=\"0.99\",window=\"start\"}"), 1e-12);
        assertEquals(0.0025, sample(text, "bfd_loop_tick_lag_seconds{loop=\"0\",quantile=\"1\",window=\"start\"}"),
            1e-12);
        assertEquals(0.00008, sample(text, "bfd_loop_tick_lag_seconds{loop=\"0\",quantile=\"1\",window=\"10s\"}"),
            1e-12);
        assertEquals(0, sample(text, "bfd_loop_tick_lag_seconds{loop=\"1\",quantile=\"0.5\",window=\"start\"}"));
        assertEquals(0.3, sample(text, "bfd_rx_gap_detection_ratio_max"), 1e-12);
        assertEquals(0.27, sample(text, "bfd_session_largest_rx_gap_seconds{session=\"core-1\"}"), 1e-12);
        assertEquals(0, sample(text, "bfd_session_largest_rx_gap_seconds{session=\"core-2\"}"));
    }

    @Test
    void writerLagIsAHistogram() throws IOException {
        final var lag = new org.odlbfd.impl.oper.WriterLagProbe();
        lag.record(3_000_000);
        lag.record(40_000_000);
        lag.record(20_000_000_000L);
        final String text = scrape(new BfdMetrics(readings(List.of(), Map.of()), new TransitionCounter(),
            lag.lag()));
        assertEquals(1, sample(text, "bfd_oper_writer_lag_seconds_bucket{le=\"0.005\"}"));
        assertEquals(2, sample(text, "bfd_oper_writer_lag_seconds_bucket{le=\"0.05\"}"));
        assertEquals(2, sample(text, "bfd_oper_writer_lag_seconds_bucket{le=\"10.0\"}"));
        assertEquals(3, sample(text, "bfd_oper_writer_lag_seconds_count"));
        assertEquals(20.043, sample(text, "bfd_oper_writer_lag_seconds_sum"), 1e-9);
        assertEquals(20, sample(text, "bfd_oper_writer_last_lag_seconds"), 1e-9);
    }

    @Test
    void sameNameTwiceDoesNotBreakTheScrape() throws IOException {
        final String text = scrape(new BfdMetrics(readings(List.of(
            session("x", "192.0.2.2", State.UP, 900_000, 1, Map.of(), 0),
            session("x", "192.0.2.3", State.UP, 900_000, 1, Map.of(), 0)), Map.of()), new TransitionCounter(), null));
        assertEquals(1, sample(text, "bfd_session_up{session=\"x\"}"));
        assertEquals(1, sample(text, "bfd_session_up{session=\"x (ip-sh vA,192.0.2.3)\"}"));
    }

    @Test
    void anEngineThatDoesNotAnswerFailsTheScrape() {
        final var stuck = new EngineReadings() {
            @Override
            public CompletableFuture<List<SessionSnapshot>> snapshots() {
                return CompletableFuture.failedFuture(new IllegalStateException("loop gone"));
            }

            @Override
            public CompletableFuture<EngineStats> stats() {
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<Map<RejectReason, Long>> unattributedRejects() {
                return new CompletableFuture<>();
            }
        };
        final var metrics = new BfdMetrics(stuck, new TransitionCounter(), null);
        assertThrows(IllegalStateException.class, () -> metrics.registry().scrape());
    }
}
