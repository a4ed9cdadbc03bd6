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
import static org.junit.jupiter.api.Assertions.fail;
import static org.odlbfd.it.e2e.StaticRoutes.bfd;
import static org.odlbfd.it.e2e.StaticRoutes.hop;
import static org.odlbfd.it.e2e.StaticRoutes.instance;
import static org.odlbfd.it.e2e.StaticRoutes.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.FrrPeer;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.interop.Testbed;

/**
 * Benchmark (tag {@code scale}, not in the default run): 1,000 IPv6 static routes with two ECMP
 * next hops each, tracked by two BFD sessions against FRR bfdd; one next hop's link fails, and the
 * test times how long until all 1,000 are rewritten in the kernel (seen with {@code ip -6 route})
 * and the operational RIB; the tracker's own figures (engine Down to kernel acknowledgement and to
 * RIB commit) come from the controller's log. Prints figures; asserts only that every route was
 * rewritten. Run: {@code -pl it verify -Dit.test=StaticRouteScaleIT -Dinterop.excludedGroups=none
 * -DskipTests=false}; {@code -Droutes.scale=N} for another count.
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticRouteScaleIT {
    private static final int BFD_MS = 300;

    private ControllerBed bed;
    private RouteNet net;
    private FrrPeer frr;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        bed = ControllerBed.boot("rscale", "kernel-routes=true");
        net = new RouteNet(bed.net);
        final String[] timers = {"receive-interval " + BFD_MS, "transmit-interval " + BFD_MS};
        frr = bed.own(FrrPeer.start(bed.net, bed.net.b(),
            FrrPeer.stanza("peer " + NetNs.A6 + " interface " + NetNs.IF_B + " local-address " + NetNs.B6, timers),
            FrrPeer.stanza("peer " + RouteNet.A2_6 + " interface " + RouteNet.IF_B2 + " local-address "
                + RouteNet.B2_6, timers)));
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    /** Routes of ours in A's IPv6 main table that use the second link, and all of ours. */
    private int[] count() {
        final String out = Shell.run(Duration.ofSeconds(30), "ip", "-n", bed.net.a(), "-6", "route", "show",
            "proto", "84").check().out();
        int routes = 0;
        int viaSecond = 0;
        for (String line : out.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                routes++;
            }
            if (line.contains(RouteNet.B2_6)) {
                viaSecond++;
            }
        }
        return new int[] {routes, viaSecond};
    }

    private long awaitCount(final int routes, final int viaSecond, final Duration timeout) {
        final long start = System.nanoTime();
        final long end = start + timeout.toNanos();
        int[] last;
        do {
            last = count();
            if (last[0] == routes && last[1] == viaSecond) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Shell.sleep(10);
        } while (System.nanoTime() < end);
        return fail("kernel: " + last[0] + " routes, " + last[1] + " via the second link after " + timeout
            + "; wanted " + routes + " and " + viaSecond);
    }

    @Test
    void thousandEcmpRoutesRewrittenWhenOneNextHopFails() throws Exception {
        final int n = Integer.getInteger("routes.scale", 1000);
        final List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(route("2001:db8:1:" + Integer.toHexString(i) + "::/64",
                hop("1", NetNs.B6, NetNs.IF_A, 1, bfd(BFD_MS)), hop("2", RouteNet.B2_6, RouteNet.IF_A2, 1,
                    bfd(BFD_MS))));
        }
        final var put = bed.http.put(StaticRoutes.path("scale"), instance("scale", "", false,
            list.toArray(String[]::new)));
        assertTrue(put.isSuccess(), put::toString);
        awaitCount(n, n, Duration.ofSeconds(60));
        awaitRib(n, n, System.nanoTime());
        // the bring-up's last RIB commits must not count as the failure's
        Shell.sleep(1_000);
        final RouteLog log = new RouteLog(Controller.home());
        log.mark();

        net.breakLink(RouteNet.IF_B2);
        final long brokeAt = System.nanoTime();
        final long seen = awaitCount(n, 0, Duration.ofSeconds(20));
        final long ribMs = awaitRib(n, 0, brokeAt);
        Shell.sleep(200);
        final var samples = log.samples();
        final String load = Shell.run("cat", "/proc/loadavg").out().trim();
        Figures.record("MEASURED routes scale " + n + " ECMP routes, one next hop failed: engine Down -> all in the"
            + " kernel " + RouteLog.summary(samples, "kernel") + ", -> operational RIB " + RouteLog.summary(samples,
                "rib") + "; seen by ip -6 route " + seen + " ms and over RESTCONF " + ribMs + " ms after the link"
            + " broke (detection " + 3 * BFD_MS + " ms; load " + load + ")");
        assertTrue(samples.stream().anyMatch(s -> s.stage().equals("kernel") && s.routes() == n), samples::toString);

        net.healLink(RouteNet.IF_B2);
        awaitCount(n, n, Duration.ofSeconds(60));
        assertEquals(n, count()[1]);
    }

    /** Bounded poll until the IPv6 RIB holds {@code count} routes, {@code viaSecond} of them via the second link. */
    private long awaitRib(final int count, final int viaSecond, final long since) throws Exception {
        final long end = since + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            final var reply = bed.http.get("ietf-routing:routing/ribs/rib=ipv6-master?content=nonconfig");
            last = reply.body();
            if (reply.status() == 200 && last.split(java.util.regex.Pattern.quote(RouteNet.B2_6), -1).length - 1
                    == viaSecond && last.split("destination-prefix", -1).length - 1 == count) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Shell.sleep(20);
        }
        return fail("the operational RIB is not as expected: " + last.length() + " characters");
    }
}
