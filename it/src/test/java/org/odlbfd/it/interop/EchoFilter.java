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

/**
 * An nftables chain on the prerouting hook of the peer's namespace that counts (and on demand
 * drops) the BFD echo packets (UDP 3785) arriving from one source address. It sees our echo packets
 * whether the peer's kernel forwards them back (RFC 5881 §4: sent to our own address) or the peer
 * reflects them itself (FRR does for packets sent to its address); the peer's own echo packets,
 * looped back by our side, carry the peer's address as source and are not counted.
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

    /** Installs the counting chain in {@code ns} for echo packets from IPv4 address {@code source}. */
    static EchoFilter install(final NetNs netns, final String ns, final String source) {
        final Path rules = RunDir.create("nft").resolve("echo.nft");
        RunDir.write(rules, "table inet " + TABLE + " {\n chain " + CHAIN + " {\n"
            + "  type filter hook prerouting priority 0; policy accept;\n"
            + "  ip saddr " + source + " udp dport 3785 counter\n }\n}\n");
        netns.nft(ns, rules);
        return new EchoFilter(netns, ns, source);
    }

    /** Echo packets from the source seen so far. */
    long forwarded() {
        final String json = netns.exec(ns, Testbed.NFT, "-j", "list", "chain", "inet", TABLE, CHAIN).check().out();
        for (JsonElement el : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("nftables")) {
            final JsonObject obj = el.getAsJsonObject();
            if (obj.has("rule")) {
                for (JsonElement expr : obj.getAsJsonObject("rule").getAsJsonArray("expr")) {
                    if (expr.getAsJsonObject().has("counter")) {
                        return expr.getAsJsonObject().getAsJsonObject("counter").get("packets").getAsLong();
                    }
                }
            }
        }
        throw new IllegalStateException("no counter in " + json);
    }

    /** From now on the namespace silently drops those echo packets. */
    void drop() {
        netns.exec(ns, Testbed.NFT, "add", "rule", "inet", TABLE, CHAIN, "ip", "saddr", source, "udp", "dport",
            "3785", "drop").check();
    }
}
