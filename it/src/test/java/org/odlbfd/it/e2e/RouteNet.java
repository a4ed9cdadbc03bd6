/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;

/**
 * The route tests' links on top of {@link NetNs}: a second veth pair between A and B (two
 * next hops to one peer, as CE1's two links to its PEs), a macvlan sub-interface in A, a third pair
 * for a VRF; link failures made with nftables in B (BFD stops, the carrier stays: the failure BFD is
 * for); and the kernel's routes of protocol 84 in A, as {@code ip route} shows them.
 * <pre>
 *   A: vA  192.0.2.1/30     B: vB  192.0.2.2/30      (NetNs)
 *      vA2 203.0.113.1/30      vB2 203.0.113.2/30
 *          2001:db8:fffe::1/64     2001:db8:fffe::2/64
 *      vA2m (macvlan on vA2, no address)
 *      vA3 192.0.2.9/30        vB3 192.0.2.10/30     ({@link #addVrfLink})
 * </pre>
 */
final class RouteNet {
    static final String IF_A2 = "vA2";
    static final String IF_B2 = "vB2";
    static final String SUB = "vA2m";
    static final String A2 = "203.0.113.1";
    static final String B2 = "203.0.113.2";
    static final String A2_6 = "2001:db8:fffe::1";
    static final String B2_6 = "2001:db8:fffe::2";
    static final String IF_A3 = "vA3";
    static final String IF_B3 = "vB3";
    static final String A3 = "192.0.2.9";
    static final String B3 = "192.0.2.10";
    private static final String NFT = "/usr/sbin/nft";
    private static final Pattern ROUTE = Pattern.compile("^(?:blackhole |unreachable |prohibit )?(\\S+)(.*)$");
    private static final Pattern VIA = Pattern.compile("via (\\S+)");
    private static final Pattern DEV = Pattern.compile("dev (\\S+)");

    private final NetNs net;

    RouteNet(final NetNs net) {
        this.net = net;
        Shell.check("ip", "link", "add", IF_A2, "netns", net.a(), "type", "veth", "peer", "name", IF_B2, "netns",
            net.b());
        Shell.check("ip", "-n", net.a(), "addr", "add", A2 + "/30", "dev", IF_A2);
        Shell.check("ip", "-n", net.b(), "addr", "add", B2 + "/30", "dev", IF_B2);
        Shell.check("ip", "-n", net.a(), "addr", "add", A2_6 + "/64", "dev", IF_A2, "nodad");
        Shell.check("ip", "-n", net.b(), "addr", "add", B2_6 + "/64", "dev", IF_B2, "nodad");
        Shell.check("ip", "-n", net.a(), "link", "set", IF_A2, "up");
        Shell.check("ip", "-n", net.b(), "link", "set", IF_B2, "up");
        Shell.check("ip", "-n", net.a(), "link", "add", "link", IF_A2, "name", SUB, "type", "macvlan");
        Shell.check("ip", "-n", net.a(), "link", "set", SUB, "up");
    }

    /** A third pair, vA3 enslaved to a new VRF in A; false when the kernel has no VRF driver. */
    boolean addVrfLink(final String vrf, final int table) {
        if (!net.exec(net.a(), "ip", "link", "add", vrf, "type", "vrf", "table", Integer.toString(table)).ok()) {
            return false;
        }
        Shell.check("ip", "-n", net.a(), "link", "set", vrf, "up");
        Shell.check("ip", "link", "add", IF_A3, "netns", net.a(), "type", "veth", "peer", "name", IF_B3, "netns",
            net.b());
        Shell.check("ip", "-n", net.a(), "link", "set", IF_A3, "master", vrf);
        Shell.check("ip", "-n", net.a(), "addr", "add", A3 + "/30", "dev", IF_A3);
        Shell.check("ip", "-n", net.b(), "addr", "add", B3 + "/30", "dev", IF_B3);
        Shell.check("ip", "-n", net.a(), "link", "set", IF_A3, "up");
        Shell.check("ip", "-n", net.b(), "link", "set", IF_B3, "up");
        return true;
    }

    /** Drops everything B sends and receives on one of its links (the carrier stays up). */
    void breakLink(final String ifB) {
        final Path rules = RunDir.create("nft").resolve("break-" + ifB + ".nft");
        RunDir.write(rules, "table inet break_" + ifB + " {\n"
            + " chain in { type filter hook input priority 0; iifname \"" + ifB + "\" drop; }\n"
            + " chain out { type filter hook output priority 0; oifname \"" + ifB + "\" drop; }\n}\n");
        Shell.check("ip", "netns", "exec", net.b(), NFT, "-f", rules.toString());
    }

    void healLink(final String ifB) {
        Shell.check("ip", "netns", "exec", net.b(), NFT, "delete", "table", "inet", "break_" + ifB);
    }

    /** Our routes in a table of A: prefix to its gateways (or {@code dev X} for an interface route). */
    Map<String, Set<String>> kernel(final String table) {
        final String out = Shell.check("ip", "-n", net.a(), "-4", "route", "show", "table", table, "proto", "84")
            .out();
        final Map<String, Set<String>> routes = new TreeMap<>();
        String current = null;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                final Matcher m = ROUTE.matcher(line.trim());
                if (!m.matches()) {
                    continue;
                }
                current = m.group(1);
                if (routes.containsKey(current)) {
                    // a second route to one prefix: a duplicate the tests must see
                    current = current + "#dup";
                }
                routes.put(current, new TreeSet<>());
                hops(m.group(2), routes.get(current));
            } else if (current != null) {
                hops(line, routes.get(current));
            }
        }
        return routes;
    }

    private static void hops(final String text, final Set<String> into) {
        final Matcher via = VIA.matcher(text);
        if (via.find()) {
            into.add(via.group(1));
            return;
        }
        final Matcher dev = DEV.matcher(text);
        if (dev.find()) {
            into.add("dev " + dev.group(1));
        }
    }

    /** Bounded poll of one route's gateways in table main (an empty set: the route is absent). */
    Set<String> awaitKernel(final String prefix, final Predicate<Set<String>> done, final Duration timeout) {
        return awaitKernel("main", prefix, done, timeout);
    }

    Set<String> awaitKernel(final String table, final String prefix, final Predicate<Set<String>> done,
            final Duration timeout) {
        final long end = System.nanoTime() + timeout.toNanos();
        Set<String> last;
        do {
            last = kernel(table).getOrDefault(prefix, Set.of());
            if (done.test(last)) {
                return last;
            }
            Shell.sleep(10);
        } while (System.nanoTime() < end);
        return fail("kernel route " + prefix + " (table " + table + ") not as expected after " + timeout + ": "
            + kernel(table));
    }
}
