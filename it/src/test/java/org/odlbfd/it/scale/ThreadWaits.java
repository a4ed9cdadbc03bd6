/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Per-thread CPU time and run-queue wait of a process, from {@code /proc/PID/task/TID/schedstat}
 * (ns on the CPU, ns runnable but waiting for a CPU, time slices): whether the engine's busy loop
 * threads were starved of CPU during a hold, which the harness's own sleep probe cannot see.
 */
final class ThreadWaits {
    /** One thread's cumulative figures. */
    record Times(String name, long runNs, long waitNs, long slices) {
    }

    private ThreadWaits() {
    }

    static Map<Long, Times> read(final long pid) {
        final Map<Long, Times> out = new HashMap<>();
        final Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                try {
                    final String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    final String name = Files.readString(task.resolve("comm")).trim();
                    out.put(Long.parseLong(task.getFileName().toString()), new Times(name, Long.parseLong(f[0]),
                        Long.parseLong(f[1]), Long.parseLong(f[2])));
                } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    // the thread ended meanwhile, or the kernel has no schedstat: skip it
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /**
     * The {@code top} threads that ran most since {@code base}: name, CPU ms, run-queue wait ms and
     * the average wait per time slice.
     */
    static String busiest(final Map<Long, Times> base, final Map<Long, Times> now, final int top) {
        if (now.isEmpty()) {
            return "n/a";
        }
        return now.entrySet().stream()
            .map(e -> {
                final Times was = base.getOrDefault(e.getKey(), new Times("", 0, 0, 0));
                final Times is = e.getValue();
                return new Times(is.name() + "/" + e.getKey(), is.runNs() - was.runNs(), is.waitNs() - was.waitNs(),
                    is.slices() - was.slices());
            })
            .sorted(Comparator.comparingLong(Times::runNs).reversed()).limit(top)
            .map(t -> String.format(Locale.ROOT, "%s:run=%dms,wait=%dms,wait/slice=%.2fms", t.name().replace(' ', '_'),
                t.runNs() / 1_000_000, t.waitNs() / 1_000_000, t.slices() == 0 ? 0 : t.waitNs() / 1e6 / t.slices()))
            .collect(Collectors.joining(","));
    }
}
