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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test bed itself, without our agent: the peers must reach Up with each other in our
 * namespaces. When this class fails the problem is the machine or the harness, not the engine.
 */
class PeerHarnessIT extends InteropBase {
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(15);

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH, Testbed.BIRD, Testbed.BIRDC,
            Testbed.KEEPALIVED);
    }

    @Test
    void frrAgainstBirdSingleHopIpv4() {
        final FrrPeer frr = own(FrrPeer.start(net, net.a(), FrrPeer.stanza(
            "peer " + NetNs.B4 + " local-address " + NetNs.A4 + " interface " + NetNs.IF_A,
            "receive-interval 100", "transmit-interval 100", "detect-multiplier 3")));
        final BirdPeer bird = own(BirdPeer.start(net, net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 100, null));
        final JsonObject peer = frr.awaitStatus(NetNs.B4, "up", UP_TIMEOUT);
        bird.awaitState(NetNs.A4, "Up", UP_TIMEOUT);
        assertEquals(100, peer.get("remote-receive-interval").getAsInt(), peer.toString());
    }

    @Test
    void birdAgainstBirdKeyedSha1() {
        own(BirdPeer.start(net, net.a(), NetNs.IF_A, NetNs.A4, NetNs.B4, 100, "meticulous-keyed-sha1"));
        final BirdPeer birdB = own(BirdPeer.start(net, net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 100,
            "meticulous-keyed-sha1"));
        birdB.awaitState(NetNs.A4, "Up", UP_TIMEOUT);
    }

    /** Proves EchoFilter with a known-good echo implementation: FRR in A echoes through B. */
    @Test
    void frrEchoCountedAndItsLossDetectedByFrr() {
        net.sysctl(net.a(), "net.ipv4.ip_forward=1");
        net.sysctl(net.b(), "net.ipv4.ip_forward=1");
        final EchoFilter echoInB = EchoFilter.install(net, net.b(), NetNs.A4);
        final String[] echo = {"receive-interval 300", "transmit-interval 300", "detect-multiplier 3", "echo-mode",
            "echo transmit-interval 50", "echo receive-interval 50"};
        final FrrPeer frrA = own(FrrPeer.start(net, net.a(), FrrPeer.stanza(
            "peer " + NetNs.B4 + " local-address " + NetNs.A4 + " interface " + NetNs.IF_A, echo)));
        own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FrrInteropIT.FRR_SH4, echo)));
        frrA.awaitStatus(NetNs.B4, "up", UP_TIMEOUT);
        final long before = echoInB.forwarded();
        Shell.sleep(2000);
        final long seen = echoInB.forwarded() - before;
        assertTrue(seen >= 15, "FRR A's echo packets seen in B: " + seen);
        echoInB.drop();
        final JsonObject down = frrA.awaitStatus(NetNs.B4, "down", Duration.ofSeconds(5));
        assertEquals("echo function failed", down.get("diagnostic").getAsString(), down.toString());
    }

    @Test
    void keepalivedAgainstFrr() {
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(
            "peer " + NetNs.A4 + " local-address " + NetNs.B4 + " interface " + NetNs.IF_B,
            "receive-interval 100", "transmit-interval 100", "detect-multiplier 3")));
        final KeepalivedPeer ka = own(KeepalivedPeer.start(net.a(), NetNs.A4, NetNs.B4, 100));
        frr.awaitStatus(NetNs.A4, "up", UP_TIMEOUT);
        ka.awaitState("Up", UP_TIMEOUT);
    }
}
