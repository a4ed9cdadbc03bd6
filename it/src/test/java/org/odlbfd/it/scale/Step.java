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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step: start both ends with N sessions, wait until all are Up, hold, then SIGKILL end B and time
 * how fast end A declares every session Down. Every wait is bounded.
 *
 * <p>Agent ends are polled every second during the hold (their {@code stats} is cheap), so a false Down
 * ends the hold early; FRR ends are read only at the start and end of the hold, because dumping
 * thousands of peers as JSON costs bfdd CPU that would then be charged to its packets.
 */
final class Step {
    private static final Logger LOG = LoggerFactory.getLogger(Step.class);
    private static final long SETTLE_MS = 2000;

    private Step() {
    }

    static StepResult run(final ScaleBed bed, final ScaleConfig cfg, final String pairing, final int ms,
            final int count, final Consumer<String> report) {
        final String[] ends = pairing.split("-");
        final long start = System.nanoTime();
        try (Side a = start(ends[0], bed, bed.a(), cfg, count, ms);
             Side b = start(ends[1], bed, bed.b(), cfg, count, ms)) {
            final long upDeadline = start + TimeUnit.SECONDS.toNanos(30 + count / 50);
            Side.Sample sa = a.sample();
            Side.Sample sb = b.sample();
            while (Math.min(sa.up(), sb.up()) < count && System.nanoTime() < upDeadline) {
                Shell.sleep(1000);
                sa = a.sample();
                sb = b.sample();
            }
            if (Math.min(sa.up(), sb.up()) < count) {
                LOG.warn("{} {} ms N={}: only A={} B={} Up", pairing, ms, count, sa.up(), sb.up());
                return StepResult.notUp(pairing, ms, count, Math.min(sa.up(), sb.up()), "not all Up in time");
            }
            final long bringUpMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Shell.sleep(SETTLE_MS);
            final Side.Sample a0 = a.sample();
            final Side.Sample b0 = b.sample();
            a.markThreads();
            b.markThreads();
            final long h0 = System.nanoTime();
            final long holdEnd = h0 + TimeUnit.SECONDS.toNanos(cfg.holdS());
            long now = h0;
            String stopped = "end of hold";
            final long stallMs;
            try (StallProbe stalls = new StallProbe(cfg.holdS() + 5L)) {
                while (now < holdEnd) {
                    Shell.sleep(Math.min(1000, TimeUnit.NANOSECONDS.toMillis(holdEnd - now) + 1));
                    now = System.nanoTime();
                    if (falseDowns(a, a0) + falseDowns(b, b0) > 0) {
                        LOG.warn("{} {} ms N={}: false Down after {} ms", pairing, ms, count,
                            TimeUnit.NANOSECONDS.toMillis(now - h0));
                        stopped = "false Down seen " + TimeUnit.NANOSECONDS.toMillis(now - h0) + " ms into the hold at "
                            + Instant.now();
                        break;
                    }
                }
                stallMs = stalls.maxGapMs();
            }
            // the health figures right after the burst (or the hold): tick lag per loop, largest gaps
            final String where = String.format(Locale.ROOT, "HEALTH %s %d ms N=%d %s (load %s):", pairing, ms,
                count, stopped, loadAverage());
            report.accept(where + " A " + a.health());
            report.accept(where + " B " + b.health());
            final Side.Sample a1 = a.sample();
            final Side.Sample b1 = b.sample();
            final long heldMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - h0);
            final long falseDowns = a1.downs() - a0.downs() + b1.downs() - b0.downs();
            final int mark = a.mark();
            final long killNs = b.kill();
            final long allDownMs = awaitAllDown(a, a1.downs(), count, killNs, ms);
            final List<Long> delays = new ArrayList<>();
            for (long t : a.expiryTimes(mark)) {
                delays.add(TimeUnit.NANOSECONDS.toMicros(t - killNs));
            }
            final long detected = a.sample().downs() - a1.downs();
            return new StepResult(pairing, ms, count, bringUpMs, heldMs, falseDowns, Math.min(a1.up(), b1.up()),
                a1.cpuMicros() - a0.cpuMicros(), a1.packets() - a0.packets(), b1.cpuMicros() - b0.cpuMicros(),
                b1.packets() - b0.packets(), StepResult.toArray(delays), detected, allDownMs, a.lateness(),
                "largest scheduling stall seen by the harness during the hold " + stallMs + "ms");
        } catch (IllegalStateException | AssertionError e) {
            // an end that stops answering (FRR's vtysh times out when bfdd is saturated) fails this N, not the run
            LOG.warn("{} {} ms N={} failed", pairing, ms, count, e);
            final String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return StepResult.notUp(pairing, ms, count, -1, "aborted: " + why);
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).trim().split(" "))
                .subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    private static Side start(final String kind, final ScaleBed bed, final ScaleBed.End end, final ScaleConfig cfg,
            final int count, final int ms) {
        return switch (kind) {
            case "agent" -> AgentSide.start(cfg, end, count, ms);
            case "frr" -> FrrSide.start(bed.net(), end, count, ms);
            default -> throw new IllegalArgumentException("unknown end " + kind + " (agent or frr)");
        };
    }

    /** Downs since {@code base}, for agents only (see the class comment); 0 for FRR until the final sample. */
    private static long falseDowns(final Side side, final Side.Sample base) {
        return side instanceof AgentSide ? side.sample().downs() - base.downs() : 0;
    }

    /** Waits until A counted {@code count} more Downs than {@code downsBefore}; ms after the kill, or -1. */
    private static long awaitAllDown(final Side side, final long downsBefore, final int count, final long killNs,
            final int ms) {
        final long deadline = killNs + TimeUnit.MILLISECONDS.toNanos(ms * ScaleConfig.MULT * 4L + 5000 + count);
        final long poll = side instanceof AgentSide ? 50 : 500;
        while (System.nanoTime() < deadline) {
            if (side.sample().downs() - downsBefore >= count) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killNs);
            }
            Shell.sleep(poll);
        }
        return -1;
    }
}
