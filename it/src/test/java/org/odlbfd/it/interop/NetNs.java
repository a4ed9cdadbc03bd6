/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two network namespaces joined by one veth pair (vA in A, vB in B), the same topology as
 * /work/shared/peers/frr-pair.sh but with names unique to the test run:
 * <pre>
 *   A: vA 192.0.2.1/30, 2001:db8:ffff::1/64, lo 192.0.2.101/32, route 192.0.2.102/32 via 192.0.2.2
 *   B: vB 192.0.2.2/30, 2001:db8:ffff::2/64, lo 192.0.2.102/32, route 192.0.2.101/32 via 192.0.2.1
 * </pre>
 * Addresses are RFC 5737 / RFC 3849 documentation prefixes that exist only inside the namespaces.
 */
public final class NetNs implements Resource {
    public static final String IF_A = "vA";
    public static final String IF_B = "vB";
    public static final String A4 = "192.0.2.1";
    public static final String B4 = "192.0.2.2";
    public static final String A6 = "2001:db8:ffff::1";
    public static final String B6 = "2001:db8:ffff::2";
    static final String A_MH = "192.0.2.101";
    static final String B_MH = "192.0.2.102";

    private static final Logger LOG = LoggerFactory.getLogger(NetNs.class);

    private final String nsA;
    private final String nsB;
    private final Thread shutdownHook;
    private boolean closed;

    private NetNs(final String nsA, final String nsB) {
        this.nsA = nsA;
        this.nsB = nsB;
        // backstop for an aborted JVM; @AfterAll normally closes first
        shutdownHook = new Thread(this::deleteNamespaces, "netns-cleanup-" + nsA);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Creates and wires both namespaces; on any failure deletes whatever was created. */
    public static NetNs pair(final String tag) {
        final String base = RunDir.uniqueName(tag);
        final NetNs ns = new NetNs(base + "-a", base + "-b");
        boolean built = false;
        try {
            ns.build();
            built = true;
        } finally {
            if (!built) {
                ns.close();
            }
        }
        return ns;
    }

    public String a() {
        return nsA;
    }

    public String b() {
        return nsB;
    }

    private void build() {
        Shell.check("ip", "netns", "add", nsA);
        Shell.check("ip", "netns", "add", nsB);
        for (String ns : List.of(nsA, nsB)) {
            // no duplicate address detection: IPv6 sessions must not wait ~2 s for a tentative address
            sysctl(ns, "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.all.accept_dad=0");
        }
        // created directly inside the namespaces: no name can clash with the root namespace or another run
        Shell.check("ip", "link", "add", IF_A, "netns", nsA, "type", "veth", "peer", "name", IF_B, "netns", nsB);
        side(nsA, IF_A, A4, A6, A_MH, B_MH, B4);
        side(nsB, IF_B, B4, B6, B_MH, A_MH, A4);
        final Shell.Result ping = Shell.run(Duration.ofSeconds(5), "ip", "netns", "exec", nsA,
            "ping", "-c", "1", "-W", "2", B4);
        if (!ping.ok()) {
            throw new IllegalStateException("veth ping " + nsA + " -> " + B4 + " failed: " + ping.out());
        }
        LOG.info("namespaces {} and {} up", nsA, nsB);
    }

    private static void side(final String ns, final String ifname, final String me4, final String me6,
            final String lo, final String peerLo, final String nextHop) {
        Shell.check("ip", "-n", ns, "link", "set", "lo", "up");
        Shell.check("ip", "-n", ns, "addr", "add", me4 + "/30", "dev", ifname);
        Shell.check("ip", "-n", ns, "addr", "add", me6 + "/64", "dev", ifname, "nodad");
        Shell.check("ip", "-n", ns, "addr", "add", lo + "/32", "dev", "lo");
        Shell.check("ip", "-n", ns, "link", "set", ifname, "up");
        Shell.check("ip", "-n", ns, "route", "add", peerLo + "/32", "via", nextHop);
    }

    /** Runs a command inside namespace {@code ns} (bounded). */
    public Shell.Result exec(final String ns, final String... cmd) {
        final List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(List.of(cmd));
        return Shell.run(all.toArray(String[]::new));
    }

    public void sysctl(final String ns, final String... settings) {
        final List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns, "sysctl", "-qw"));
        all.addAll(List.of(settings));
        Shell.check(all.toArray(String[]::new));
    }

    /** Loads an nft ruleset file into namespace {@code ns}. */
    void nft(final String ns, final Path rules) {
        Shell.check("ip", "netns", "exec", ns, Testbed.NFT, "-f", rules.toString());
    }

    /**
     * Adds {@code count} IPv6 addresses {@code prefix + (i + 1)} (nodad) to both veth ends in one
     * {@code ip -batch} per side: A gets odd, B even host numbers, so pair i is (2i+1, 2i+2).
     * They are /128s and {@code prefix/64} is routed via the peer's veth address: still one link,
     * no router hop (TTL stays 255), but one neighbor entry instead of one per address. The
     * kernel's neighbor table is shared by all namespaces and its default gc_thresh2/3 (512/1024)
     * otherwise caps a run at ~500 session pairs.
     */
    public void addIpv6Pairs(final String prefix, final int count, final Path dir) {
        final StringBuilder batchA = new StringBuilder();
        final StringBuilder batchB = new StringBuilder();
        for (int i = 0; i < count; i++) {
            batchA.append("addr add ").append(prefix).append(Integer.toHexString(2 * i + 1)).append("/128 dev ")
                .append(IF_A).append(" nodad\n");
            batchB.append("addr add ").append(prefix).append(Integer.toHexString(2 * i + 2)).append("/128 dev ")
                .append(IF_B).append(" nodad\n");
        }
        final Path fileA = dir.resolve("addrA.batch");
        final Path fileB = dir.resolve("addrB.batch");
        RunDir.write(fileA, batchA.toString());
        RunDir.write(fileB, batchB.toString());
        Shell.run(Duration.ofSeconds(120), "ip", "-n", nsA, "-batch", fileA.toString()).check();
        Shell.run(Duration.ofSeconds(120), "ip", "-n", nsB, "-batch", fileB.toString()).check();
        Shell.check("ip", "-n", nsA, "-6", "route", "add", prefix + "/64", "via", B6, "dev", IF_A);
        Shell.check("ip", "-n", nsB, "-6", "route", "add", prefix + "/64", "via", A6, "dev", IF_B);
    }

    /** Deletes both namespaces (idempotent). Processes started inside must have been stopped first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        deleteNamespaces();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM already shutting down", e);
        }
    }

    private void deleteNamespaces() {
        for (String ns : List.of(nsA, nsB)) {
            final Shell.Result pids = Shell.run("ip", "netns", "pids", ns);
            if (pids.ok() && !pids.out().isBlank()) {
                LOG.warn("namespace {} still has processes {} (not ours to kill)", ns, pids.out().trim());
            }
            final Shell.Result del = Shell.run("ip", "netns", "del", ns);
            if (!del.ok() && !del.err().contains("No such file")) {
                LOG.warn("ip netns del {}: {}", ns, del.err().trim());
            }
        }
    }
}
