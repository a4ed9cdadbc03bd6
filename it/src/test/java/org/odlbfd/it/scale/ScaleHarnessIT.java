/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.odlbfd.it.interop.Testbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BFD scale harness (tag "scale": never in the default build). For each interval (50 and 300 ms,
 * multiplier 3) it searches the largest N held for the hold time with zero false Down, N upward and
 * stopping at the first failure, with the first pairing (agent-agent: our engine in both namespaces);
 * then runs the other pairings (agent-frr: our engine in A, FRR bfdd 8.4 in B) at that N. Each step
 * ends by SIGKILLing end B and timing A's detections. Figures: target/scale-report.txt and the log.
 * <pre>
 *   ./mvnw -B -o -f it/pom.xml verify -Pscale -Dscale.hold=60
 * </pre>
 * See it/src/test/resources/scale/README.md for every property and for what each figure means.
 */
@Tag("scale")
class ScaleHarnessIT {
    private static final Logger LOG = LoggerFactory.getLogger(ScaleHarnessIT.class);
    private static final Path REPORT = Path.of("target", "scale-report.txt");
    private static final int TARGET_SESSIONS = 3000;
    private static final int TARGET_INTERVAL_MS = 50;
    private static final double DETECTION_SLACK_MS = 5.0;

    private static ScaleConfig cfg;
    private static ScaleBed bed;

    @BeforeAll
    static void setUp() {
        cfg = ScaleConfig.fromSystem();
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        if (cfg.pairings().stream().anyMatch(p -> p.contains("agent"))) {
            // AgentProcess reads the agent JVM's classpath from this property (the pom's default is stale here)
            System.setProperty("bfd.it.classpath", AgentClasspath.build());
        }
        bed = ScaleBed.create(cfg.maxCount(), cfg.layout());
    }

    @AfterAll
    static void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void largestHeldSessionCount() {
        report(String.format(Locale.ROOT, "RUN %s counts=%s intervals=%s x%d hold=%ds pairings=%s heap=%s threads=%s"
            + " layout=%s", Instant.now(), Arrays.toString(cfg.counts()), Arrays.toString(cfg.intervals()),
            ScaleConfig.MULT, cfg.holdS(), cfg.pairings(), cfg.heap(), cfg.threads().isBlank() ? "default"
                : cfg.threads(), cfg.layout()));
        final List<StepResult> all = new ArrayList<>();
        final List<String> summary = new ArrayList<>();
        for (int ms : cfg.intervals()) {
            final String primary = cfg.pairings().get(0);
            StepResult best = null;
            for (int n : cfg.counts()) {
                final StepResult r = step(primary, ms, n);
                all.add(r);
                if (!r.clean(cfg.holdS())) {
                    break;
                }
                best = r;
            }
            // when even the smallest N fails, halve it (down to scale.nmin) so the report still says what holds
            for (int n = cfg.counts()[0] / 2; best == null && n >= cfg.minCount(); n /= 2) {
                final StepResult r = step(primary, ms, n);
                all.add(r);
                best = r.clean(cfg.holdS()) ? r : null;
            }
            summary.addAll(summarize(primary, ms, best));
            final int sameN = best != null ? best.count() : cfg.counts()[0];
            for (String other : cfg.pairings().subList(1, cfg.pairings().size())) {
                final StepResult r = step(other, ms, sameN);
                all.add(r);
                summary.add(compare(r));
            }
        }
        summary.forEach(ScaleHarnessIT::report);
        // the harness reports the targets, it does not assert them (nor that any N held); it fails only when
        // its own mechanics broke: sessions came Up but moved no packets, used no CPU, or the kill went unseen
        assertTrue(all.stream().anyMatch(r -> r.bringUpMs() >= 0), "no step brought its sessions Up, see " + REPORT);
        for (StepResult r : all) {
            if (r.bringUpMs() >= 0) {
                assertTrue(r.pktsA() > 0 && r.pktsB() > 0 && r.cpuA() > 0 && r.cpuB() > 0, r.line(cfg.holdS()));
                assertTrue(r.detected() > 0, "killing B took no session Down at A: " + r.line(cfg.holdS()));
            }
        }
    }

    private static StepResult step(final String pairing, final int ms, final int count) {
        LOG.info("step {} {} ms x{} N={} hold {} s", pairing, ms, ScaleConfig.MULT, count, cfg.holdS());
        final StepResult r = Step.run(bed, cfg, pairing, ms, count, ScaleHarnessIT::report);
        report(r.line(cfg.holdS()));
        return r;
    }

    private static List<String> summarize(final String pairing, final int ms, final StepResult best) {
        final List<String> out = new ArrayList<>();
        final int n = best == null ? 0 : best.count();
        out.add(String.format(Locale.ROOT, "SUMMARY %s %d ms x%d: largest N held %d s with zero false Down = %d%s",
            pairing, ms, ScaleConfig.MULT, cfg.holdS(), n, ms == TARGET_INTERVAL_MS ? String.format(Locale.ROOT,
                " (target %d: %.2fx)", TARGET_SESSIONS, n / (double) TARGET_SESSIONS) : ""));
        if (best != null) {
            out.add(String.format(Locale.ROOT, "SUMMARY %s %d ms x%d at N=%d: CPU %.2f us per packet (both ends,"
                + " tx+rx counted at each end); %s", pairing, ms, ScaleConfig.MULT, n,
                StepResult.perPacket(best.cpuA() + best.cpuB(), best.pktsA() + best.pktsB()), detection(best)));
        }
        return out;
    }

    private static String compare(final StepResult run) {
        final String[] ends = run.pairing().split("-");
        return String.format(Locale.ROOT, "SUMMARY %s %d ms x%d at N=%d: %s; CPU us per packet A(%s)=%.2f"
            + " B(%s)=%.2f; %s", run.pairing(), run.intervalMs(), ScaleConfig.MULT, run.count(),
            run.clean(cfg.holdS()) ? "held"
                : "NOT held (falseDown=" + run.falseDowns() + " upAtEnd=" + run.upAtEnd() + ")",
            ends[0], StepResult.perPacket(run.cpuA(), run.pktsA()), ends[1],
            StepResult.perPacket(run.cpuB(), run.pktsB()), detection(run));
    }

    private static String detection(final StepResult run) {
        final double budget = run.detectionTimeMs() + DETECTION_SLACK_MS;
        final long p50 = run.detectPercentile(50);
        return String.format(Locale.ROOT, "detection (SIGKILL B -> Down at A) p50=%s p99=%s max=%s for %d/%d sessions;"
            + " p50 vs DT+5ms=%.0fms: %s; A lateness after deadline %s", StepResult.ms(p50),
            StepResult.ms(run.detectPercentile(99)), StepResult.ms(run.detectPercentile(100)), run.detected(),
            run.count(), budget, p50 < 0 ? "n/a" : String.format(Locale.ROOT, "%.3fx", p50 / 1000.0 / budget),
            run.lateness());
    }

    private static void report(final String line) {
        LOG.info("SCALE {}", line);
        try {
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.writeString(REPORT, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot append to {}", REPORT, e);
        }
    }
}
