/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.metrics;

import static java.util.Objects.requireNonNull;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineStats;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.oper.WriterLag;
import org.odlbfd.impl.packet.RejectReason;

/**
 * The BFD metrics, named {@code bfd_*}, computed from the engine at each scrape (Prometheus
 * "collector" style: no second copy of the counters to keep in step). It knows nothing of HTTP:
 * the controller serves {@link #registry()} at {@code /bfd/metrics} on the RESTCONF port, and a
 * standalone agent can serve the same registry on a port of its own. The names are listed in the
 * top-level README.
 */
public final class BfdMetrics implements MultiCollector {
    /** Bounds of the detection-time histogram in seconds: RFC 7419's common intervals x 3, up to 10 s. */
    private static final double[] DETECTION_BOUNDS = {0.01, 0.03, 0.05, 0.1, 0.3, 0.5, 1, 3, 10,
        Double.POSITIVE_INFINITY};
    private static final long TIMEOUT_MS = 5_000;
    private static final String SESSION = "session";

    private final EngineReadings engine;
    private final TransitionCounter transitions;
    private final @Nullable WriterLag writerLag;
    private final PrometheusRegistry registry = new PrometheusRegistry();

    /**
     * Creates the metrics.
     *
     * @param engine what is read at each scrape
     * @param transitions the transition counts
     * @param writerLag the operational writer's lag, or null where there is no datastore (standalone agent)
     */
    public BfdMetrics(final EngineReadings engine, final TransitionCounter transitions,
            final @Nullable WriterLag writerLag) {
        this.engine = requireNonNull(engine);
        this.transitions = requireNonNull(transitions);
        this.writerLag = writerLag;
        registry.register(this);
    }

    /**
     * The metrics of a running engine.
     *
     * @param engine the engine
     * @param transitions the counter the engine was built with ({@link TransitionCounter#alongside})
     * @param writerLag the operational writer's lag, or null without a datastore
     * @return the metrics
     */
    public static BfdMetrics forEngine(final BfdEngine engine, final TransitionCounter transitions,
            final @Nullable WriterLag writerLag) {
        return new BfdMetrics(EngineReadings.of(engine), transitions, writerLag);
    }

