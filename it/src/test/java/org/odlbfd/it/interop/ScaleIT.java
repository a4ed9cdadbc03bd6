/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale harness, not part of the default run (tag "scale"): N single-hop IPv6 sessions, one per
 * address pair 2001:db8:1::(2i+1) / (2i+2), between two agents in two namespaces, and then
 * between our agent and FRR bfdd. For each interval (50 ms x 3, 300 ms x 3) and each N it holds
 * the sessions Up for a while and records false Downs, CPU per packet and detection lateness.
 * <pre>
 *   ./mvnw -B -f it/pom.xml verify -Dit.test=ScaleIT -Dinterop.excludedGroups=none \
 *       -Dbfd.scale.n=250,500,1000,2000 -Dbfd.scale.hold=60 [-Dbfd.scale.frr=false] [-Dbfd.scale.threads=2]
 * </pre>
 * Figures go to the log and to target/interop-figures.txt.
 */
@Tag("scale")
class ScaleIT extends InteropBase {
    private static final Logger LOG = LoggerFactory.getLogger(ScaleIT.class);
    private static final String PREFIX = "2001:db8:1::";
    private static final int[] NS = Arrays.stream(System.getProperty("bfd.scale.n", "250,500,1000,2000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).sorted().toArray();
    private static final int HOLD_S = Integer.getInteger("bfd.scale.hold", 60);
    private static final boolean WITH_FRR = Boolean.parseBoolean(System.getProperty("bfd.scale.frr", "true"));
    /** Passed to the agents as --threads N when set. */
    private static final String THREADS = System.getProperty("bfd.scale.threads", "");
    private static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseZGC");
    private static final long CLK_TCK = Long.parseLong(Shell.check("getconf", "CLK_TCK").out().trim());

    /** What one hold at one N measured. */
    record Run(String peer, int intervalMs, int sessions, boolean allUp, long falseDowns, double cpuUsPerPkt,
            long packets, String lateness) {
        boolean clean() {
            return allUp && falseDowns == 0;
        }
    }

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
    }

    @Test
    void agentAgainstAgentAndFrr() {
        net.addIpv6Pairs(PREFIX, NS[NS.length - 1], RunDir.create("scale"));
        final List<Run> runs = new ArrayList<>();
        for (String peer : WITH_FRR ? List.of("agent", "frr") : List.of("agent")) {
            for (int ms : new int[] {50, 300}) {
                int best = 0;
                for (int n : NS) {
                    final Run run = "agent".equals(peer) ? againstAgent(n, ms) : againstFrr(n, ms);
                    runs.add(run);
                    Figures.record("scale " + run);
                    if (!run.clean()) {
                        break;
                    }
                    best = n;
                }
                Figures.record(String.format(Locale.ROOT, "scale SUMMARY peer=%s interval=%dms x3: largest clean N=%d"
                    + " (of %s, hold %d s)", peer, ms, best, Arrays.toString(NS), HOLD_S));
            }
        }
        // the harness measures; it fails only if not even the smallest N held
        assertTrue(runs.stream().filter(r -> r.sessions() == NS[0]).anyMatch(Run::clean), runs.toString());
    }

    private static AgentProcess startAgent(final String ns) {
        return THREADS.isBlank() ? AgentProcess.start(ns, JVM) : AgentProcess.start(ns, JVM, "--threads", THREADS);
    }

    private static String addr(final int host) {
        return PREFIX + Integer.toHexString(host);
    }

    private Run againstAgent(final int count, final int ms) {
        try (AgentProcess a = startAgent(net.a());
             AgentProcess b = startAgent(net.b())) {
            for (int i = 0; i < count; i++) {
                final String t = " tx=" + ms * 1000 + " rx=" + ms * 1000 + " mult=3";
                a.ok("add sh name=s" + i + " ifname=" + NetNs.IF_A + " local=" + addr(2 * i + 1) + " peer="
                    + addr(2 * i + 2) + t);
                b.ok("add sh name=s" + i + " ifname=" + NetNs.IF_B + " local=" + addr(2 * i + 2) + " peer="
                    + addr(2 * i + 1) + t);
            }
            final boolean up = awaitAllUp(a, count) && awaitAllUp(b, count);
            return hold("agent", ms, count, up, a, b);
        }
    }

    private Run againstFrr(final int count, final int ms) {
        final String[] stanzas = new String[count];
        for (int i = 0; i < count; i++) {
            stanzas[i] = FrrPeer.stanza("peer " + addr(2 * i + 1) + " local-address " + addr(2 * i + 2)
                + " interface " + NetNs.IF_B, "receive-interval " + ms, "transmit-interval " + ms,
                "detect-multiplier 3");
        }
        try (FrrPeer frr = FrrPeer.start(net, net.b(), stanzas);
             AgentProcess a = startAgent(net.a())) {
            for (int i = 0; i < count; i++) {
                a.ok("add sh name=s" + i + " ifname=" + NetNs.IF_A + " local=" + addr(2 * i + 1) + " peer="
                    + addr(2 * i + 2) + " tx=" + ms * 1000 + " rx=" + ms * 1000 + " mult=3");
            }
            final boolean up = awaitAllUp(a, count);
            final Run run = hold("frr", ms, count, up, a, null);
            final long frrDown = frr.counters().stream().mapToLong(c -> c.get("session-down").getAsLong()).sum();
            LOG.info("FRR counted {} session-down in total for N={} at {} ms", frrDown, count, ms);
            return run;
        }
    }

    private static boolean awaitAllUp(final AgentProcess agent, final int count) {
        final long end = System.nanoTime() + Duration.ofSeconds(30 + count / 50).toNanos();
        while (System.nanoTime() < end) {
            if (agent.stats().num("up") >= count) {
                return true;
            }
            Shell.sleep(500);
        }
        LOG.warn("only {} of {} sessions up", agent.stats().num("up"), count);
        return false;
    }

    /** Holds for HOLD_S seconds after a short settle; counts Down events and CPU of agent {@code a}. */
    private static long downsSince(final AgentProcess agent, final int mark) {
        final List<AgentEvent> all = agent.events();
        return all.subList(mark, all.size()).stream().filter(e -> e.to() != State.UP).count();
    }

    private static Run hold(final String peer, final int ms, final int count, final boolean allUp,
            final AgentProcess agentA, final AgentProcess agentB) {
        Shell.sleep(2000);
        final int markA = agentA.mark();
        final int markB = agentB == null ? 0 : agentB.mark();
        final Reply s0 = agentA.stats();
        final long cpu0 = agentA.cpuTicks();
        Shell.sleep(HOLD_S * 1000L);
        final long cpu1 = agentA.cpuTicks();
        final Reply s1 = agentA.stats();
        long downs = downsSince(agentA, markA);
        if (agentB != null) {
            downs += downsSince(agentB, markB);
        }
        final long packets = s1.num("rxpkts") - s0.num("rxpkts") + s1.num("txpkts") - s0.num("txpkts");
        final double cpuUs = packets == 0 ? Double.NaN : (cpu1 - cpu0) * 1_000_000.0 / CLK_TCK / packets;
        final String lateness = "p50=" + s1.str("lateness_p50_us") + "us p99=" + s1.str("lateness_p99_us")
            + "us max=" + s1.str("lateness_max_us") + "us";
        return new Run(peer, ms, count, allUp, downs, Math.round(cpuUs * 100) / 100.0, packets, lateness);
    }
}
