/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "a flood must not starve timers": 100 sessions at 100 ms x 3 between two agents (50
 * single-hop over the veth, 50 multihop between loopback addresses), while a raw-socket flooder in
 * B's namespace sends spoofed Control packets to A at the highest rate this machine manages:
 * source = the real peer's address, TTL 64, Your Discriminator the real one, random or zero, to
 * 3784, 4784 and the source port 49152. Zero false Down, and the flood is counted: sent by the
 * flooder, dropped by the kernel (full receive buffers, the source port's drop-all filter), and
 * discarded by the agent per reason.
 */
class FloodIT extends InteropBase {
    private static final int PAIRS = 50;
    private static final double FLOOD_SECONDS = 10;

    private static String shA(final int pair) {
        return "198.51.100." + (2 * pair + 1);
    }

    private static String shB(final int pair) {
        return "198.51.100." + (2 * pair + 2);
    }

    private static String mhA(final int pair) {
        return "203.0.113." + (2 * pair + 1);
    }

    private static String mhB(final int pair) {
        return "203.0.113." + (2 * pair + 2);
    }

    /** The sessions' addresses: one batch of ip commands per side. */
    private void addresses() {
        final Path dir = RunDir.create("flood");
        final StringBuilder batchA = new StringBuilder();
        final StringBuilder batchB = new StringBuilder();
        for (int i = 0; i < PAIRS; i++) {
            batchA.append("addr add ").append(shA(i)).append("/32 dev ").append(NetNs.IF_A).append('\n');
            batchB.append("addr add ").append(shB(i)).append("/32 dev ").append(NetNs.IF_B).append('\n');
            batchA.append("addr add ").append(mhA(i)).append("/32 dev lo\n");
            batchB.append("addr add ").append(mhB(i)).append("/32 dev lo\n");
        }
        batchA.append("route add 198.51.100.0/24 via ").append(NetNs.B4).append('\n');
        batchB.append("route add 198.51.100.0/24 via ").append(NetNs.A4).append('\n');
        batchA.append("route add 203.0.113.0/24 via ").append(NetNs.B4).append('\n');
        batchB.append("route add 203.0.113.0/24 via ").append(NetNs.A4).append('\n');
        RunDir.write(dir.resolve("a.batch"), batchA.toString());
        RunDir.write(dir.resolve("b.batch"), batchB.toString());
        Shell.run(Duration.ofSeconds(60), "ip", "-n", net.a(), "-batch", dir.resolve("a.batch").toString()).check();
        Shell.run(Duration.ofSeconds(60), "ip", "-n", net.b(), "-batch", dir.resolve("b.batch").toString()).check();
    }

    @Test
    void spoofedFloodIsCountedAndNoSessionGoesDown() {
        addresses();
        final Flooder flooder = Flooder.build();
        final AgentProcess a = own(AgentProcess.start(net.a()));
        final AgentProcess b = own(AgentProcess.start(net.b()));
        final String timers = " tx=100000 rx=100000 mult=3";
        for (int i = 0; i < PAIRS; i++) {
            a.ok("add sh name=s" + i + " ifname=" + NetNs.IF_A + " local=" + shA(i) + " peer=" + shB(i) + timers);
            b.ok("add sh name=s" + i + " ifname=" + NetNs.IF_B + " local=" + shB(i) + " peer=" + shA(i) + timers);
            a.ok("add mh name=m" + i + " local=" + mhA(i) + " peer=" + mhB(i) + timers);
            b.ok("add mh name=m" + i + " local=" + mhB(i) + " peer=" + mhA(i) + timers);
        }
        final long upBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((a.stats().num("up") < 2 * PAIRS || b.stats().num("up") < 2 * PAIRS) && System.nanoTime() < upBy) {
            Shell.sleep(200);
        }
        assertEquals(2 * PAIRS, a.stats().num("up"), a.stats().line());
        assertEquals(2 * PAIRS, b.stats().num("up"), b.stats().line());

        final List<Flooder.Target> targets = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            final long sh = a.show("s" + i).num("ldisc");
            final long mh = a.show("m" + i).num("ldisc");
            for (String your : List.of(Long.toString(sh), "random", "0")) {
                targets.add(new Flooder.Target(shB(i), shA(i), 3784, your));
            }
            for (String your : List.of(Long.toString(mh), "random", "0")) {
                targets.add(new Flooder.Target(mhB(i), mhA(i), 4784, your));
            }
            targets.add(new Flooder.Target(shB(i), shA(i), 49152, "0"));
            targets.add(new Flooder.Target(shB(i), shA(i), 49152, Long.toString(sh)));
        }
        final Map<String, Long> snmpBefore = udpCounters(net.a());
        final int markA = a.mark();
        final int markB = b.mark();
        final Flooder.Result flood = flooder.run(net, net.b(), FLOOD_SECONDS, 0, targets);
        Shell.sleep(1000);
        final Map<String, Long> snmpAfter = udpCounters(net.a());
        final Reply statsA = a.stats();
        final List<AgentEvent> downsA = a.events().subList(markA, a.events().size());
        final List<AgentEvent> downsB = b.events().subList(markB, b.events().size());
        final List<AgentEvent> downs = new ArrayList<>(downsA);
        downs.addAll(downsB);
        final Map<String, Long> rejects = rejects(statsA.str("rejects"));
        final long counted = rejects.values().stream().mapToLong(Long::longValue).sum();
        final Map<String, Long> kernel = new TreeMap<>();
        snmpAfter.forEach((key, value) -> kernel.put(key, value - snmpBefore.getOrDefault(key, 0L)));
        Figures.record("flood: " + 4 * PAIRS + " targets, sent " + flood.sent() + " spoofed packets in "
            + flood.seconds() + " s (" + flood.pps() + " pps) from B to A; A's UDP counters during the flood "
            + kernel + "; discarded by A's agent per reason " + rejects + " (" + counted + " in all); state changes "
            + "during the flood: A " + downsA.size() + ", B " + downsB.size() + "; A " + statsA.line()
            + "; sessions Up after: A " + statsA.num("up") + ", B "
            + b.stats().num("up") + "; load " + Shell.run("cat", "/proc/loadavg").out().trim());
        assertTrue(downs.isEmpty(), "false Down under the flood: " + AgentProcess.brief(downs));
        assertEquals(2 * PAIRS, statsA.num("up"));
        assertTrue(flood.sent() > 0);
        assertTrue(rejects.getOrDefault("TTL_TOO_LOW", 0L) > 0 && rejects.getOrDefault("UNKNOWN_DISCRIMINATOR", 0L) > 0
            && rejects.getOrDefault("RX_TTL_BELOW_FLOOR", 0L) > 0, "each kind of spoofed packet is counted: "
            + rejects);
        // every spoofed datagram is accounted for: discarded and counted by the agent, or dropped by
        // A's kernel (InErrors: full receive buffers and the source port's drop-all filter)
        final long accounted = counted + kernel.getOrDefault("InErrors", 0L);
        assertTrue(accounted >= flood.sent() * 9 / 10, "sent " + flood.sent() + ", accounted " + accounted);
        assertEquals(0, a.show("s0").num("down"), "no session went Down");
    }

    /** Udp: lines of /proc/net/snmp in namespace {@code ns}. */
    private Map<String, Long> udpCounters(final String ns) {
        final List<String> lines = net.exec(ns, "cat", "/proc/net/snmp").out().lines()
            .filter(line -> line.startsWith("Udp:")).toList();
        final Map<String, Long> counters = new TreeMap<>();
        if (lines.size() >= 2) {
            final String[] names = lines.get(0).split("\\s+");
            final String[] values = lines.get(1).split("\\s+");
            for (int i = 1; i < Math.min(names.length, values.length); i++) {
                counters.put(names[i], Long.parseLong(values[i]));
            }
        }
        return counters;
    }

    private static Map<String, Long> rejects(final String text) {
        final Map<String, Long> byReason = new TreeMap<>();
        if (text == null || "-".equals(text)) {
            return byReason;
        }
        for (String part : text.split(",")) {
            final int colon = part.indexOf(':');
            byReason.put(part.substring(0, colon), Long.parseLong(part.substring(colon + 1)));
        }
        return byReason;
    }
}
