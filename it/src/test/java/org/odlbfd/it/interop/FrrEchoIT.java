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

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * Echo (RFC 5880 §6.4, RFC 5881 §4) against FRR bfdd with echo-mode: our echo packets come back
 * through B (its kernel forwards those sent to our own address; FRR reflects those sent to its
 * address); when B drops them our session must go Down with diag Echo Function Failed.
 */
class FrrEchoIT extends InteropBase {
    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH, Testbed.NFT);
    }

    @Test
    void echoKeepsSessionUpAndItsLossIsDetected() {
        // both sides loop the other's echo packets back; A also has to accept packets that carry
        // its own address as source (its own echo coming back), which Linux drops unless accept_local
        net.sysctl(net.a(), "net.ipv4.ip_forward=1", "net.ipv4.conf.all.accept_local=1",
            "net.ipv4.conf." + NetNs.IF_A + ".accept_local=1", "net.ipv4.conf.all.rp_filter=0",
            "net.ipv4.conf." + NetNs.IF_A + ".rp_filter=0");
        net.sysctl(net.b(), "net.ipv4.ip_forward=1");
        final EchoFilter echoInB = EchoFilter.install(net, net.b(), NetNs.A4);
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FrrInteropIT.FRR_SH4,
            "receive-interval 300", "transmit-interval 300", "detect-multiplier 3", "echo-mode",
            "echo transmit-interval 50", "echo receive-interval 50")));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(FrrInteropIT.AGENT_SH4 + " tx=300000 rx=300000 mult=3 echo=50000");
        FrrInteropIT.assertUpBothWays(agent, "s4", frr, NetNs.A4);

        final int mark = agent.mark();
        final long before = echoInB.forwarded();
        Shell.sleep(3000);
        final long looped = echoInB.forwarded() - before;
        final Reply snap = agent.show("s4");
        Figures.record("frr-echo: 3 s Up with echo, B saw " + looped + " of our echo packets; " + snap.line());
        assertTrue(snap.num("echo") > 0, "echo interval in use: " + snap.line());
        // 50 ms echo for 3 s is ~60 packets; a third of that proves the function runs
        assertTrue(looped >= 20, "only " + looped + " of our echo packets reached B in 3 s");
        assertEquals(List.of(), agent.events().subList(mark, agent.events().size()), "stays Up with echo");
        assertEquals("UP", snap.str("state"));

        final long droppedAt = System.nanoTime();
        echoInB.drop();
        final AgentEvent down = agent.awaitEvent(mark, e -> "s4".equals(e.name()) && e.to() == State.DOWN,
            Duration.ofSeconds(3), "s4 -> DOWN once B drops our echo packets");
        Figures.record("frr-echo-loss: drop->EVENT " + (down.seenNs() - droppedAt) / 1000 + "us event=" + down);
        assertEquals(Diagnostic.ECHO_FAILED, down.ldiag(), down.toString());
    }
}
