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

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * Our agent in namespace A against FRR bfdd 8.4 in namespace B: bring-up over IPv4, IPv6 and
 * multihop, Poll/Final timer changes without a flap, and the two ways a peer goes away
 * (administratively, and by dying). Echo has its own class.
 */
class FrrInteropIT extends InteropBase {
    static final Duration UP_TIMEOUT = Duration.ofSeconds(15);
    static final String FRR_SH4 = "peer " + NetNs.A4 + " local-address " + NetNs.B4 + " interface " + NetNs.IF_B;
    static final String FRR_SH6 = "peer " + NetNs.A6 + " local-address " + NetNs.B6 + " interface " + NetNs.IF_B;
    static final String FRR_MH = "peer " + NetNs.A_MH + " multihop local-address " + NetNs.B_MH;
    static final String AGENT_SH4 = "add sh name=s4 ifname=" + NetNs.IF_A + " local=" + NetNs.A4 + " peer=" + NetNs.B4;

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
    }

    static String[] timers(final int ms) {
        return new String[] {"receive-interval " + ms, "transmit-interval " + ms, "detect-multiplier 3"};
    }

    /** Both ends say Up, and each knows the other's discriminator. */
    static void assertUpBothWays(final AgentProcess agent, final String name, final FrrPeer frr,
            final String frrPeerAddr) {
        agent.awaitState(name, State.UP, UP_TIMEOUT);
        final JsonObject view = frr.awaitStatus(frrPeerAddr, "up", Duration.ofSeconds(5));
        final Reply snap = agent.show(name);
        assertEquals("UP", snap.str("state"), snap.line());
        assertEquals("UP", snap.str("rstate"), snap.line());
        assertEquals(view.get("id").getAsLong(), snap.num("rdisc"), "FRR's discriminator: " + view);
        assertEquals(view.get("remote-id").getAsLong(), snap.num("ldisc"), "ours as FRR sees it: " + view);
        assertTrue(snap.num("rxpkts") > 0 && snap.num("txpkts") > 0, snap.line());
    }

    @Test
    void singleHopIpv4Up() {
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FRR_SH4, timers(100))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(AGENT_SH4 + " tx=100000 rx=100000 mult=3");
        assertUpBothWays(agent, "s4", frr, NetNs.A4);
        final Reply snap = agent.show("s4");
        assertEquals(100_000, snap.num("tx"), snap.line());
        assertEquals(100_000, snap.num("rx"), snap.line());
        // RFC 5880 §6.8.4: remote Detect Mult x max(our Required Min RX, remote Desired Min TX)
        assertEquals(300_000, snap.num("detect"), snap.line());
        assertEquals(0, snap.num("rxinvalid"), snap.line());
    }

    @Test
    void singleHopIpv6Up() {
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FRR_SH6, timers(100))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok("add sh name=s6 ifname=" + NetNs.IF_A + " local=" + NetNs.A6 + " peer=" + NetNs.B6
            + " tx=100000 rx=100000 mult=3");
        assertUpBothWays(agent, "s6", frr, NetNs.A6);
    }

    @Test
    void multihopUp() {
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FRR_MH, timers(200))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok("add mh name=mh local=" + NetNs.A_MH + " peer=" + NetNs.B_MH + " tx=200000 rx=200000 mult=3");
        assertUpBothWays(agent, "mh", frr, NetNs.A_MH);
    }

    @Test
    void peerAdminDownThenBackUp() {
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FRR_SH4, timers(100))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(AGENT_SH4 + " tx=100000 rx=100000 mult=3");
        assertUpBothWays(agent, "s4", frr, NetNs.A4);

        final int mark = agent.mark();
        frr.configurePeer(FRR_SH4, "shutdown");
        final AgentEvent down = agent.awaitEvent(mark, e -> "s4".equals(e.name()) && e.to() == State.DOWN,
            Duration.ofSeconds(3), "s4 -> DOWN after FRR shutdown");
        Figures.record("frr-shutdown: agent event " + down);
        // RFC 5880 §6.8.6: received State AdminDown -> LocalDiag 3 (Neighbor Signaled Session Down)
        assertEquals(Diagnostic.NEIGHBOR_DOWN, down.ldiag(), down.toString());
        assertEquals(State.UP, down.from(), down.toString());
        // FRR's AdminDown carries diag 0 or 7 (ADMIN_DOWN): anything else would be a decode error
        assertTrue(List.of(Diagnostic.NONE, Diagnostic.ADMIN_DOWN).contains(down.rdiag()), down.toString());
        assertEquals("ADMIN_DOWN", agent.show("s4").str("rstate"), "peer state while it is shut down");
        // and it must not come up on its own while the peer is administratively down (§6.2)
        Shell.sleep(1000);
        assertEquals("DOWN", agent.show("s4").str("state"));

        frr.configurePeer(FRR_SH4, "no shutdown");
        assertUpBothWays(agent, "s4", frr, NetNs.A4);
    }

    @Test
    void peerKilledIsDetectedWithinDetectionTime() {
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FRR_SH4, timers(100))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(AGENT_SH4 + " tx=100000 rx=100000 mult=3");
        assertUpBothWays(agent, "s4", frr, NetNs.A4);
        Shell.sleep(1000);
        final long detectUs = agent.show("s4").num("detect");

        final int mark = agent.mark();
        final long killedAt = System.nanoTime();
        frr.killBfdd();
        final AgentEvent down = agent.awaitEvent(mark, e -> "s4".equals(e.name()) && e.to() == State.DOWN,
            Duration.ofSeconds(5), "s4 -> DOWN after bfdd was killed");
        final long seenUs = (down.seenNs() - killedAt) / 1000;
        // t_ns is the agent's System.nanoTime: the same CLOCK_MONOTONIC as ours on Linux
        final long agentUs = (down.tNs() - killedAt) / 1000;
        Figures.record("frr-kill: detect=" + detectUs + "us kill->EVENT seen=" + seenUs + "us kill->agent t_ns="
            + agentUs + "us event=" + down);
        assertEquals(Diagnostic.CONTROL_EXPIRY, down.ldiag(), down.toString());
        // the last packet arrived at most one interval before the kill; 400 ms covers VM stalls
        assertTrue(seenUs <= detectUs + 400_000, "detected after " + seenUs + " us, detection time " + detectUs);
        assertTrue(seenUs >= detectUs - 150_000, "detected too early: " + seenUs + " us, detection " + detectUs);
    }

    @Test
    void timerChangeThroughPollFinalWithoutFlap() {
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FRR_SH4, timers(100))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(AGENT_SH4 + " tx=300000 rx=300000 mult=3");
        assertUpBothWays(agent, "s4", frr, NetNs.A4);
        assertEquals(300_000, agent.show("s4").num("tx"));

        final int mark = agent.mark();
        agent.ok("set s4 tx=100000 rx=100000");
        assertTimers(agent, frr, 100);
        agent.ok("set s4 tx=500000 rx=500000 mult=4");
        assertTimers(agent, frr, 500);
        final Reply snap = agent.show("s4");
        // FRR's detect mult 3 x max(our rx 500 ms, FRR's tx 100 ms)
        assertEquals(1_500_000, snap.num("detect"), snap.line());
        Shell.sleep(2000);
        assertEquals(List.of(), agent.events().subList(mark, agent.events().size()), "no flap while timers change");
        final JsonObject counters = frr.counters(NetNs.A4).orElseThrow();
        assertEquals(0, counters.get("session-down").getAsInt(), "FRR saw no Down: " + counters);
        assertEquals(4, frr.peer(NetNs.A4).orElseThrow().get("remote-detect-multiplier").getAsInt());
    }

    /** Bounded wait until both sides show the new intervals (Poll/Final finished). */
    private static void assertTimers(final AgentProcess agent, final FrrPeer frr, final int ms) {
        final long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Reply snap;
        JsonObject view;
        do {
            Shell.sleep(200);
            snap = agent.show("s4");
            view = frr.peer(NetNs.A4).orElseThrow();
            if (snap.num("tx") == ms * 1000L && snap.num("rx") == ms * 1000L
                && view.get("remote-receive-interval").getAsInt() == ms
                && view.get("remote-transmit-interval").getAsInt() == ms) {
                assertEquals("up", view.get("status").getAsString(), view.toString());
                return;
            }
        } while (System.nanoTime() < end);
        throw new AssertionError("timers not " + ms + " ms after 5 s: " + snap.line() + " / FRR " + view);
    }
}
