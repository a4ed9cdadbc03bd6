/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odlbfd.api.State;

/**
 * RFC 5880 §6.7 authentication against BIRD 2: every one of the five types reaches Up with
 * BIRD's password "bfdsecret" key id 5, and a wrong secret keeps the session Down and is counted.
 */
class BirdAuthIT extends InteropBase {
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(15);

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.BIRD, Testbed.BIRDC);
    }

    private static String addWithAuth(final String auth, final String secret) {
        return "add sh name=a4 ifname=" + NetNs.IF_A + " local=" + NetNs.A4 + " peer=" + NetNs.B4
            + " tx=100000 rx=100000 mult=3 auth=" + auth + " keyid=" + BirdPeer.KEY_ID + " secret=" + secret;
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "keyed-md5", "meticulous-keyed-md5", "keyed-sha1", "meticulous-keyed-sha1"})
    void authenticatedSessionComesUp(final String auth) {
        final BirdPeer bird = own(BirdPeer.start(net, net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 100, auth));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(addWithAuth(auth, BirdPeer.SECRET));
        agent.awaitState("a4", State.UP, UP_TIMEOUT);
        bird.awaitState(NetNs.A4, "Up", Duration.ofSeconds(5));
        // a few seconds Up: sequence numbers (meticulous: +1 per packet, §6.7.3/§6.7.4) keep being accepted
        Shell.sleep(2000);
        final Reply snap = agent.show("a4");
        assertEquals("UP", snap.str("state"), snap.line());
        assertEquals(0, snap.num("authfail"), snap.line());
        assertTrue(snap.num("rxpkts") >= 15, snap.line());
        assertEquals(1, agent.events("a4").stream().filter(e -> e.to() == State.UP).count(),
            "exactly one Up, no flap: " + agent.events("a4"));
        assertEquals(Optional.of("Up"), bird.state(NetNs.A4), bird.sessions());
    }

    @Test
    void wrongSecretStaysDownAndIsCounted() {
        final BirdPeer bird = own(BirdPeer.start(net, net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 100, "keyed-sha1"));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(addWithAuth("keyed-sha1", "wrongsecret"));
        final long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Reply snap = agent.show("a4");
        while (snap.num("authfail") == 0 && System.nanoTime() < end) {
            Shell.sleep(200);
            snap = agent.show("a4");
        }
        assertTrue(snap.num("authfail") > 0, "BIRD's packets must fail authentication: " + snap.line());
        Shell.sleep(2000);
        snap = agent.show("a4");
        assertNotEquals("UP", snap.str("state"), snap.line());
        assertTrue(agent.events("a4").stream().noneMatch(e -> e.to() == State.UP), agent.events("a4").toString());
        assertNotEquals(Optional.of("Up"), bird.state(NetNs.A4), bird.sessions());
    }
}
