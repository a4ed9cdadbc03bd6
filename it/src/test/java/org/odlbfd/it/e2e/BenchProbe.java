/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a benchmark reads from the controller JVM from outside, with the JDK's own tools: its
 * footprint (RSS, heap in use after a full GC, native memory by category when tracking is on), a
 * class histogram, a flight recording, and the stop-the-world pauses of its safepoint log.
 */
final class BenchProbe {
    private static final Logger LOG = LoggerFactory.getLogger(BenchProbe.class);
    /** JDK 21 -Xlog:safepoint: {@code Safepoint "ZMarkStartYoung", Time since last: ..., Total: 12345 ns}. */
    private static final Pattern SAFEPOINT = Pattern.compile("Safepoint \"([^\"]+)\".* Total: (\\d+) ns");
    /** NMT summary: {@code -   Java Heap (reserved=2097152KB, committed=262144KB)}. */
    private static final Pattern NMT = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

    /** Safepoint operations that jcmd asks for: the benchmark's own, not the controller's. */
    private static final Set<String> JCMD_OPERATIONS = Set.of("GC_HeapInspection", "HeapDumper",
        "PrintThreads", "ThreadDump", "FindDeadlocks", "PrintJNI", "ClassLoaderStatsOperation",
        "ClassLoaderHierarchyOperation");

    private final Controller controller;

    BenchProbe(final Controller controller) {
        this.controller = controller;
    }

    /** The options that make the controller JVM write the safepoint log this probe reads. */
    static String safepointLogOption(final Path log) {
        return "-Xlog:safepoint=info:file=" + log.toAbsolutePath() + ":uptime";
    }

    /** RSS and heap in use after a full GC (two, as the first after boot still frees boot leftovers). */
    String footprint() {
        controller.heapUsedAfterGcKib();
        final long heap = controller.heapUsedAfterGcKib();
        return "RSS " + controller.rssKib() / 1024 + " MiB, heap in use after a full GC " + heap / 1024 + " MiB";
    }

    /** Heap in use after a full GC, KiB. */
    long heapKib() {
        controller.heapUsedAfterGcKib();
        return controller.heapUsedAfterGcKib();
    }

    /** Committed native memory by category, MiB, when the JVM runs with -XX:NativeMemoryTracking. */
    String nativeMemory() {
        final var out = jcmd("VM.native_memory", "summary");
        final var sb = new StringBuilder();
        for (String line : out.split("\n")) {
            final var m = NMT.matcher(line.trim());
            if (m.find() && Long.parseLong(m.group(3)) >= 1024) {
                sb.append(sb.isEmpty() ? "" : ", ").append(m.group(1).trim()).append(' ')
                    .append(Long.parseLong(m.group(3)) / 1024);
            }
        }
        return sb.isEmpty() ? "no native memory tracking" : "committed MiB: " + sb;
    }

