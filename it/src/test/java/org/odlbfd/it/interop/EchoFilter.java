/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An nftables chain on the prerouting hook of the peer's namespace that counts (and on demand
 * drops) the BFD echo packets (UDP 3785) arriving from one source address, in two counters: those
 * with TTL / Hop Limit 255 (the source's own echo packets, whether the peer's kernel forwards them
 * back, RFC 5881 §4, or the peer's BFD system reflects them) and the rest (the peer's echo that
 * the source looped back, application-level with 254 as a router would). The peer's own echo
 * packets looped back by a kernel keep the peer's address as source and are not counted.
 */
final class EchoFilter {
    private static final String TABLE = "bfdit";
    private static final String CHAIN = "echoin";

    private final NetNs netns;
    private final String ns;

    private final String source;

    private EchoFilter(final NetNs netns, final String ns, final String source) {
        this.netns = netns;
        this.ns = ns;
        this.source = source;
    }

    /** Installs the counting chain in {@code ns} for echo packets from address {@code source} (v4 or v6). */
    static EchoFilter install(final NetNs netns, final String ns, final String source) {
        final Path rules = RunDir.create("nft").resolve("echo.nft");
        RunDir.write(rules, "table inet " + TABLE + " {\n chain " + CHAIN + " {\n"
            + "  type filter hook prerouting priority 0; policy accept;\n"
            + "  " + match(source, "==") + " counter\n"
            + "  " + match(source, "!=") + " counter\n }\n}\n");
        netns.nft(ns, rules);
        return new EchoFilter(netns, ns, source);
    }

    /**
     * The source's own echo packets seen so far: those that arrive with TTL / Hop Limit 255, as
     * their sender sent them (RFC 5881 §4).
     */
    long forwarded() {
        return counter(0);
    }

    /**
     * Echo packets from the source that arrive with a TTL below 255: the other side's echo that the
     * source looped back (an application-level reflector sends them with 254, as a router would).
     */
    long reflected() {
        return counter(1);
    }

    private long counter(final int index) {
        final String json = netns.exec(ns, Testbed.NFT, "-j", "list", "chain", "inet", TABLE, CHAIN).check().out();
        int seen = 0;
        for (JsonElement el : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("nftables")) {
            final JsonObject obj = el.getAsJsonObject();
            if (obj.has("rule")) {
                for (JsonElement expr : obj.getAsJsonObject("rule").getAsJsonArray("expr")) {
                    if (expr.getAsJsonObject().has("counter") && seen++ == index) {
                        return expr.getAsJsonObject().getAsJsonObject("counter").get("packets").getAsLong();
                    }
                }
            }
        }
        throw new IllegalStateException("no counter " + index + " in " + json);
    }

    /**
     * From now on the namespace silently drops the source's own echo packets (TTL 255). What it
     * loops back for the other side still passes, so that only the source's echo fails.
     */
    void drop() {
        final List<String> cmd = new ArrayList<>(List.of(Testbed.NFT, "add", "rule", "inet", TABLE, CHAIN));
        cmd.addAll(List.of(match(source, "==").split(" ")));
        cmd.add("drop");
        netns.exec(ns, cmd.toArray(String[]::new)).check();
    }

    private static String match(final String addr, final String ttlOp) {
        final boolean v6 = addr.contains(":");
        return (v6 ? "ip6" : "ip") + " saddr " + addr + " udp dport 3785 " + (v6 ? "ip6 hoplimit " : "ip ttl ")
            + ttlOp + " 255";
    }
}
