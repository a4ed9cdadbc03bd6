/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.engine.TickLag;
import org.odlbfd.impl.session.ReceiveGap;

/**
 * The agent's {@code health [N]} reply: the health figures of PERF-NOTES rule 6 on one line, for
 * the scale harness. Each loop's tick lag since start and over the last 10 s, the N sessions whose
 * largest receive gap is the largest share of their Detection Time (with when it happened), and
 * the kernel's receive-buffer drops:
 * <pre>
 *   HEALTH loops=2 tick_lag_us=L0:start:12/250/4100,10s:10/90/300;L1:...
 *          gaps=s12:450000/150000=3.00x@2026-11-26T23:10:05.123Z,... kernel_drops=0
 * </pre>
 * A tick-lag triple is p50/p99/max in µs; a gap is gap/Detection Time in µs.
 */
final class HealthCommand {
    static final int DEFAULT_TOP = 5;

    private HealthCommand() {
    }

    static String line(final List<TickLag.Reading> loops, final List<SessionSnapshot> sessions, final int top,
            final long kernelDrops) {
        final StringBuilder text = new StringBuilder("HEALTH loops=").append(loops.size()).append(" tick_lag_us=");
        for (TickLag.Reading reading : loops) {
            text.append(reading.loop() == loops.get(0).loop() ? "" : ";").append('L').append(reading.loop())
                .append(":start:").append(triple(reading.sinceStart())).append(",10s:")
                .append(triple(reading.recent()));
        }
        text.append(" gaps=");
        final List<SessionSnapshot> worst = sessions.stream()
            .filter(s -> s.statistics().largestGap().detectionTimeUs() > 0)
            .sorted(Comparator.comparingDouble((SessionSnapshot s) -> s.statistics().largestGap().ratio()).reversed())
            .limit(top).toList();
        if (worst.isEmpty()) {
            text.append('-');
        }
        for (SessionSnapshot session : worst) {
            final ReceiveGap gap = session.statistics().largestGap();
            text.append(session == worst.get(0) ? "" : ",").append(session.name()).append(':').append(gap.gapUs())
                .append('/').append(gap.detectionTimeUs()).append('=')
                .append(String.format(Locale.ROOT, "%.2fx", gap.ratio())).append('@')
                .append(Instant.ofEpochMilli(gap.atMillis()));
        }
        return text.append(" kernel_drops=").append(kernelDrops).toString();
    }

    private static String triple(final TickLag.Figures figures) {
        return figures.p50Us() + "/" + figures.p99Us() + "/" + figures.maxUs();
    }
}
