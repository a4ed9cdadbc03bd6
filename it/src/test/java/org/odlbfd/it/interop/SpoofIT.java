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

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reproduction of issue 9 against FRR bfdd: a session Up with FRR, then spoofed Down packets
 * with TTL 64 and Your Discriminator 0 (and the real one) from FRR's address, to our source port
 * 49152 and to 3784. Before the fix, 50 of 50 flapped the session; now it stays Up and the ones to
 * 3784 are counted (the source port reads nothing at all).
 */
class SpoofIT extends InteropBase {
    private static final int PACKETS = 50;

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
    }

    @Test
    void spoofedDownPacketsDoNotFlapASessionWithFrr() {
        final Flooder flooder = Flooder.build();
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FrrInteropIT.FRR_SH4,
            FrrInteropIT.timers(100))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(FrrInteropIT.AGENT_SH4 + " tx=100000 rx=100000 mult=3");
        FrrInteropIT.assertUpBothWays(agent, "s4", frr, NetNs.A4);
        final long ours = agent.show("s4").num("ldisc");
        final int mark = agent.mark();
        final long invalidBefore = agent.show("s4").num("rxinvalid");

        final Flooder.Result toSourcePort = flooder.run(net, net.b(), 0, PACKETS,
            List.of(new Flooder.Target(NetNs.B4, NetNs.A4, 49152, "0")));
        final Flooder.Result toControlPort = flooder.run(net, net.b(), 0, PACKETS,
            List.of(new Flooder.Target(NetNs.B4, NetNs.A4, 3784, "0"),
                new Flooder.Target(NetNs.B4, NetNs.A4, 3784, Long.toString(ours))));
        Shell.sleep(500);

        final List<AgentEvent> flaps = agent.events().subList(mark, agent.events().size());
        final Reply snap = agent.show("s4");
        final Reply stats = agent.stats();
        Figures.record("spoof-frr: " + toSourcePort.sent() + " spoofed Down (TTL 64, Your Discr 0) to 49152 and "
            + toControlPort.sent() + " to 3784 (Your Discr 0 / ours): " + flaps.size() + " of "
            + (toSourcePort.sent() + toControlPort.sent()) + " flapped the session; session rejects "
            + snap.str("rejects") + ", engine rejects " + stats.str("rejects"));
        assertEquals(PACKETS, toSourcePort.sent());
        assertTrue(flaps.isEmpty(), "spoofed packets flapped the session: " + AgentProcess.brief(flaps));
        assertEquals("UP", snap.str("state"));
        // the ones with our discriminator reach the session and are refused there (RFC 5881 §5)
        assertEquals(invalidBefore + PACKETS / 2, snap.num("rxinvalid"), snap.line());
        assertTrue(snap.str("rejects").contains("TTL_TOO_LOW:" + PACKETS / 2), snap.line());
    }
}
