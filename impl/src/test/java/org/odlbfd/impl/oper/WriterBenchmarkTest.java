/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test (tag "benchmark", out of the default run): the operational writer on the
 * in-memory datastore, N sessions going through the writes of a bring-up burst (created, first
 * packet, Up, the Poll/Final to the configured rate, a counters period), each phase handed over at
 * once and timed until its commit. Compares the writer as it was (every change a whole entry, no
 * codec warm-up) with the writer now (only what changed, codec warmed at start), each on a fresh
 * datastore, in two rounds so that the second has a warm JIT for both. Generated codec classes outlive
 * a datastore, so only the writer that runs first ({@code -Dbench.first=before}, the default, or
 * {@code now}) meets a cold codec.
 *
 * <p>Per phase it prints the time, the updates per second, the transactions it took and so the
 * transactions per transition, and the lag behind the last update handed over (what the operational
 * view trails the engine's last transition by). After the burst, with the N sessions in the
 * datastore, {@value #ISOLATED} isolated transitions one after the other, each timed from hand-over
 * until committed (p50/p99/max), the writer's own lag histogram (what /bfd/metrics exports), and the
 * heap the N sessions hold (datastore tree and writer, after full GCs) per session. The load average
 * is printed with every line: this box is shared. Run with
 * {@code ./mvnw -B -o -pl impl test -Dtest=WriterBenchmarkTest -Dgroups=benchmark -DexcludedGroups=none
 * -Djacoco.skip=true} ({@code -Dbench.sessions=N}, default 1,000); figures are the BENCH lines.
 */
@Tag("benchmark")
class WriterBenchmarkTest extends AbstractConcurrentDataBrokerTest {
    private static final Logger LOG = LoggerFactory.getLogger(WriterBenchmarkTest.class);
    private static final int COUNT = Integer.getInteger("bench.sessions", 1000);
    /** Isolated transitions timed after the burst. */
    private static final int ISOLATED = 200;
    /** Which writer runs first, on a cold codec and JIT: "before" or "now". */
    private static final boolean BEFORE_FIRST = !"now".equals(System.getProperty("bench.first", "before"));

    WriterBenchmarkTest() {
        super(true);
    }

    @Test
    void burst() throws Exception {
        final List<String> lines = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            lines.add(run(round, BEFORE_FIRST));
            lines.add(run(round, !BEFORE_FIRST));
        }
        lines.forEach(line -> LOG.info("BENCH {}", line));
    }

    private String run(final int round, final boolean before) throws Exception {
        setup();
        // the previous run's datastore is garbage now: the baseline is an empty datastore
        final long heapBefore = heapAfterGc();
        final long start = System.nanoTime();
        final var writer = new OperationalWriter(getDataBroker(), System::nanoTime, !before, before);
        try {
            assertTrue(writer.drain(60_000));
            final long warm = System.nanoTime() - start;
            final var keys = new ArrayList<SingleHopKey>();
            for (int i = 0; i < COUNT; i++) {
                keys.add(new SingleHopKey("eth0", address(i)));
            }
            final var sb = new StringBuilder("oper writer ").append(COUNT).append(" sessions, ")
                .append(before ? "before (whole entries, no warm-up)" : "now (changes only, codec warmed)")
                .append(", round ").append(round).append(", load average ").append(loadAverage())
                .append(": start ").append(warm / 1_000_000).append(" ms");
            long total = 0;
            total += phase(sb, "created", writer, i -> Views.of(keys.get(i)).build());
            total += phase(sb, "first packet", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3)
                .state(State.INIT, State.DOWN).counters(1, 1).build());
            total += phase(sb, "Up", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3).state(State.UP, State.UP)
                .upAt(1_000).counters(2, 2).build());
            total += phase(sb, "Poll/Final", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3)
                .state(State.UP, State.UP).upAt(1_000).counters(2, 2).intervals(300_000, 900_000).build());
            total += phase(sb, "counters", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3)
                .state(State.UP, State.UP).upAt(1_000).counters(20, 20).intervals(300_000, 900_000).build());
            final long[] counts = writer.writeCounts();
            sb.append("; burst total ").append(total / 1_000_000).append(" ms; entries written whole ")
                .append(counts[0]).append(", in part ").append(counts[1]);
            isolated(sb, writer, keys);
            sb.append("; writer lag histogram (all commits) ").append(histogramQuantiles(writer.lag()));
            final long held = heapAfterGc() - heapBefore;
            sb.append("; heap held with ").append(COUNT).append(" sessions ")
                .append(String.format("%.1f", held / 1048576.0)).append(" MiB (")
                .append(String.format("%.2f", held / 1024.0 / COUNT))
                .append(" KiB/session, datastore + writer, after GC); load average ").append(loadAverage());
            return sb.toString();
        } finally {
            writer.close();
        }
    }

    private static long phase(final StringBuilder sb, final String name, final OperationalWriter writer,
            final IntFunction<SessionView> view) {
        final long commitsBefore = writer.commits();
        final long start = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            writer.put(view.apply(i));
        }
        final long handedOver = System.nanoTime();
        assertTrue(writer.drain(120_000));
        final long end = System.nanoTime();
        final long nanos = end - start;
        final long commits = writer.commits() - commitsBefore;
        sb.append(", ").append(name).append(' ').append(nanos / 1_000_000).append(" ms (")
            .append(nanos / 1_000 / COUNT).append(" µs/session, ")
            .append(Math.round(COUNT * 1e9 / nanos)).append(" updates/s, ").append(commits).append(" tx = ")
            .append(String.format("%.4f", (double) commits / COUNT)).append(" tx/update, lag behind the last ")
            .append((end - handedOver) / 1_000_000).append(" ms)");
        return nanos;
    }

    /** One session at a time goes Down and back Up, each timed from hand-over until committed. */
    private static void isolated(final StringBuilder sb, final OperationalWriter writer,
            final List<SingleHopKey> keys) {
        final long commitsBefore = writer.commits();
        final long[] micros = new long[ISOLATED];
        for (int n = 0; n < ISOLATED; n++) {
            // a session goes Down, then the same session comes back Up
            final int i = n / 2 * Math.max(1, COUNT / (ISOLATED / 2)) % COUNT;
            final var view = n % 2 == 0
                ? Views.of(keys.get(i)).state(State.DOWN, State.DOWN).downs(1).counters(20, 20).build()
                : Views.of(keys.get(i)).peer(i + 1, 3).state(State.UP, State.UP).upAt(2_000).downs(1)
                    .counters(21, 21).build();
            final long start = System.nanoTime();
            writer.put(view);
            assertTrue(writer.drain(10_000));
            micros[n] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        sb.append("; ").append(ISOLATED).append(" isolated transitions, hand-over to committed p50 ")
            .append(micros[ISOLATED / 2] / 1000.0).append(" / p99 ").append(micros[ISOLATED * 99 / 100] / 1000.0)
            .append(" / max ").append(micros[ISOLATED - 1] / 1000.0).append(" ms, ")
            .append(writer.commits() - commitsBefore).append(" tx");
    }

    /** p50 and p99 as the bucket bounds they fall under, as a Prometheus histogram_quantile would bound them. */
    private static String histogramQuantiles(final WriterLag lag) {
        final var snap = lag.snapshot();
        final long total = snap.counts().stream().mapToLong(Long::longValue).sum();
        return "p50 <= " + bound(snap, total, 0.5) + ", p99 <= " + bound(snap, total, 0.99) + " (" + total
            + " commits recorded)";
    }

    private static String bound(final WriterLag.Snapshot snap, final long total, final double quantile) {
        long seen = 0;
        for (int b = 0; b < snap.counts().size(); b++) {
            seen += snap.counts().get(b);
            if (seen >= quantile * total) {
                return b < snap.upperBounds().size() ? snap.upperBounds().get(b) * 1000 + " ms" : "inf";
            }
        }
        return "n/a";
    }

    private static long heapAfterGc() throws InterruptedException {
        final var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static InetAddress address(final int index) {
        return InetAddresses.forString("2001:db8:100::" + Integer.toHexString(2 * index + 2));
    }
}
