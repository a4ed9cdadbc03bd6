/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;

/**
 * The two namespaces of the interop test bed (one veth pair vA/vB) with {@code max} IPv6 address pairs
 * on it: session i runs between {@code 2001:db8:100::<2i+1>} on vA and {@code 2001:db8:100::<2i+2>} on vB
 * (hex host numbers), so every session has its own (interface, peer) key.
 *
 * <p>Each address also gets a permanent neighbour entry on the other side. Without it every session needs a
 * dynamic one, and the kernel's IPv6 neighbour table, shared by all namespaces, stops at gc_thresh3 (1024
 * here, settable only in the root namespace): sessions beyond that would fail for want of ND, not BFD.
 */
final class ScaleBed implements Resource {
    static final String PREFIX = "2001:db8:100::";
    /** Layout: session i between its own address pair, single-hop (the default). */
    static final String PER_SESSION = "per-session";
    /**
     * Layout: 64 addresses per side, session i multihop between A's address i mod 64 and B's address
     * (i / 64) mod 64, so every (local, peer) pair is used once up to 4,096 sessions: a router with
     * many peers per interface. Single-hop keys (interface, peer) would allow only 64 sessions.
     */
    static final String SHARED64 = "shared64";
    private static final int SHARED = 64;
    private static final Pattern MAC = Pattern.compile("link/ether ([0-9a-f:]{17})");

    /** One side as seen by the sessions started there. */
    record End(String ns, String ifname, boolean sideA, boolean shared) {
        String local(final int index) {
            return sideA ? addrA(index) : addrB(index);
        }

        String peer(final int index) {
            return sideA ? addrB(index) : addrA(index);
        }

        /** Multihop sessions (shared64) rather than single-hop. */
        boolean multiHop() {
            return shared;
        }

        private String addrA(final int index) {
            return addr(2 * (shared ? index % SHARED : index) + 1);
        }

        private String addrB(final int index) {
            return addr(2 * (shared ? index / SHARED % SHARED : index) + 2);
        }
    }

    private final NetNs net;
    private final End endA;
    private final End endB;

    private ScaleBed(final NetNs net, final boolean shared) {
        this.net = net;
        endA = new End(net.a(), NetNs.IF_A, true, shared);
        endB = new End(net.b(), NetNs.IF_B, false, shared);
    }

    static ScaleBed create(final int max, final String layout) {
        final boolean shared = SHARED64.equals(layout);
        if (shared && max > SHARED * SHARED) {
            throw new IllegalArgumentException("shared64 has " + SHARED * SHARED + " address pairs, asked for " + max);
        }
        final NetNs net = NetNs.pair("scal");
        boolean ok = false;
        try {
            final Path dir = RunDir.create("scale");
            final int addresses = shared ? SHARED : max;
            net.addIpv6Pairs(PREFIX, addresses, dir);
            final ScaleBed bed = new ScaleBed(net, shared);
            bed.neighbours(bed.endA, mac(net.b(), NetNs.IF_B), addresses, dir.resolve("neighA.batch"));
            bed.neighbours(bed.endB, mac(net.a(), NetNs.IF_A), addresses, dir.resolve("neighB.batch"));
            ok = true;
            return bed;
        } finally {
            if (!ok) {
                net.close();
            }
        }
    }

    static String addr(final int host) {
        return PREFIX + Integer.toHexString(host);
    }

    NetNs net() {
        return net;
    }

    End a() {
        return endA;
    }

    End b() {
        return endB;
    }

    private static String mac(final String ns, final String ifname) {
        final String out = Shell.check("ip", "-n", ns, "-o", "link", "show", ifname).out();
        final Matcher m = MAC.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no MAC for " + ifname + " in " + ns + ": " + out);
        }
        return m.group(1);
    }

    private void neighbours(final End end, final String peerMac, final int max, final Path file) {
        final StringBuilder batch = new StringBuilder();
        for (int i = 0; i < max; i++) {
            // address i of the other side (in both layouts its i-th address is pair i's)
            batch.append("neigh replace ").append(end.sideA() ? addr(2 * i + 2) : addr(2 * i + 1))
                .append(" lladdr ").append(peerMac).append(" dev ").append(end.ifname()).append(" nud permanent\n");
        }
        RunDir.write(file, batch.toString());
        Shell.run(Duration.ofSeconds(120), "ip", "-n", end.ns(), "-batch", file.toString()).check();
    }

    @Override
    public void close() {
        net.close();
    }
}
