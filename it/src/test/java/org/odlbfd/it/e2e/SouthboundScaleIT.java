/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.southbound.Devices;
import org.odlbfd.it.southbound.TesttoolDevices;

/**
 * Issue 11's scale target: {@code southbound.devices} (100) netconf-testtool devices mounted, one
 * session placed on each in one PUT, all applied within 60 s. It prints the figures (lines
 * {@code MEASURED southbound scale} in target/interop-figures.txt) and asserts only its own
 * mechanics: every session ends applied, within a generous bound. On demand:
 * {@code ./mvnw -B -o -pl it verify -DskipTests=false -Dinterop.excludedGroups=none -Dit.test=SouthboundScaleIT}.
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SouthboundScaleIT {
    private static final int DEVICES = Integer.getInteger("southbound.devices", 100);
    private static final int FIRST_PORT = 18000;
    private static final String INSTANCE = "scale";
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final long CLK_TCK = Long.parseLong(Shell.check("getconf", "CLK_TCK").out().trim());

    private ControllerBed bed;
    private Netconf netconf;
    private Bfd bfd;

    @BeforeAll
    void boot() throws Exception {
        Devices.yangDir();
        bed = ControllerBed.boot("sbscale");
        netconf = new Netconf(bed.http);
        bfd = new Bfd(bed.http, INSTANCE);
        final long start = System.nanoTime();
        bed.own(TesttoolDevices.start(bed.net, bed.net.b(), NetNs.B4, FIRST_PORT, DEVICES, 1536));
        Figures.record("MEASURED southbound scale netconf-testtool with " + DEVICES + " devices listening after "
            + ms(start) + " ms");
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private static long ms(final long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static String node(final int index) {
        return "tt" + index;
    }

    private static String dest(final int index) {
        // one destination per device in 198.51.100.0/24 and 203.0.113.0/24: nothing is ever sent to them
        return index < 200 ? "198.51.100." + (index + 20) : "203.0.113." + (index - 180);
    }

    @Test
    void hundredDevicesEachWithOneSessionAreAllApplied() throws Exception {
        final long mountStart = System.nanoTime();
        for (int i = 0; i < DEVICES; i++) {
            netconf.mount(node(i), NetNs.B4, FIRST_PORT + i, TesttoolDevices.USER, TesttoolDevices.PASSWORD);
        }
        int connected = 0;
        final long end = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < end) {
            connected = connectedCount();
            if (connected == DEVICES) {
                break;
            }
            Shell.sleep(500);
        }
        assertEquals(DEVICES, connected, "devices connected");
        final long mounted = ms(mountStart);

        final var sessions = new StringBuilder("{\"ietf-bfd-ip-sh:sessions\": {\"session\": [");
        for (int i = 0; i < DEVICES; i++) {
            sessions.append(i == 0 ? "" : ", ").append("{\"interface\": \"eth0\", \"dest-addr\": \"").append(dest(i))
                .append("\", \"local-multiplier\": 3, \"desired-min-tx-interval\": 300000, ")
                .append("\"required-min-rx-interval\": 300000, \"odl-bfd-ext:placement\": {\"node\": \"")
                .append(node(i)).append("\"}}");
        }
        final long put = System.nanoTime();
        final var reply = bed.http.put(bfd.bfd() + "/ietf-bfd-ip-sh:ip-sh/sessions", sessions.append("]}}")
            .toString());
        assertTrue(reply.isSuccess(), reply::toString);
        final long putDone = ms(put);
        final var firstApplied = new HashMap<String, Long>();
        while (System.nanoTime() < end && firstApplied.size() < DEVICES) {
            for (var node : appliedNodes()) {
                firstApplied.putIfAbsent(node, ms(put));
            }
            Shell.sleep(200);
        }
        assertEquals(DEVICES, firstApplied.size(), () -> "applied: " + firstApplied.keySet());
        final List<Long> times = new ArrayList<>(firstApplied.values());
        times.sort(Long::compare);
        final long all = times.getLast();
        Figures.record("MEASURED southbound scale " + DEVICES + " testtool devices connected " + mounted
            + " ms after their mount PUTs; one PUT of " + DEVICES + " placed sessions took " + putDone
            + " ms; applied (placement/status, polled every 200 ms) p50 " + times.get(times.size() / 2) + " ms, p90 "
            + times.get(times.size() * 9 / 10) + " ms, all " + all + " ms after the PUT (target 60 s)");
        // the device holds what the controller says it holds
        assertTrue(netconf.deviceSession(node(DEVICES - 1), INSTANCE, "eth0", dest(DEVICES - 1)) != null);

        // steady state: every device compared and read every device-poll-ms (5 s)
        final var jvm = bed.controller().jvm().orElseThrow();
        final long cpu0 = cpuTicks(jvm.pid());
        final long wall0 = System.nanoTime();
        Shell.sleep(30_000);
        final double cores = (cpuTicks(jvm.pid()) - cpu0) / (double) CLK_TCK
            / (Duration.ofNanos(System.nanoTime() - wall0).toMillis() / 1000.0);
        Figures.record(String.format("MEASURED southbound scale steady state with %d devices polled every 5 s: "
            + "controller JVM %.1f %% of one core over 30 s", DEVICES, cores * 100));
    }

    /** utime + stime of a process, in clock ticks (proc(5), fields 14 and 15). */
    private static long cpuTicks(final long pid) throws java.io.IOException {
        final var stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        final var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private int connectedCount() throws Exception {
        final var reply = bed.http.get(Netconf.TOPOLOGY + "?content=nonconfig");
        if (reply.status() != 200) {
            return 0;
        }
        int count = 0;
        final var nodes = reply.json().getAsJsonObject().getAsJsonArray("network-topology:topology").get(0)
            .getAsJsonObject().getAsJsonArray("node");
        for (JsonElement node : nodes == null ? List.<JsonElement>of() : nodes.asList()) {
            final var netconfNode = node.getAsJsonObject().getAsJsonObject("netconf-node-topology:netconf-node");
            if (netconfNode != null && netconfNode.has("connection-status")
                    && "connected".equals(netconfNode.get("connection-status").getAsString())) {
                count++;
            }
        }
        return count;
    }

    private List<String> appliedNodes() throws Exception {
        final var reply = bed.http.get(bfd.bfd() + "/ietf-bfd-ip-sh:ip-sh/sessions?content=nonconfig");
        final var result = new ArrayList<String>();
        if (reply.status() != 200) {
            return result;
        }
        final var list = reply.json().getAsJsonObject().getAsJsonObject("ietf-bfd-ip-sh:sessions")
            .getAsJsonArray("session");
        final Map<String, String> seen = new HashMap<>();
        for (JsonElement session : list == null ? List.<JsonElement>of() : list.asList()) {
            final var placement = Netconf.placement(session.getAsJsonObject());
            if ("applied".equals(Netconf.status(session.getAsJsonObject()))) {
                seen.put(placement.get("node").getAsString(), "applied");
            }
        }
        result.addAll(seen.keySet());
        return result;
    }
}
