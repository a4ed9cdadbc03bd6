/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.odlbfd.it.e2e.StaticRoutes.bfd;
import static org.odlbfd.it.e2e.StaticRoutes.hop;
import static org.odlbfd.it.e2e.StaticRoutes.instance;
import static org.odlbfd.it.e2e.StaticRoutes.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
import org.odlbfd.it.netconf.NetconfClient;
import org.odlbfd.it.southbound.Devices;
import org.odlbfd.it.southbound.NetconfdDevice;

/**
 * Issue 11 with issue 10: static routes placed on a NETCONF device that cannot run BFD
 * (controller-driven tracking). The controller (namespace A) runs the BFD sessions to two ECMP next
 * hops against FRR bfdd 8.4 (namespace B, two links) and writes plain RFC 8349 static routes, with
 * only the next hops in use, into yuma123 netconfd (namespace B, loaded with ietf-routing and
 * ietf-ipv4-unicast-routing) through its mount point. Every check reads the device's running
 * configuration with ncclient ({@code <get-config>}), not through the controller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaticRouteDeviceIT {
    private static final String INSTANCE = "dst";
    private static final String ECMP = "198.51.100.0/25";
    private static final String NODE = "r1";
    private static final int BFD_MS = 200;
    private static final Duration CONNECT = Duration.ofSeconds(90);
    private static final Duration UP = Duration.ofSeconds(30);
    private static final Duration CHANGE = Duration.ofSeconds(10);
    /** device-poll-ms=2000 for this bed: drift is seen within 2 s, plus a read and a write. */
    private static final Duration DRIFT = Duration.ofSeconds(15);
    private static final Set<String> BOTH = Set.of(NetNs.B4, RouteNet.B2);
    private static final String FRR_1 = "peer " + NetNs.A4 + " interface " + NetNs.IF_B + " local-address " + NetNs.B4;
    private static final String FRR_2 = "peer " + RouteNet.A2 + " interface " + RouteNet.IF_B2 + " local-address "
        + RouteNet.B2;
    private static final Pattern ROUTE = Pattern.compile("<(?:\\w+:)?route(?:\\s[^>]*)?>(.*?)</(?:\\w+:)?route>",
        Pattern.DOTALL);
    private static final Pattern ADDRESS = Pattern.compile(
        "<(?:\\w+:)?next-hop-address(?:\\s[^>]*)?>([^<]+)</");
    private static final String FILTER = "<routing xmlns=\"urn:ietf:params:xml:ns:yang:ietf-routing\">"
        + "<control-plane-protocols><control-plane-protocol><name>" + INSTANCE + "</name></control-plane-protocol>"
        + "</control-plane-protocols></routing>";

    private ControllerBed bed;
    private StaticRoutes routes;
    private FrrPeer frr;
    private NetconfdDevice r1;
    private NetconfClient device;
    private RouteNet net;
    private RouteLog log;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        Devices.requireNetconfd();
        NetconfClient.require();
        bed = ControllerBed.boot("devrt", "kernel-routes=true\ndevice-poll-ms=2000");
        net = new RouteNet(bed.net);
        routes = new StaticRoutes(bed.http);
        log = new RouteLog(Controller.home());
        final String[] timers = {"receive-interval " + BFD_MS, "transmit-interval " + BFD_MS, "detect-multiplier 3"};
        frr = bed.own(FrrPeer.start(bed.net, bed.net.b(), FrrPeer.stanza(FRR_1, timers),
            FrrPeer.stanza(FRR_2, timers)));
        // the device also loads RFC 8349's static routes; ietf-bfd brings ietf-routing in already
        r1 = bed.own(NetconfdDevice.start(bed.net, bed.net.b(), NetNs.B4, 830, List.of("eth0"),
            List.of("ietf-routing", "ietf-ipv4-unicast-routing")));
        device = new NetconfClient(NetNs.B4, 830, NetconfdDevice.USER, NetconfdDevice.PASSWORD, bed.net.b());
        assertTrue(device.hello().stream().anyMatch(cap -> cap.contains("ietf-ipv4-unicast-routing")),
            "netconfd implements ietf-ipv4-unicast-routing");
    }

    private static String body(final boolean placed) {
        return instance(INSTANCE, "\"odl-bfd-static-route:admin-down-withdraw\": true" + (placed
            ? ", \"odl-bfd-static-route:placement\": {\"node\": \"" + NODE + "\"}" : ""),
            route(ECMP, hop("1", NetNs.B4, NetNs.IF_A, 1, bfd(BFD_MS)),
                hop("2", RouteNet.B2, RouteNet.IF_A2, 1, bfd(BFD_MS))));
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    /** The next-hop addresses of the route in the device's running configuration, null without the route. */
    private Set<String> onDevice() {
        final String xml = getConfig();
        final var routeMatcher = ROUTE.matcher(xml);
        while (routeMatcher.find()) {
            final String body = routeMatcher.group(1);
            if (body.contains(">" + ECMP + "<")) {
                final Set<String> hops = new HashSet<>();
                final var hop = ADDRESS.matcher(body);
                while (hop.find()) {
                    hops.add(hop.group(1).trim());
                }
                return hops;
            }
        }
        return null;
    }

    /** The device's running configuration of the instance; ncclient's exit is retried (bounded) when it crashes. */
    private String getConfig() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return device.getConfigText(FILTER);
            } catch (IllegalStateException e) {
                // python3-ncclient on Debian 12 now and then aborts at exit ("double free") after its answer
                last = e;
            }
        }
        throw last;
    }

    private Set<String> awaitDevice(final Predicate<Set<String>> done, final Duration timeout, final String what) {
        final long end = System.nanoTime() + timeout.toNanos();
        Set<String> last = null;
        while (System.nanoTime() < end) {
            last = onDevice();
            if (done.test(last)) {
                return last;
            }
            Shell.sleep(50);
        }
        fail(what + ": the device holds " + last + " after " + timeout + " (" + getConfig() + ")");
        return last;
    }

    private String placement() throws java.io.IOException, InterruptedException {
        final var reply = bed.http.get(StaticRoutes.path(INSTANCE) + "/static-routes/odl-bfd-static-route:placement"
            + "?content=nonconfig");
        return reply.status() == 200 ? reply.body() : "";
    }

    private void awaitPlacement(final String status, final Duration timeout) throws Exception {
        final long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = placement();
            if (last.contains("\"status\":\"" + status + "\"")) {
                return;
            }
            Shell.sleep(100);
        }
        fail("placement not " + status + ": " + last);
    }

    @Test
    @Order(1)
    void ecmpRouteTrackedByTheControllerIsPlacedOnTheDevice() throws Exception {
        // first the controller's own route, in its kernel: both sessions Up, both next hops active
        final var own = routes.put(INSTANCE, body(false));
        assertTrue(own.isSuccess(), own::toString);
        final long end = System.nanoTime() + UP.toNanos();
        while (!(active("1") && active("2")) && System.nanoTime() < end) {
            Shell.sleep(100);
        }
        assertTrue(active("1") && active("2"), () -> "next hops not active on the controller: "
            + controllerView() + "; FRR: " + frr.vtysh("show bfd peers"));
        net.awaitKernel(ECMP, BOTH::equals, CHANGE);

        // the device mounted, the same instance placed on it: the route leaves the kernel for the device
        final var netconf = new Netconf(bed.http);
        netconf.mount(NODE, NetNs.B4, 830, NetconfdDevice.USER, NetconfdDevice.PASSWORD);
        netconf.awaitConnected(NODE, CONNECT);
        final var put = routes.put(INSTANCE, body(true));
        assertTrue(put.isSuccess(), put::toString);
        final long start = System.nanoTime();
        awaitDevice(BOTH::equals, UP, "both next hops on the device");
        net.awaitKernel(ECMP, Set::isEmpty, CHANGE);
        Figures.record("MEASURED device-routes PUT of the placement to both ECMP next hops in netconfd's running"
            + " config " + (System.nanoTime() - start) / 1_000_000 + " ms");
        awaitPlacement("applied", CHANGE);
        assertTrue(placement().contains("\"node\":\"" + NODE + "\""), this::placementText);
        // plain RFC 8349: nothing of odl-bfd on the device
        final String xml = getConfig();
        assertTrue(!xml.contains("odl-bfd") && !xml.contains("<bfd"), xml);
        // the controller keeps its own view: the next hops' state leaves
        final var state = routes.nextHopState(INSTANCE, ECMP, "2");
        assertTrue(state != null && state.get("active").getAsBoolean(), String.valueOf(state));
    }

    private boolean active(final String index) throws java.io.IOException, InterruptedException {
        final var state = routes.nextHopState(INSTANCE, ECMP, index);
        return state != null && state.has("active") && state.get("active").getAsBoolean();
    }

    private static java.nio.file.Path karafLog() {
        return Controller.home().resolve("data/log/karaf.log");
    }

    private static long logSize() throws java.io.IOException {
        return java.nio.file.Files.size(karafLog());
    }

    /** Waits until the controller's log, from {@code mark} on, holds {@code text}. */
    private static void awaitLog(final long mark, final String text) throws java.io.IOException {
        final long end = System.nanoTime() + DRIFT.toNanos();
        String since = "";
        while (System.nanoTime() < end) {
            final byte[] all = java.nio.file.Files.readAllBytes(karafLog());
            since = new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                java.nio.charset.StandardCharsets.UTF_8);
            if (since.contains(text)) {
                return;
            }
            Shell.sleep(100);
        }
        fail("the controller did not log '" + text + "' within " + DRIFT);
    }

    private String controllerView() {
        try {
            return bed.http.get(StaticRoutes.path(INSTANCE) + "?content=nonconfig").body();
        } catch (java.io.IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private String placementText() {
        try {
            return placement();
        } catch (java.io.IOException | InterruptedException e) {
            return e.toString();
        }
    }

    @Test
    @Order(2)
    void aPeerShutdownWithdrawsItsNextHopOnTheDeviceAndNoShutdownRestoresIt() throws Exception {
        frr.configurePeer(FRR_2, "shutdown");
        awaitDevice(Set.of(NetNs.B4)::equals, CHANGE, "next hop 2 withdrawn");
        awaitPlacement("applied", CHANGE);
        frr.configurePeer(FRR_2, "no shutdown");
        awaitDevice(BOTH::equals, UP, "next hop 2 restored");
    }

    @Test
    @Order(3)
    void allNextHopsDownRemovesTheRouteFromTheDevice() throws Exception {
        frr.configurePeer(FRR_1, "shutdown");
        frr.configurePeer(FRR_2, "shutdown");
        awaitDevice(hops -> hops == null, CHANGE, "route removed");
        frr.configurePeer(FRR_1, "no shutdown");
        frr.configurePeer(FRR_2, "no shutdown");
        awaitDevice(BOTH::equals, UP, "route back with both next hops");
    }

    @Test
    @Order(4)
    void aRouteDeletedOrEditedByHandOnTheDeviceIsCorrected() throws Exception {
        // by hand on r1, through its mount point (netconfd refuses ncclient's edit-config on this list entry
        // with data-missing, see the report of this branch)
        final String route = new Netconf(bed.http).mountPath(NODE) + "/" + StaticRoutes.path(INSTANCE)
            + "/static-routes/ietf-ipv4-unicast-routing:ipv4/route=" + ECMP.replace("/", "%2F");
        long mark = logSize();
        final var deleted = bed.http.delete(route);
        assertTrue(deleted.isSuccess(), deleted::toString);
        final long start = System.nanoTime();
        // the controller may put it back before a get-config sees it gone: its log says what it corrected
        awaitLog(mark, "corrected static routes of " + INSTANCE + ": " + ECMP + " added");
        awaitDevice(BOTH::equals, DRIFT, "deleted route written again");
        final long deletedMs = (System.nanoTime() - start) / 1_000_000;

        // a next hop changed by hand: 2 now points elsewhere
        mark = logSize();
        final var edited = bed.http.put(route, "{\"ietf-ipv4-unicast-routing:route\": [{\"destination-prefix\": \""
            + ECMP + "\", \"next-hop\": {\"next-hop-list\": {\"next-hop\": [{\"index\": \"1\", "
            + "\"next-hop-address\": \"" + NetNs.B4 + "\"}, {\"index\": \"2\", \"next-hop-address\": "
            + "\"203.0.113.99\"}]}}}]}");
        assertTrue(edited.isSuccess(), edited::toString);
        final long editStart = System.nanoTime();
        awaitLog(mark, ECMP + " next hops [192.0.2.2, 203.0.113.99] -> [192.0.2.2, 203.0.113.2]");
        awaitDevice(BOTH::equals, DRIFT, "edited next hop corrected");
        Figures.record("MEASURED device-routes hand edits on netconfd corrected: route deleted -> written again "
            + deletedMs + " ms, next hop changed -> corrected " + (System.nanoTime() - editStart) / 1_000_000
            + " ms (device-poll-ms 2000)");
        awaitPlacement("applied", CHANGE);
    }

    @Test
    @Order(5)
    void engineDownToDeviceConfigRewritten() throws Exception {
        final int cycles = Integer.getInteger("deviceRoutes.cycles", 6);
        log.mark();
        final List<Long> seen = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            final long shut = System.nanoTime();
            frr.configurePeer(FRR_2, "shutdown");
            awaitDevice(Set.of(NetNs.B4)::equals, CHANGE, "withdrawn in cycle " + i);
            seen.add((System.nanoTime() - shut) / 1_000_000);
            frr.configurePeer(FRR_2, "no shutdown");
            awaitDevice(BOTH::equals, UP, "restored in cycle " + i);
        }
        Shell.sleep(300);
        final var samples = log.samples();
        final String load = Shell.run("cat", "/proc/loadavg").out().trim();
        final long[] observed = seen.stream().mapToLong(Long::longValue).sorted().toArray();
        Figures.record("MEASURED device-routes engine Down/Up -> netconfd config committed "
            + RouteLog.summary(samples, "device") + "; FRR shutdown -> next hop gone from get-config (test's poll,"
            + " 50 ms + ncclient) " + Arrays.toString(observed) + " ms (" + cycles + " withdrawals and restores, load "
            + load + ")");
        // every Down and every Up rewrote the device's route
        assertTrue(samples.stream().filter(s -> s.stage().equals("device")).count() >= 2L * cycles,
            samples::toString);
    }

    @Test
    @Order(6)
    void aStoppedDeviceMakesThePlacementUnreachable() throws Exception {
        r1.stop();
        awaitPlacement("unreachable", Duration.ofSeconds(60));
        assertTrue(placement().contains("is lost"), this::placementText);
    }
}