    /** Live instances and bytes per class ({@code GC.class_histogram}, which collects first). */
    Map<String, long[]> histogram() {
        final Map<String, long[]> result = new HashMap<>();
        // "   1:        123456       7890123  org.example.Foo (java.base@21)"
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            final String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].endsWith(":")) {
                result.put(cols[3], new long[] {Long.parseLong(cols[1]), Long.parseLong(cols[2])});
            }
        }
        return result;
    }

    /** The classes whose live bytes grew most between two histograms, per unit (a session). */
    static String growth(final Map<String, long[]> before, final Map<String, long[]> after, final int units,
            final int top) {
        final List<Map.Entry<String, Long>> grown = new ArrayList<>();
        long total = 0;
        long ours = 0;
        for (var entry : after.entrySet()) {
            final long[] was = before.getOrDefault(entry.getKey(), new long[2]);
            final long bytes = entry.getValue()[1] - was[1];
            total += bytes;
            if (entry.getKey().startsWith("org.odlbfd.")) {
                ours += bytes;
            }
            grown.add(Map.entry(entry.getKey(), bytes));
        }
        grown.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        final var sb = new StringBuilder("histogram growth ").append(total / units)
            .append(" bytes per session (odl-bfd's own classes ").append(ours / units).append("); most:");
        for (var entry : grown.subList(0, Math.min(top, grown.size()))) {
            final long[] now = after.get(entry.getKey());
            final long[] was = before.getOrDefault(entry.getKey(), new long[2]);
            sb.append(' ').append(entry.getKey()).append(' ').append(entry.getValue() / units).append(" B (")
                .append(String.format("%.1f", (now[0] - was[0]) / (double) units)).append(" objects);");
        }
        return sb.toString();
    }

    /**
     * CPU time used so far by the controller's threads, in clock ticks, by thread name with digits
     * folded ({@code qtp123-45} and {@code qtp123-46} are one group), from {@code /proc/PID/task}.
     * Linux keeps 15 characters of a thread's name.
     */
    Map<String, Long> threadCpu() {
        final Map<String, Long> result = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(controller.pid()), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    final String stat = Files.readString(task.resolve("stat"));
                    final String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                        .replaceAll("\\d+", "#");
                    // after the name: state, then fields 4..; utime and stime are fields 14 and 15
                    final String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    result.merge(name, Long.parseLong(rest[11]) + Long.parseLong(rest[12]), Long::sum);
                } catch (IOException | StringIndexOutOfBoundsException e) {
                    LOG.debug("thread {} gone", task, e);
                }
            }
        } catch (IOException e) {
            LOG.warn("no thread list for the controller", e);
        }
        return result;
    }

    /** The thread groups that used most CPU between two {@link #threadCpu()} readings, in ms. */
    static String cpuGrowth(final Map<String, Long> before, final Map<String, Long> after, final int top) {
        final List<Map.Entry<String, Long>> used = new ArrayList<>();
        long total = 0;
        for (var entry : after.entrySet()) {
            final long ticks = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            total += ticks;
            used.add(Map.entry(entry.getKey(), ticks));
        }
        used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        // USER_HZ is 100 on Linux: a tick is 10 ms
        final var sb = new StringBuilder("controller CPU ").append(total * 10).append(" ms:");
        for (var entry : used.subList(0, Math.min(top, used.size()))) {
            sb.append(' ').append(entry.getKey()).append(' ').append(entry.getValue() * 10).append(';');
        }
        return sb.toString();
    }

    /** Starts a flight recording (profile settings) named {@code name}. */
    void startRecording(final String name) {
        LOG.info("JFR start: {}", jcmd("JFR.start", "name=" + name, "settings=profile"));
    }

    /** Writes the recording to {@code file} and stops it. */
    void dumpRecording(final String name, final Path file) {
        LOG.info("JFR dump: {}", jcmd("JFR.dump", "name=" + name, "filename=" + file.toAbsolutePath()));
        jcmd("JFR.stop", "name=" + name);
    }

    /**
     * Stop-the-world pauses from the safepoint log: count, p50, p99 and max of all but those this probe
     * caused (class histograms, thread dumps), and the same for the collector's own operations (names
     * starting with Z, G1, Shenandoah or CollectFor).
     */
    static String pauses(final Path log) {
        final List<Long> all = new ArrayList<>();
        final List<Long> gc = new ArrayList<>();
        String worst = "";
        long worstNs = -1;
        try {
            for (String line : Files.readAllLines(log)) {
                final var m = SAFEPOINT.matcher(line);
                if (m.find() && !JCMD_OPERATIONS.contains(m.group(1))) {
                    final long ns = Long.parseLong(m.group(2));
                    all.add(ns);
                    final String op = m.group(1);
                    if (op.startsWith("Z") || op.startsWith("G1") || op.startsWith("Shenandoah")
                            || op.startsWith("CollectFor")) {
                        gc.add(ns);
                    }
                    if (ns > worstNs) {
                        worstNs = ns;
                        worst = op;
                    }
                }
            }
        } catch (IOException e) {
            return "no safepoint log (" + e.getMessage() + ")";
        }
        return "safepoints " + summary(all) + ", the longest " + worst + "; collector's pauses " + summary(gc);
    }

    private static String summary(final List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "none";
        }
        final var sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return String.format("n=%d p50 %.3f ms p99 %.3f ms max %.3f ms", sorted.size(), at(sorted, 50) / 1e6,
            at(sorted, 99) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    private static long at(final List<Long> sorted, final int percent) {
        final int idx = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private String jcmd(final String... command) {
        final var args = new ArrayList<String>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(controller.pid()));
        args.addAll(List.of(command));
        final var out = Shell.run(Duration.ofSeconds(120), args.toArray(String[]::new));
        if (!out.ok()) {
            LOG.warn("jcmd {} failed: {}", List.of(command), out);
        }
        return out.out();
    }
}
