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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;

/** Single-hop IPv4 against keepalived's BFD (bfd_instance), which starts with a Poll sequence. */
class KeepalivedInteropIT extends InteropBase {
    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.KEEPALIVED);
    }

    @Test
    void singleHopIpv4Up() {
        final KeepalivedPeer ka = own(KeepalivedPeer.start(net.b(), NetNs.B4, NetNs.A4, 100));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok("add sh name=ka ifname=" + NetNs.IF_A + " local=" + NetNs.A4 + " peer=" + NetNs.B4
            + " tx=100000 rx=100000 mult=3");
        agent.awaitState("ka", State.UP, Duration.ofSeconds(15));
        ka.awaitState("Up", Duration.ofSeconds(5));
        Shell.sleep(1500);
        final Reply snap = agent.show("ka");
        assertEquals("UP", snap.str("state"), snap.line());
        assertEquals("UP", snap.str("rstate"), snap.line());
        assertEquals(100_000, snap.num("tx"), snap.line());
        assertEquals(1, agent.events("ka").stream().filter(e -> e.to() == State.UP).count(),
            "no flap: " + agent.events("ka"));
    }
}
