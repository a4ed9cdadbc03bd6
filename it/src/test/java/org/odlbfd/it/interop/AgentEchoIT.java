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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * Echo (RFC 5880 §6.4, RFC 5881 §4) between two of our agents, one in each namespace: with the
 * Echo sent to the peer's address and looped back by the peer agent (TTL 254, as a router would),
 * and with IPv4 Echo sent to our own address and looped back by the peer's kernel.
 */
class AgentEchoIT extends InteropBase {
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(15);
    private static final long HOLD_MS = 3000;
    private static final long ECHO_US = 50_000;

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.NFT);
    }

    @Test
    void ipv4EchoLoopedBackByThePeerAgent() {
        final EchoFilter echoInB = EchoFilter.install(net, net.b(), NetNs.A4);
        final AgentProcess a = own(AgentProcess.start(net.a(), "--echo=peer"));
        final AgentProcess b = own(AgentProcess.start(net.b(), "--echo=peer"));
        startPair(a, b, NetNs.A4, NetNs.B4);
        final long reflected = hold(a, b, echoInB, "agent-echo-v4");
        assertTrue(reflected >= HOLD_MS * 1000 / ECHO_US / 2, "A looped back only " + reflected
            + " of B's echo packets");
        loseEcho(a, echoInB, "agent-echo-v4");
    }

    @Test
    void ipv6EchoLoopedBackByThePeerAgent() {
        final EchoFilter echoInB = EchoFilter.install(net, net.b(), NetNs.A6);
        final AgentProcess a = own(AgentProcess.start(net.a(), "--echo=peer"));
        final AgentProcess b = own(AgentProcess.start(net.b(), "--echo=peer"));
        startPair(a, b, NetNs.A6, NetNs.B6);
        hold(a, b, echoInB, "agent-echo-v6");
        loseEcho(a, echoInB, "agent-echo-v6");
    }

    /** Both agents send IPv4 Echo to their own address: only the kernels loop them back. */
    @Test
    void ipv4EchoToOwnAddressLoopedBackByThePeerKernel() {
        FrrEchoIT.echo4Host(net, net.a(), NetNs.IF_A, NetNs.A4, NetNs.B4);
        FrrEchoIT.echo4Host(net, net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4);
        final EchoFilter echoInB = EchoFilter.install(net, net.b(), NetNs.A4);
        final AgentProcess a = own(AgentProcess.start(net.a(), "--echo4-self"));
        final AgentProcess b = own(AgentProcess.start(net.b(), "--echo4-self"));
        startPair(a, b, NetNs.A4, NetNs.B4);
        final long reflected = hold(a, b, echoInB, "agent-echo4-self");
        assertEquals(0, reflected, "no agent loops anything back: the kernels do");
        loseEcho(a, echoInB, "agent-echo4-self");
    }

    /**
     * Without the policy route the kernel loops our Echo to our own address through lo (TTL 255,
     * never on the link). The Echo socket's filter must drop it, or echo would stay happy with the
     * link down; so the echo function fails.
     */
    @Test
    void ipv4EchoToOwnAddressWithoutPolicyRouteFails() {
        net.sysctl(net.a(), "net.ipv4.ip_forward=1", "net.ipv4.conf.all.accept_local=1");
        final AgentProcess a = own(AgentProcess.start(net.a(), "--echo4-self"));
        final AgentProcess b = own(AgentProcess.start(net.b(), "--echo=peer"));
        final int mark = a.mark();
        startPair(a, b, NetNs.A4, NetNs.B4);
        final AgentEvent down = a.awaitEvent(mark, e -> "e".equals(e.name()) && e.to() == State.DOWN,
            Duration.ofSeconds(5), "echo looped through lo must not count");
        assertEquals(Diagnostic.ECHO_FAILED, down.ldiag(), down.toString());
    }

    private static void startPair(final AgentProcess agentA, final AgentProcess agentB, final String addrA,
            final String addrB) {
        final String common = " tx=300000 rx=300000 mult=3 echo=" + ECHO_US;
        agentA.ok("add sh name=e ifname=" + NetNs.IF_A + " local=" + addrA + " peer=" + addrB + common);
        agentB.ok("add sh name=e ifname=" + NetNs.IF_B + " local=" + addrB + " peer=" + addrA + common);
        agentA.awaitState("e", State.UP, UP_TIMEOUT);
        agentB.awaitState("e", State.UP, UP_TIMEOUT);
    }

    /** Holds 3 s with echo both ways; returns how many of B's echo packets A looped back. */
    private static long hold(final AgentProcess agentA, final AgentProcess agentB, final EchoFilter echoInB,
            final String figure) {
        Shell.sleep(500);
        final int markA = agentA.mark();
        final int markB = agentB.mark();
        final long ownBefore = echoInB.forwarded();
        final long reflectedBefore = echoInB.reflected();
        final long rxA = agentA.show("e").num("echorx");
        final long rxB = agentB.show("e").num("echorx");
        Shell.sleep(HOLD_MS);
        final long own = echoInB.forwarded() - ownBefore;
        final long reflected = echoInB.reflected() - reflectedBefore;
        final Reply snapA = agentA.show("e");
        final Reply snapB = agentB.show("e");
        final long backA = snapA.num("echorx") - rxA;
        final long backB = snapB.num("echorx") - rxB;
        Figures.record(figure + ": " + HOLD_MS + " ms Up with echo at " + ECHO_US / 1000 + " ms: B saw "
            + own + " of A's echo packets and " + reflected + " A looped back; back to A " + backA + ", to B " + backB);
        final List<AgentEvent> later = new ArrayList<>(agentA.events().subList(markA, agentA.events().size()));
        later.addAll(agentB.events().subList(markB, agentB.events().size()));
        assertTrue(later.isEmpty(), "stays Up with echo: " + AgentProcess.brief(later));
        assertTrue(snapA.num("echo") > 0 && snapB.num("echo") > 0, "echo in use: " + snapA.line() + " / "
            + snapB.line());
        final long nominal = HOLD_MS * 1000 / ECHO_US;
        assertTrue(own >= nominal / 2 && backA >= nominal / 2 && backB >= nominal / 2,
            "echo runs both ways: B saw " + own + ", back to A " + backA + ", to B " + backB);
        // no storm: at most 1.5 packets per interval each way (jitter allows up to 4/3)
        assertTrue(own <= nominal * 3 / 2 && reflected <= nominal * 3 / 2,
            "echo storm: B saw " + own + " of A's and " + reflected + " looped back in " + HOLD_MS + " ms");
        return reflected;
    }

    private static void loseEcho(final AgentProcess agentA, final EchoFilter echoInB, final String figure) {
        final int mark = agentA.mark();
        final long droppedAt = System.nanoTime();
        echoInB.drop();
        final AgentEvent down = agentA.awaitEvent(mark, e -> "e".equals(e.name()) && e.to() == State.DOWN,
            Duration.ofSeconds(3), "A -> DOWN once B drops A's echo packets");
        Figures.record(figure + "-loss: drop->EVENT " + (down.seenNs() - droppedAt) / 1000 + "us event=" + down);
        assertEquals(Diagnostic.ECHO_FAILED, down.ldiag(), down.toString());
    }
}
