/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route tracker's own figures, read from the controller's karaf.log: for each BFD event, how
 * long after the engine's transition its routes reached the kernel and the operational RIB (lines
 * {@code MEASURED route-tracking kernel|rib|device N ms after the BFD event, M route(s)}).
 */
final class RouteLog {
    private static final Pattern LINE = Pattern.compile(
        "MEASURED route-tracking (kernel|rib|device) ([0-9.]+) ms after the BFD event, ([0-9]+) route");

    /**
     * One batch.
     *
     * @param stage kernel or rib
     * @param millis how long after the event
     * @param routes how many routes
     */
    record Sample(String stage, double millis, int routes) {
    }

    private final Path file;
    private long mark;

    RouteLog(final Path home) {
        file = home.resolve("data/log/karaf.log");
    }

    /** Samples from here on only. */
    void mark() {
        mark = size();
    }

    private long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Sample> samples() {
        final List<Sample> result = new ArrayList<>();
        try {
            final byte[] all = Files.readAllBytes(file);
            final String text = new String(all, (int) Math.min(mark, all.length),
                (int) Math.max(0, all.length - mark), StandardCharsets.UTF_8);
            final Matcher m = LINE.matcher(text);
            while (m.find()) {
                result.add(new Sample(m.group(1), Double.parseDouble(m.group(2)), Integer.parseInt(m.group(3))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** p50 / p99 / max of one stage's samples, e.g. {@code 1.2 / 3.4 / 3.4 ms (n=20)}. */
    static String summary(final List<Sample> samples, final String stage) {
        final double[] ms = samples.stream().filter(s -> s.stage().equals(stage)).mapToDouble(Sample::millis)
            .sorted().toArray();
        if (ms.length == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f / max %.1f ms (n=%d)", percentile(ms, 50),
            percentile(ms, 99), ms[ms.length - 1], ms.length);
    }

    static double percentile(final double[] sorted, final int pct) {
        final double[] copy = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(copy);
        final int index = (int) Math.ceil(pct / 100.0 * copy.length) - 1;
        return copy[Math.max(0, Math.min(copy.length - 1, index))];
    }
}
