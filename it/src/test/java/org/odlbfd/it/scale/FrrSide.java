/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.odlbfd.it.interop.FrrPeer;
import org.odlbfd.it.interop.NetNs;

/**
 * FRR bfdd 8.4 (with zebra, which single-hop peers bound to an interface need) at one end, with all N
 * peers written into bfdd.conf before it starts. Figures come from {@code show bfd peers counters json};
 * CPU is bfdd's alone (zebra does no BFD packet work).
 */
final class FrrSide implements Side {
    private final FrrPeer frr;

    private FrrSide(final FrrPeer frr) {
        this.frr = frr;
    }

    static FrrSide start(final NetNs net, final ScaleBed.End end, final int count, final int intervalMs) {
        final String[] stanzas = new String[count];
        for (int i = 0; i < count; i++) {
            final String header = "peer " + end.peer(i) + (end.multiHop() ? " multihop" : "") + " local-address "
                + end.local(i) + (end.multiHop() ? "" : " interface " + end.ifname());
            stanzas[i] = FrrPeer.stanza(header, "receive-interval " + intervalMs, "transmit-interval " + intervalMs,
                "detect-multiplier " + ScaleConfig.MULT);
        }
        return new FrrSide(FrrPeer.start(net, end.ns(), stanzas));
    }

    @Override
    public String kind() {
        return "frr";
    }

    @Override
    public Sample sample() {
        final long cpu = ProcCpu.micros(frr.bfddPid());
        long up = 0;
        long downs = 0;
        long packets = 0;
        // a saturated bfdd answers slowly: allow a minute rather than FrrPeer's default 10 s
        final String json = frr.vtysh(Duration.ofSeconds(60), "show bfd peers counters json");
        for (JsonElement el : JsonParser.parseString(json).getAsJsonArray()) {
            final JsonObject c = el.getAsJsonObject();
            final long ups = c.get("session-up").getAsLong();
            final long dns = c.get("session-down").getAsLong();
            // FRR keeps no "state" in the counters view: a session is Up iff it came up more often than it went down
            up += ups > dns ? 1 : 0;
            downs += dns;
            packets += c.get("control-packet-input").getAsLong() + c.get("control-packet-output").getAsLong();
        }
        return new Sample(up, downs, packets, cpu);
    }

    @Override
    public int mark() {
        return 0;
    }

    @Override
    public List<Long> expiryTimes(final int mark) {
        return List.of();
    }

    @Override
    public String lateness() {
        return "n/a";
    }

    @Override
    public long kill() {
        return Kill.sigkill(frr.bfddPid(), "bfdd");
    }

    @Override
    public void close() {
        frr.close();
    }
}
