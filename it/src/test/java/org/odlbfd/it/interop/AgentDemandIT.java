/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * Demand mode (RFC 5880 §6.6) between two of our agents over real sockets: FRR 8.4 and BIRD 2 do
 * not implement it. A asks for Demand mode, so B stops its periodic packets; A verifies the path
 * with a Poll Sequence; turning Demand mode off brings B's packets back without a flap; and with
 * B's packets dropped, A's Poll gets no Final and A goes Down one Detection Time after it (§6.8.4).
 */
class AgentDemandIT extends InteropBase {
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(15);
    private static final long HOLD_MS = 3_000;
    /** 100 ms x 3: the Demand-mode Detection Time of A is 300 ms. */
    private static final String TIMERS = " tx=100000 rx=100000 mult=3";

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.NFT);
    }

    @Test
    void demandModeVerificationAndFailure() {
        final AgentProcess a = own(AgentProcess.start(net.a()));
        final AgentProcess b = own(AgentProcess.start(net.b()));
        a.ok("add sh name=d ifname=" + NetNs.IF_A + " local=" + NetNs.A4 + " peer=" + NetNs.B4 + TIMERS);
        b.ok("add sh name=d ifname=" + NetNs.IF_B + " local=" + NetNs.B4 + " peer=" + NetNs.A4 + TIMERS);
        a.awaitState("d", State.UP, UP_TIMEOUT);
        b.awaitState("d", State.UP, UP_TIMEOUT);

        // Demand mode on: B ceases its periodic packets (§6.6, §6.8.7), nobody flaps
        a.ok("set d demand=on");
        Shell.sleep(500);
        final int markA = a.mark();
        final int markB = b.mark();
        long rxA = a.show("d").num("rxpkts");
        long txB = b.show("d").num("txpkts");
        Shell.sleep(HOLD_MS);
        final long quietRx = a.show("d").num("rxpkts") - rxA;
        final long quietTx = b.show("d").num("txpkts") - txB;
        assertTrue(quietRx <= 2 && quietTx <= 2, "B still sent " + quietTx + " packets, A got " + quietRx);
        assertEquals(State.UP, State.valueOf(a.show("d").str("rstate")));

        // a verification Poll is answered
        final long polled = System.nanoTime();
        assertEquals("VERIFY name=d result=true", a.command("verify d"));
        final long verifyUs = (System.nanoTime() - polled) / 1000;

        // Demand mode off: B transmits again, still no flap (detection restarts, §6.6)
        a.ok("set d demand=off");
        Shell.sleep(500);
        rxA = a.show("d").num("rxpkts");
        Shell.sleep(HOLD_MS);
        final long resumedRx = a.show("d").num("rxpkts") - rxA;
        assertTrue(resumedRx >= HOLD_MS / 100 / 2, "B resumed with only " + resumedRx + " packets in " + HOLD_MS);
        final List<AgentEvent> flaps = new ArrayList<>(a.events().subList(markA, a.events().size()));
        flaps.addAll(b.events().subList(markB, b.events().size()));
        assertTrue(flaps.isEmpty(), "no flap: " + AgentProcess.brief(flaps));

        // Demand mode on again, then B's packets are lost: the Poll gets no Final
        a.ok("set d demand=on");
        Shell.sleep(1_000);
        final Path rules = RunDir.create("nft").resolve("demand.nft");
        RunDir.write(rules, "table inet bfddemand {\n chain in {\n  type filter hook prerouting priority 0;"
            + " policy accept;\n  ip saddr " + NetNs.B4 + " udp dport 3784 drop\n }\n}\n");
        net.nft(net.a(), rules);
        final int mark = a.mark();
        final long lost = System.nanoTime();
        assertEquals("VERIFY name=d result=false", a.command("verify d"));
        final AgentEvent down = a.awaitEvent(mark, e -> "d".equals(e.name()) && e.to() == State.DOWN,
            Duration.ofSeconds(3), "A Down once its Poll goes unanswered");
        assertEquals(Diagnostic.CONTROL_EXPIRY, down.ldiag(), down.toString());
        final long downUs = (down.seenNs() - lost) / 1000;
        Figures.record("agent-demand: " + HOLD_MS + " ms in Demand mode, B sent " + quietTx + " A received " + quietRx
            + "; verify answered in " + verifyUs + " us; after Demand off A received " + resumedRx + " in "
            + HOLD_MS + " ms; unanswered verify -> Down in " + downUs + " us (Demand Detection Time 300 ms after"
            + " the first Poll)");
        assertTrue(downUs < 1_000_000, "Down after " + downUs + " us");
    }
}
