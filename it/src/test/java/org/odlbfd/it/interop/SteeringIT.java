/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The native transport's SO_REUSEPORT steering over IPv6 with many peer addresses (a unit test has
 * only ::1): two agents, two event loops each (AgentMain's default), 32 IPv6 address pairs on the
 * veth, a single-hop and a multihop session per pair. Bringing them Up, each side first hears the
 * peer's Down with Your Discriminator 0 (RFC 5880 §6.8.6), which the kernel must read on the loop
 * of the peer's address (the XOR-folded IPv6 source read at SKF_NET_OFF, the engine's
 * {@code ShardHash.ofPeer}): no datagram may be handed between loops (agent {@code stats}:
 * {@code handoffs=}). Before the steering by address, about half of them were.
 */
class SteeringIT extends InteropBase {
    private static final int PAIRS = 32;
    private static final String PREFIX = "2001:db8:57::";

    private static String addrA(final int pair) {
        return PREFIX + Integer.toHexString(2 * pair + 1);
    }

    private static String addrB(final int pair) {
        return PREFIX + Integer.toHexString(2 * pair + 2);
    }

    @Test
    void ipv6SessionsComeUpWithoutHandOffs() {
        net.addIpv6Pairs(PREFIX, PAIRS, RunDir.create("steering"));
        final AgentProcess a = own(AgentProcess.start(net.a()));
        final AgentProcess b = own(AgentProcess.start(net.b()));
        final String timers = " tx=100000 rx=100000 mult=3";
        for (int i = 0; i < PAIRS; i++) {
            a.ok("add sh name=s" + i + " ifname=" + NetNs.IF_A + " local=" + addrA(i) + " peer=" + addrB(i) + timers);
            b.ok("add sh name=s" + i + " ifname=" + NetNs.IF_B + " local=" + addrB(i) + " peer=" + addrA(i) + timers);
            a.ok("add mh name=m" + i + " local=" + addrA(i) + " peer=" + addrB(i) + timers);
            b.ok("add mh name=m" + i + " local=" + addrB(i) + " peer=" + addrA(i) + timers);
        }
        final long upBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((a.stats().num("up") < 2 * PAIRS || b.stats().num("up") < 2 * PAIRS) && System.nanoTime() < upBy) {
            Shell.sleep(200);
        }
        final Reply statsA = a.stats();
        final Reply statsB = b.stats();
        Figures.record("steering: " + 2 * PAIRS + " IPv6 sessions per side (32 addresses), 2 loops; A " + statsA.line()
            + "; B " + statsB.line() + "; load " + Shell.run("cat", "/proc/loadavg").out().trim());
        assertEquals(2 * PAIRS, statsA.num("up"), statsA.line());
        assertEquals(2 * PAIRS, statsB.num("up"), statsB.line());
        assertEquals(0, statsA.num("handoffs"), "A read every packet on its session's loop: " + statsA.line());
        assertEquals(0, statsB.num("handoffs"), "B read every packet on its session's loop: " + statsB.line());
    }
}
