/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.odlbfd.it.e2e.StaticRoutes.bfd;
import static org.odlbfd.it.e2e.StaticRoutes.hop;
import static org.odlbfd.it.e2e.StaticRoutes.instance;
import static org.odlbfd.it.e2e.StaticRoutes.route;
import static org.odlbfd.it.e2e.StaticRoutes.simpleRoute;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.FrrPeer;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.interop.Testbed;

/**
 * Issue 10 end to end: BFD-tracked static routes configured over RESTCONF on the controller (in
 * namespace A, {@code kernel-routes=true}) against FRR bfdd 8.4 in namespace B over two links. Each
 * test reads the effect where it lands: the kernel's routes ({@code ip route}, protocol 84), the
 * operational RIB, the next hops' state leaves, the interfaces' BFD status. One controller boot for
 * the class, plus a restart after kill -9 at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaticRouteE2EIT {
    private static final String ECMP = "203.0.113.128/25";
    private static final String BACKUP = "203.0.113.64/26";
    private static final String VIA_IF = "203.0.113.16/28";
    private static final String VIA_SUB = "203.0.113.24/29";
    private static final String MULTIHOP = "203.0.113.32/27";
    private static final String STALE = "203.0.113.192/27";
    private static final String MAIN = "ipv4-master";
    private static final int BFD_MS = 200;
    private static final Duration UP = Duration.ofSeconds(30);
    private static final Duration FAIL = Duration.ofSeconds(5);
    private static final Set<String> BOTH = Set.of(NetNs.B4, RouteNet.B2);
    private static final String FRR_1 = "peer " + NetNs.A4 + " interface " + NetNs.IF_B + " local-address " + NetNs.B4;
    private static final String FRR_2 = "peer " + RouteNet.A2 + " interface " + RouteNet.IF_B2 + " local-address "
        + RouteNet.B2;

    private ControllerBed bed;
    private RouteNet net;
    private StaticRoutes routes;
    private FrrPeer frr;
    private RouteLog log;
    private EventStream events;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        bed = ControllerBed.boot("routes", "kernel-routes=true");
        net = new RouteNet(bed.net);
        routes = new StaticRoutes(bed.http);
        log = new RouteLog(Controller.home());
        final String[] timers = {"receive-interval " + BFD_MS, "transmit-interval " + BFD_MS, "detect-multiplier 3"};
        frr = bed.own(FrrPeer.start(bed.net, bed.net.b(), FrrPeer.stanza(FRR_1, timers),
            FrrPeer.stanza(FRR_2, timers),
            FrrPeer.stanza("peer 192.0.2.101 multihop local-address 192.0.2.102", timers)));
        events = bed.own(EventStream.open(bed.http, new Bfd(bed.http, "unused").notificationStream(
            "(urn:odlbfd:yang:odl-bfd-static-route?revision=2026-11-22)next-hops-changed")));
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private static String ecmpInstance(final String settings) {
        return instance("st", settings, route(ECMP, hop("1", NetNs.B4, NetNs.IF_A, 1, bfd(BFD_MS)),
            hop("2", RouteNet.B2, RouteNet.IF_A2, 1, bfd(BFD_MS))));
    }

    private void put(final String name, final String body) throws Exception {
        final var reply = routes.put(name, body);
        assertTrue(reply.isSuccess(), () -> "PUT " + name + ": " + reply);
    }

    @Test
    @Order(1)
    void ecmpNextHopIsWithdrawnAndRestored() throws Exception {
        put("st", ecmpInstance(""));
        assertEquals(BOTH, net.awaitKernel(ECMP, BOTH::equals, UP));
        assertEquals(BOTH, routes.awaitRib(MAIN, ECMP, BOTH::equals, FAIL));
        frr.awaitStatus(RouteNet.A2, "up", FAIL);
        final var state = routes.nextHopState("st", ECMP, "2");
        assertNotNull(state);
        assertTrue(state.get("active").getAsBoolean(), state::toString);
        assertEquals("up", state.get("session-state").getAsString(), state::toString);

        final int mark = events.events().size();
        net.breakLink(RouteNet.IF_B2);
        final long broke = System.nanoTime();
        net.awaitKernel(ECMP, Set.of(NetNs.B4)::equals, FAIL);
        final long kernelMs = (System.nanoTime() - broke) / 1_000_000;
        // next-hops-changed on the RESTCONF stream: the route, its one next hop left, and why
        final String note = events.await(mark, d -> d.contains("next-hops-changed") && d.contains(ECMP),
            FAIL).data();
        assertTrue(note.contains("\"active\":true") && note.contains(NetNs.B4) && !note.contains(RouteNet.B2 + "\"")
            && note.contains("Down"), note);
        routes.awaitRib(MAIN, ECMP, Set.of(NetNs.B4)::equals, FAIL);
        final var down = routes.nextHopState("st", ECMP, "2");
        assertFalse(down.get("active").getAsBoolean(), down::toString);
        assertEquals("down", down.get("session-state").getAsString(), down::toString);
        Figures.record("MEASURED routes link broken -> ECMP route rewritten in the kernel " + kernelMs
            + " ms (detection time " + 3 * BFD_MS + " ms)");

        net.healLink(RouteNet.IF_B2);
        net.awaitKernel(ECMP, BOTH::equals, UP);
        routes.awaitRib(MAIN, ECMP, BOTH::equals, FAIL);
    }

    @Test
    @Order(2)
    void failoverLatencyFromTheEnginesDownToKernelAndRib() throws Exception {
        final int cycles = Integer.getInteger("routes.cycles", 8);
        log.mark();
        for (int i = 0; i < cycles; i++) {
            net.breakLink(RouteNet.IF_B2);
            net.awaitKernel(ECMP, Set.of(NetNs.B4)::equals, FAIL);
            net.healLink(RouteNet.IF_B2);
            net.awaitKernel(ECMP, BOTH::equals, UP);
        }
        routes.awaitRib(MAIN, ECMP, BOTH::equals, FAIL);
        Shell.sleep(200);
        final var samples = log.samples();
        final String load = Shell.run("cat", "/proc/loadavg").out().trim();
        Figures.record("MEASURED routes engine Down/Up -> kernel route changed " + RouteLog.summary(samples, "kernel")
            + "; -> operational RIB " + RouteLog.summary(samples, "rib") + " (" + cycles + " failovers and restores,"
            + " load " + load + ")");
        // every Down and every Up rewrote the route in both places
        assertTrue(samples.stream().filter(s -> s.stage().equals("kernel")).count() >= 2L * cycles, samples::toString);
        assertTrue(samples.stream().filter(s -> s.stage().equals("rib")).count() >= 2L * cycles, samples::toString);
    }

    @Test
    @Order(3)
    void primaryAndBackupSwitchAndSwitchBackAfterHoldDown() throws Exception {
        put("pb", instance("pb", "\"odl-bfd-static-route:hold-down\": 2000", route(BACKUP,
            hop("1", NetNs.B4, NetNs.IF_A, 1, bfd(BFD_MS)), hop("2", RouteNet.B2, RouteNet.IF_A2, 10, bfd(BFD_MS)))));
        net.awaitKernel(BACKUP, Set.of(NetNs.B4)::equals, FAIL);

        net.breakLink(NetNs.IF_B);
        net.awaitKernel(BACKUP, Set.of(RouteNet.B2)::equals, FAIL);
        routes.awaitRib(MAIN, BACKUP, Set.of(RouteNet.B2)::equals, FAIL);
        net.healLink(NetNs.IF_B);
        // the same session restored: "st" (no hold-down) takes it back at once, "pb" waits 2 s
        net.awaitKernel(ECMP, BOTH::equals, UP);
        assertEquals(Set.of(RouteNet.B2), net.kernel("main").get(BACKUP), "held down");
        net.awaitKernel(BACKUP, Set.of(NetNs.B4)::equals, Duration.ofSeconds(6));
        routes.awaitRib(MAIN, BACKUP, Set.of(NetNs.B4)::equals, FAIL);
        // the RIB's last-updated stamps both: "st" took the session back at its Up, "pb" after its hold-down
        final long heldMs = java.time.Duration.between(routes.lastUpdated(MAIN, ECMP),
            routes.lastUpdated(MAIN, BACKUP)).toMillis();
        assertTrue(heldMs >= 1_950 && heldMs < 2_500, "back on the primary " + heldMs
            + " ms after the restore, hold-down 2000 ms");
        Figures.record("MEASURED routes hold-down 2000 ms: primary used again " + heldMs + " ms after the restore");
    }

    @Test
    @Order(4)
    void allNextHopsDownWithdrawsTheRoute() throws Exception {
        net.breakLink(NetNs.IF_B);
        net.breakLink(RouteNet.IF_B2);
        net.awaitKernel(ECMP, Set::isEmpty, FAIL);
        net.awaitKernel(BACKUP, Set::isEmpty, FAIL);
        routes.awaitRib(MAIN, ECMP, Set::isEmpty, FAIL);
        net.healLink(NetNs.IF_B);
        net.healLink(RouteNet.IF_B2);
        net.awaitKernel(ECMP, BOTH::equals, UP);
    }

    @Test
    @Order(5)
    void peerAdminDownKeepsTheNextHopUnlessTheInstanceSaysWithdraw() throws Exception {
        frr.configurePeer(FRR_2, "shutdown");
        final long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < end) {
            assertEquals(BOTH, net.kernel("main").get(ECMP), "RFC 5882 3.2: a peer's AdminDown is no path failure");
            Shell.sleep(100);
        }
        assertEquals("down", routes.nextHopState("st", ECMP, "2").get("session-state").getAsString());
        frr.configurePeer(FRR_2, "no shutdown");
        frr.awaitStatus(RouteNet.A2, "up", UP);

        put("st", ecmpInstance("\"odl-bfd-static-route:admin-down-withdraw\": true"));
        frr.configurePeer(FRR_2, "shutdown");
        net.awaitKernel(ECMP, Set.of(NetNs.B4)::equals, FAIL);
        frr.configurePeer(FRR_2, "no shutdown");
        net.awaitKernel(ECMP, BOTH::equals, UP);
    }

    @Test
    @Order(6)
    void removingBfdFromOneRouteKeepsTheSessionAnotherUses() throws Exception {
        // FRR staticd's bug: the session went with the first route that stopped tracking it
        put("pb", instance("pb", "", route(BACKUP, hop("1", NetNs.B4, NetNs.IF_A, 1, bfd(BFD_MS)),
            hop("2", RouteNet.B2, RouteNet.IF_A2, 10, ""))));
        assertSessionStaysUp(RouteNet.A2, Duration.ofSeconds(3));
        assertEquals(BOTH, net.kernel("main").get(ECMP));
        final var deleted = bed.http.delete(StaticRoutes.path("pb"));
        assertTrue(deleted.isSuccess(), deleted::toString);
        net.awaitKernel(BACKUP, Set::isEmpty, FAIL);
        assertSessionStaysUp(NetNs.A4, Duration.ofSeconds(2));
    }

    private void assertSessionStaysUp(final String peer, final Duration during) {
        final long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            final var status = frr.peer(peer).map(p -> p.get("status").getAsString()).orElse("absent");
            assertEquals("up", status, "FRR's session to " + peer);
            Shell.sleep(100);
        }
    }

    @Test
    @Order(7)
    void processInterfaceStatusWithdrawsEveryRouteThroughTheInterface() throws Exception {
        final var bfdInstance = new Bfd(bed.http, "bfd");
        final var session = bed.http.put(bfdInstance.shSession(RouteNet.IF_A2, RouteNet.B2), Bfd.shSessionBody(
            RouteNet.IF_A2, RouteNet.B2, RouteNet.A2, 3, BFD_MS * 1000L, BFD_MS * 1000L,
            "\"odl-bfd-ext:process-interface-status\": {\"sub-interfaces\": true}"));
        assertTrue(session.isSuccess(), session::toString);
        // untracked: one through vA2 by its connected prefix, one through vA2's macvlan sub-interface
        put("pis", instance("pis", "", simpleRoute(VIA_IF, "\"next-hop-address\": \"" + RouteNet.B2 + "\""),
            simpleRoute(VIA_SUB, "\"outgoing-interface\": \"" + RouteNet.SUB + "\"")));
        net.awaitKernel(VIA_IF, Set.of(RouteNet.B2)::equals, UP);
        net.awaitKernel(VIA_SUB, Set.of("dev " + RouteNet.SUB)::equals, FAIL);
        assertEquals("up", awaitInterface(RouteNet.SUB, "up"));

        net.breakLink(RouteNet.IF_B2);
        net.awaitKernel(VIA_IF, Set::isEmpty, FAIL);
        net.awaitKernel(VIA_SUB, Set::isEmpty, FAIL);
        assertEquals("down", awaitInterface(RouteNet.IF_A2, "down"));
        assertEquals("down", awaitInterface(RouteNet.SUB, "down"));
        net.healLink(RouteNet.IF_B2);
        net.awaitKernel(VIA_IF, Set.of(RouteNet.B2)::equals, UP);
        net.awaitKernel(VIA_SUB, Set.of("dev " + RouteNet.SUB)::equals, FAIL);
        assertEquals("up", awaitInterface(RouteNet.IF_A2, "up"));

        // the operator's session outlives the route that shared it
        final var deleted = bed.http.delete(StaticRoutes.path("st"));
        assertTrue(deleted.isSuccess(), deleted::toString);
        net.awaitKernel(ECMP, Set::isEmpty, FAIL);
        assertSessionStaysUp(RouteNet.A2, Duration.ofSeconds(2));
    }

    private String awaitInterface(final String ifname, final String status) throws Exception {
        final long end = System.nanoTime() + FAIL.toNanos();
        String last = null;
        while (System.nanoTime() < end) {
            last = routes.interfaceStatus(ifname);
            if (status.equals(last)) {
                return last;
            }
            Shell.sleep(20);
        }
        return last;
    }

    @Test
    @Order(8)
    void multihopNextHopWithItsSource() throws Exception {
        put("mh", instance("mh", "", simpleRoute(MULTIHOP, "\"next-hop-address\": \"192.0.2.102\", "
            + "\"odl-bfd-static-route:bfd\": {\"enabled\": true, \"multihop\": true, \"source-addr\": \"192.0.2.101\", "
            + "\"rx-ttl\": 254, \"local-multiplier\": 3, \"min-interval\": " + BFD_MS * 1000 + "}")));
        // the kernel takes on-link gateways only: 192.0.2.102 goes in as the route to it, via 192.0.2.2
        net.awaitKernel(MULTIHOP, Set.of(NetNs.B4)::equals, UP);
        routes.awaitRib(MAIN, MULTIHOP, Set.of("192.0.2.102")::equals, FAIL);
        frr.awaitStatus("192.0.2.101", "up", FAIL);
        net.breakLink(NetNs.IF_B);
        net.awaitKernel(MULTIHOP, Set::isEmpty, FAIL);
        net.healLink(NetNs.IF_B);
        net.awaitKernel(MULTIHOP, Set.of(NetNs.B4)::equals, UP);
    }

    @Test
    @Order(9)
    void vrfRoutesGoIntoTheVrfsTable() throws Exception {
        assumeTrue(net.addVrfLink("vrfit", 1001), "this kernel has no VRF driver (CONFIG_NET_VRF)");
        frr.configurePeer("peer " + RouteNet.A3 + " interface " + RouteNet.IF_B3 + " local-address " + RouteNet.B3,
            "receive-interval " + BFD_MS, "transmit-interval " + BFD_MS);
        put("vpn", instance("vpn", "\"odl-bfd-static-route:vrf\": \"vrfit\"", route("203.0.113.96/27",
            hop("1", RouteNet.B3, RouteNet.IF_A3, 1, bfd(BFD_MS)))));
        net.awaitKernel("1001", "203.0.113.96/27", Set.of(RouteNet.B3)::equals, UP);
        routes.awaitRib("vrfit-ipv4", "203.0.113.96/27", Set.of(RouteNet.B3)::equals, FAIL);
        net.breakLink(RouteNet.IF_B3);
        net.awaitKernel("1001", "203.0.113.96/27", Set::isEmpty, FAIL);
        net.healLink(RouteNet.IF_B3);
        net.awaitKernel("1001", "203.0.113.96/27", Set.of(RouteNet.B3)::equals, UP);
    }

    @Test
    @Order(10)
    void killAndRestartReconcilesTheKernelWithoutDuplicates() throws Exception {
        final var before = net.kernel("main");
        assertTrue(before.keySet().containsAll(Set.of(VIA_IF, VIA_SUB, MULTIHOP)), before::toString);
        // a route of ours that no configuration claims any more (as if deleted while we were down)
        Shell.check("ip", "-n", bed.net.a(), "route", "add", STALE, "via", NetNs.B4, "proto", "84", "metric", "20");
        bed.killController();
        // kill -9 removes nothing: forwarding goes on
        assertEquals(before.keySet().size() + 1, net.kernel("main").size());
        bed.startController(false);
        final long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            final var now = net.kernel("main");
            assertTrue(now.keySet().stream().noneMatch(p -> p.endsWith("#dup")), () -> "duplicate: " + now);
            assertTrue(now.keySet().containsAll(Set.of(VIA_IF, VIA_SUB, MULTIHOP)), () -> "a route went: " + now);
            Shell.sleep(100);
        }
        net.awaitKernel(STALE, Set::isEmpty, FAIL);
        net.awaitKernel(MULTIHOP, Set.of(NetNs.B4)::equals, UP);
        assertEquals(before, net.kernel("main"));
        routes.awaitRib(MAIN, VIA_IF, Set.of(RouteNet.B2)::equals, UP);
    }
}
