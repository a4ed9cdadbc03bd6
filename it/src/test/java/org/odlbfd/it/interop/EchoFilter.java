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
 * An nftables chain on the forward hook of one namespace that counts (and on demand drops) the
 * BFD echo packets (UDP 3785) that namespace forwards. Echo packets are addressed by the sender to
 * itself (RFC 5881 §4), so the peer only forwards them: this counter sees exactly the echo packets
 * of the other side.
 */
final class EchoFilter {
    private static final String TABLE = "bfdit";
    private static final String CHAIN = "echofwd";

    private final NetNs netns;
    private final String ns;

    private EchoFilter(final NetNs netns, final String ns) {
        this.netns = netns;
        this.ns = ns;
    }

    static EchoFilter install(final NetNs netns, final String ns) {
        final Path rules = RunDir.create("nft").resolve("echo.nft");
        RunDir.write(rules, "table inet " + TABLE + " {\n chain " + CHAIN + " {\n"
            + "  type filter hook forward priority 0; policy accept;\n  udp dport 3785 counter\n }\n}\n");
        netns.nft(ns, rules);
        return new EchoFilter(netns, ns);
    }

    /** Echo packets forwarded so far. */
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

    /** From now on the namespace silently drops the echo packets it would forward. */
    void drop() {
        netns.exec(ns, Testbed.NFT, "add", "rule", "inet", TABLE, CHAIN, "udp", "dport", "3785", "drop").check();
    }
}