    /**
     * A registry holding these metrics only, for an HTTP exporter.
     *
     * @return the registry
     */
    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public MetricSnapshots collect() {
        final List<SessionSnapshot> sessions;
        final EngineStats stats;
        final Map<RejectReason, Long> unattributed;
        final List<Labels> names;
        try {
            sessions = engine.snapshots().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            stats = engine.stats().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            unattributed = engine.unattributedRejects().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            names = sessionLabels(sessions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the BFD engine", e);
        } catch (ExecutionException | TimeoutException e) {
            // the scrape fails (HTTP 500) rather than showing made-up zeros
            throw new IllegalStateException("BFD engine did not answer in " + TIMEOUT_MS + " ms", e);
        }
        final var out = MetricSnapshots.builder()
            .metricSnapshot(sessionsByState(sessions))
            .metricSnapshot(transitions())
            .metricSnapshot(counter("bfd_packets_received", "Valid BFD Control packets received, all sessions",
                Labels.EMPTY, stats.rxPackets()))
            .metricSnapshot(counter("bfd_packets_sent", "BFD Control packets sent, all sessions", Labels.EMPTY,
                stats.txPackets()))
            .metricSnapshot(counter("bfd_packets_send_failed", "BFD packets that could not be sent, all sessions",
                Labels.EMPTY, sessions.stream().mapToLong(s -> s.statistics().txFailed()).sum()))
            .metricSnapshot(dropped(sessions, unattributed))
            .metricSnapshot(detectionHistogram(sessions))
            .metricSnapshot(lateness(stats))
            .metricSnapshot(HealthMetrics.tickLag(engine.tickLag()))
            .metricSnapshot(HealthMetrics.largestGapRatio(sessions))
            .metricSnapshot(perSession("bfd_session_largest_rx_gap_seconds",
                "Largest gap between valid packets after one received while Up (cleared with the statistics)",
                sessions, names, s -> s.statistics().largestGap().gapUs(), true))
            .metricSnapshot(perSession("bfd_session_up", "1 when the session is Up, else 0", sessions,
                names, s -> s.localState() == State.UP ? 1 : 0, false))
            .metricSnapshot(perSession("bfd_session_detection_time_seconds",
                "Detection Time in use (RFC 5880 6.8.4), seconds", sessions, names, SessionSnapshot::detectionTimeUs,
                true))
            .metricSnapshot(perSessionCounter("bfd_session_packets_received", "Valid Control packets received",
                sessions, names, s -> s.statistics().rxPackets()))
            .metricSnapshot(perSessionCounter("bfd_session_packets_sent", "Control packets sent", sessions,
                names, s -> s.statistics().txPackets()))
            .metricSnapshot(perSessionCounter("bfd_session_packets_dropped",
                "Control packets received and discarded, all reasons", sessions, names,
                s -> s.statistics().rxInvalid()))
            .metricSnapshot(perSessionCounter("bfd_session_down", "Transitions to Down (flaps)", sessions,
                names, s -> s.statistics().downCount()));
        final var lag = writerLag;
        if (lag != null) {
            final var figures = lag.snapshot();
            out.metricSnapshot(writerHistogram(figures));
            out.metricSnapshot(GaugeSnapshot.builder().name("bfd_oper_writer_last_lag_seconds")
                .help("Lag of the operational writer's latest commit").unit(Unit.SECONDS)
                .dataPoint(GaugeDataPointSnapshot.builder().value(figures.lastSeconds()).build()).build());
        }
        return out.build();
    }

    private static GaugeSnapshot sessionsByState(final List<SessionSnapshot> sessions) {
        final Map<State, Long> byState = new EnumMap<>(State.class);
        for (State state : State.values()) {
            byState.put(state, 0L);
        }
        sessions.forEach(s -> byState.merge(s.localState(), 1L, Long::sum));
        final var builder = GaugeSnapshot.builder().name("bfd_sessions")
            .help("BFD sessions by local state (RFC 5880 bfd.SessionState)");
        byState.forEach((state, count) -> builder.dataPoint(GaugeDataPointSnapshot.builder()
            .labels(Labels.of("state", label(state))).value(count).build()));
        return builder.build();
    }

    private CounterSnapshot transitions() {
        final var builder = CounterSnapshot.builder().name("bfd_transitions")
            .help("Session state transitions since start, by state entered and local diagnostic (RFC 5880 6.8.1)");
        for (State state : State.values()) {
            for (Diagnostic diag : Diagnostic.values()) {
                final long count = transitions.get(state, diag);
                if (count != 0) {
                    builder.dataPoint(CounterDataPointSnapshot.builder()
                        .labels(Labels.of("state", label(state), "diag", label(diag))).value(count).build());
                }
            }
        }
        return builder.build();
    }

    private static CounterSnapshot dropped(final List<SessionSnapshot> sessions,
            final Map<RejectReason, Long> unattributed) {
        final Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        byReason.putAll(unattributed);
        for (SessionSnapshot session : sessions) {
            session.statistics().rxInvalidByReason().forEach((reason, count) -> byReason.merge(reason, count,
                Long::sum));
        }
        final var builder = CounterSnapshot.builder().name("bfd_packets_dropped")
            .help("BFD packets discarded, by reason (RFC 5880 6.8.6 and the checks of RFC 5881/5883)");
        for (RejectReason reason : RejectReason.values()) {
            builder.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("reason", label(reason)))
                .value(byReason.getOrDefault(reason, 0L)).build());
        }
        return builder.build();
    }

    private static HistogramSnapshot detectionHistogram(final List<SessionSnapshot> sessions) {
        final long[] counts = new long[DETECTION_BOUNDS.length];
        double sum = 0;
        for (SessionSnapshot session : sessions) {
            if (session.detectionTimeUs() <= 0) {
                continue;
            }
            final double seconds = session.detectionTimeUs() / 1e6;
            int index = 0;
            while (seconds > DETECTION_BOUNDS[index]) {
                index++;
            }
            counts[index]++;
            sum += seconds;
        }
        // a gauge histogram: the distribution of the sessions as they are now, not a running count
        return HistogramSnapshot.builder().gaugeHistogram(true).name("bfd_detection_time_seconds")
            .help("Detection Time of the sessions now (RFC 5880 6.8.4)").unit(Unit.SECONDS)
            .dataPoint(HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(DETECTION_BOUNDS, counts)).sum(sum).build())
            .build();
    }

    private static GaugeSnapshot lateness(final EngineStats stats) {
        return GaugeSnapshot.builder().name("bfd_engine_detection_lateness_seconds")
            .help("How late after its deadline the engine declared Down, over its recent detections "
                + "(engine loop health)").unit(Unit.SECONDS)
            .dataPoint(quantile("0.5", stats.latenessP50Us()))
            .dataPoint(quantile("0.99", stats.latenessP99Us()))
            .dataPoint(quantile("1", stats.latenessMaxUs()))
            .build();
    }

    private static GaugeDataPointSnapshot quantile(final String quantile, final long micros) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of("quantile", quantile)).value(micros / 1e6).build();
    }

    private static HistogramSnapshot writerHistogram(final WriterLag.Snapshot figures) {
        final List<Double> bounds = new ArrayList<>(figures.upperBounds());
        bounds.add(Double.POSITIVE_INFINITY);
        return HistogramSnapshot.builder().name("bfd_oper_writer_lag_seconds")
            .help("Time from a state update reaching the operational writer to its datastore commit")
            .unit(Unit.SECONDS)
            .dataPoint(HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, figures.counts()))
                .sum(figures.sumSeconds()).build())
            .build();
    }

    /**
     * The {@code session} label of each session: its name. Configured names are unique, but one may
     * equal a default name of another session; the key then tells them apart, since duplicate
     * labels would fail the whole scrape.
     */
    private static List<Labels> sessionLabels(final List<SessionSnapshot> sessions) {
        final Set<String> seen = new HashSet<>();
        final List<Labels> labels = new ArrayList<>(sessions.size());
        for (SessionSnapshot session : sessions) {
            final String name = seen.add(session.name()) ? session.name()
                : session.name() + " (" + session.key() + ")";
            labels.add(Labels.of(SESSION, name));
        }
        return labels;
    }

    private static GaugeSnapshot perSession(final String name, final String help,
            final List<SessionSnapshot> sessions, final List<Labels> labels,
            final ToLongFunction<SessionSnapshot> value, final boolean micros) {
        final var builder = GaugeSnapshot.builder().name(name).help(help);
        for (int i = 0; i < sessions.size(); i++) {
            final long raw = value.applyAsLong(sessions.get(i));
            builder.dataPoint(GaugeDataPointSnapshot.builder().labels(labels.get(i)).value(micros ? raw / 1e6 : raw)
                .build());
        }
        return builder.build();
    }

    private static CounterSnapshot perSessionCounter(final String name, final String help,
            final List<SessionSnapshot> sessions, final List<Labels> labels,
            final ToLongFunction<SessionSnapshot> value) {
        final var builder = CounterSnapshot.builder().name(name).help(help);
        for (int i = 0; i < sessions.size(); i++) {
            builder.dataPoint(CounterDataPointSnapshot.builder().labels(labels.get(i))
                .value(value.applyAsLong(sessions.get(i))).build());
        }
        return builder.build();
    }

    private static CounterSnapshot counter(final String name, final String help, final Labels labels,
            final long value) {
        return CounterSnapshot.builder().name(name).help(help)
            .dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(value).build()).build();
    }

    /** Label values: the enum name in lower case, e.g. {@code admin_down}, {@code control_expiry}. */
    static String label(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
