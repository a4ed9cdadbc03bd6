/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.routetracker.KernelRoute;
import org.odlbfd.impl.routetracker.KernelRoute.Hop;
import org.odlbfd.impl.routetracker.LatencyLog;
import org.odlbfd.impl.routetracker.Prefix;
import org.odlbfd.impl.routetracker.RouteSink.RouteKey;

/**
 * The route installer against the real kernel, in a namespace of the test's own: ECMP as one
 * multipath route, a next hop withdrawn and restored in place, the route withdrawn, IPv6, special
 * next hops, and the start-up reconciliation (a previous run's routes are claimed in place, or
 * removed when not configured any more). {@code ip route} checks what the kernel really holds.
 */
class KernelRoutesTest {
    private static final Prefix NET = Prefix.parse("203.0.113.0/24");
    private static final Prefix NET6 = Prefix.parse("2001:db8:100::/48");
    private static final Hop GW_A = new Hop(InetAddresses.forString("192.0.2.2"), "ka");
    private static final Hop GW_B = new Hop(InetAddresses.forString("198.51.100.2"), "kb");

    private TestNamespace ns;
    private LinkTable links;
    private KernelRoutes routes;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        ns = TestNamespace.create("kr");
        ns.ip("link", "add", "ka", "type", "veth", "peer", "name", "kb");
        ns.ip("addr", "add", "192.0.2.1/24", "dev", "ka");
        ns.ip("addr", "add", "198.51.100.1/24", "dev", "kb");
        ns.ip("addr", "add", "2001:db8:1::1/64", "dev", "ka", "nodad");
        ns.ip("addr", "add", "2001:db8:2::1/64", "dev", "kb", "nodad");
        ns.ip("link", "set", "ka", "up");
        ns.ip("link", "set", "kb", "up");
        links = new LinkTable(ns.path());
        routes = new KernelRoutes(links, new LatencyLog(), 20, ns.path());
    }

    @AfterEach
    void tearDown() throws IOException, InterruptedException {
        if (routes != null) {
            routes.close();
        }
        if (links != null) {
            links.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void ecmpRouteIsOneMultipathRouteAndNextHopsChangeInPlace() throws Exception {
        routes.apply(List.of(new KernelRoute(null, NET, List.of(GW_A, GW_B), null)), System.nanoTime());
        String shown = awaitRoutes(1);
        assertTrue(shown.contains("nexthop via 192.0.2.2 dev ka") && shown.contains("nexthop via 198.51.100.2 dev kb"),
            shown);
        assertTrue(shown.contains("metric 20"), shown);
        final String detail = ns.ip("-d", "route", "show", NET.toString());
        assertTrue(detail.contains("unicast 203.0.113.0/24 proto 84 scope global metric 20"), detail);

        // one next hop withdrawn: the same route, rewritten with one next hop (no second route)
        routes.apply(List.of(new KernelRoute(null, NET, List.of(GW_B), null)), 0);
        shown = awaitContent(s -> s.contains("via 198.51.100.2 dev kb") && !s.contains("192.0.2.2"));
        assertEquals(1, count(shown), shown);

        // restored
        routes.apply(List.of(new KernelRoute(null, NET, List.of(GW_A, GW_B), null)), 0);
        shown = awaitContent(s -> s.contains("192.0.2.2") && s.contains("198.51.100.2"));
        assertEquals(1, count(shown), shown);

        // all down: withdrawn
        routes.apply(List.of(new KernelRoute(null, NET, List.of(), null)), 0);
        awaitRoutes(0);
        assertEquals(Set.of(), routes.installed());
    }

    @Test
    void ipv6EcmpAndAnInterfaceRoute() throws Exception {
        final Hop v6a = new Hop(InetAddresses.forString("2001:db8:1::2"), "ka");
        final Hop v6b = new Hop(InetAddresses.forString("2001:db8:2::2"), "kb");
        routes.apply(List.of(new KernelRoute(null, NET6, List.of(v6a, v6b), null),
            new KernelRoute(null, NET, List.of(new Hop(null, "kb")), null)), 0);
        final String v6 = awaitContent6(s -> s.contains("2001:db8:1::2") && s.contains("2001:db8:2::2"));
        assertTrue(v6.contains("2001:db8:100::/48 metric 20"), v6);
        final String v4 = awaitRoutes(1);
        assertTrue(v4.contains("203.0.113.0/24 dev kb") && v4.contains("scope link"), v4);

        routes.apply(List.of(new KernelRoute(null, NET6, List.of(v6b), null)), 0);
        final String one = awaitContent6(s -> !s.contains("2001:db8:1::2") && s.contains("2001:db8:2::2"));
        assertEquals(1, count(one), one);
        routes.apply(List.of(new KernelRoute(null, NET6, List.of(), null)), 0);
        awaitContent6(String::isBlank);
    }

    @Test
    void aGatewayFurtherAwayGoesInAsTheNextHopOfTheRouteToIt() throws Exception {
        // a multihop next hop: 203.0.113.200 is behind 192.0.2.2; the kernel takes on-link gateways only
        ns.ip("route", "add", "203.0.113.200/32", "via", "192.0.2.2");
        routes.apply(List.of(new KernelRoute(null, Prefix.parse("203.0.113.0/25"), List.of(new Hop(
            InetAddresses.forString("203.0.113.200"), null)), null)), 0);
        final String shown = awaitRoutes(1);
        assertTrue(shown.contains("via 192.0.2.2 dev ka"), shown);
    }

    @Test
    void blackholeRoute() throws Exception {
        routes.apply(List.of(new KernelRoute(null, NET, List.of(), "blackhole")), 0);
        final String shown = awaitRoutes(1);
        assertTrue(shown.startsWith("blackhole 203.0.113.0/24"), shown);
    }

    @Test
    void restartClaimsConfiguredRoutesInPlaceAndRemovesTheOthers() throws Exception {
        final Prefix other = Prefix.parse("203.0.113.128/25");
        routes.apply(List.of(new KernelRoute(null, NET, List.of(GW_A, GW_B), null),
            new KernelRoute(null, other, List.of(GW_A), null)), 0);
        awaitRoutes(2);
        // what a kill -9 leaves: the routes stay in the kernel, a new run starts
        routes.close();
        routes = new KernelRoutes(links, new LatencyLog(), 20, ns.path());
        assertEquals(2, count(ns.ip("-4", "route", "show", "proto", "84")));

        // only NET is still configured: the other goes at once, NET stays and is replaced in place
        routes.configured(Set.of(new RouteKey(null, NET)));
        String shown = awaitRoutes(1);
        assertTrue(shown.startsWith("203.0.113.0/24"), shown);
        routes.apply(List.of(new KernelRoute(null, NET, List.of(GW_B), null)), 0);
        shown = awaitContent(s -> !s.contains("192.0.2.2"));
        assertEquals(1, count(shown), "no duplicate after the restart: " + shown);
        assertEquals(Set.of(new KernelRoutes.TableKey(254, NET)), routes.installed());
    }

    @Test
    void foreignRouteToTheSamePrefixSurvivesOurWithdrawal() throws Exception {
        ns.ip("route", "add", NET.toString(), "via", "192.0.2.3", "metric", "100");
        routes.apply(List.of(new KernelRoute(null, NET, List.of(GW_B), null)), 0);
        awaitRoutes(1);
        routes.apply(List.of(new KernelRoute(null, NET, List.of(), null)), 0);
        awaitRoutes(0);
        final String all = ns.ip("-4", "route", "show", NET.toString());
        assertTrue(all.contains("via 192.0.2.3") && all.contains("metric 100"), all);
    }

    @Test
    void linkTableKnowsSubInterfacesAndConnectedPrefixes() throws Exception {
        ns.ip("link", "add", "link", "ka", "name", "ka-sub", "type", "macvlan");
        final long end = System.nanoTime() + 5_000_000_000L;
        while (links.subInterfaces("ka").isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(Set.of("ka-sub"), links.subInterfaces("ka"));
        // a veth's IFLA_LINK is its peer, not its parent
        assertEquals(Set.of(), links.subInterfaces("kb"));
        assertEquals("ka", links.connectedInterface(InetAddresses.forString("192.0.2.77"), null));
        assertEquals("kb", links.connectedInterface(InetAddresses.forString("2001:db8:2::9"), null));
        assertNull(links.connectedInterface(InetAddresses.forString("203.0.113.9"), null));
        assertNull(links.connectedInterface(InetAddresses.forString("192.0.2.77"), "vpna"));
        assertTrue(links.ifindex("ka") > 0);
    }

    private String awaitRoutes(final int expected) throws Exception {
        return awaitContent(s -> count(s) == expected);
    }

    private String awaitContent(final java.util.function.Predicate<String> done) throws Exception {
        return await(() -> ns.ip("-4", "route", "show", "proto", "84"), done);
    }

    private String awaitContent6(final java.util.function.Predicate<String> done) throws Exception {
        return await(() -> ns.ip("-6", "route", "show", "proto", "84"), done);
    }

    private static String await(final java.util.concurrent.Callable<String> show,
            final java.util.function.Predicate<String> done) throws Exception {
        final long end = System.nanoTime() + 5_000_000_000L;
        String last = show.call();
        while (!done.test(last) && System.nanoTime() < end) {
            Thread.sleep(10);
            last = show.call();
        }
        assertTrue(done.test(last), "kernel routes now: " + last);
        return last;
    }

    /** Routes in {@code ip route} output: lines that do not start with a space (nexthop lines do). */
    private static int count(final String shown) {
        return (int) Pattern.compile("\n").splitAsStream(shown).filter(l -> !l.isBlank() && !l.startsWith(" ")
            && !l.startsWith("\t")).count();
    }
}
