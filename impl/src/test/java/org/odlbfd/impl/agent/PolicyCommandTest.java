/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.policy.AdaptationConfig;
import org.odlbfd.impl.policy.DampingConfig;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.transport.TransportConfig;

/**
 * The agent's {@code policy} and {@code policy-show} commands and its CLIENT lines, which the
 * interop test of damping against FRR drives.
 */
class PolicyCommandTest {
    // two agents in one host: sockets are bound to the wildcard address and steered by the group's
    // program, so each listens on ports of its own (as AgentMainTest); sharing one port worked only
    // while the kernel's hash happened to hand the peer's first packets to the other agent
    private static final TransportConfig PORTS = new TransportConfig(39784, 39884, 40784, 40884, 39785, 39885,
        50361, 50362, 1 << 20);
    private static final TransportConfig PORTS_B = new TransportConfig(39884, 39784, 40884, 40784, 39885, 39785,
        50371, 50372, 1 << 20);

    @Test
    void parsesWhatIsGivenAndKeepsTheRest() {
        final PolicyConfig policy = PolicyCommand.parse(("policy s damping=on half-life=4000 suppress=2000 reuse=900"
            + " max-suppress=30000 wtr=500").split(" "), PolicyConfig.NONE);
        assertEquals(new DampingConfig(true, 4_000, 2_000, 900, DampingConfig.DEFAULT_INCREMENT, 30_000),
            policy.damping());
        assertEquals(AdaptationConfig.OFF, policy.adaptation());
        assertEquals(500, policy.waitToRestoreMillis());
        final PolicyConfig later = PolicyCommand.parse("policy s adaptation=on steps=2".split(" "), policy);
        assertEquals(policy.damping(), later.damping());
        assertTrue(later.adaptation().enabled());
        assertEquals(2, later.adaptation().maxSteps());
        assertThrows(IllegalArgumentException.class, () -> PolicyCommand.parse("policy s colour=red".split(" "),
            PolicyConfig.NONE));
        assertThrows(IllegalArgumentException.class, () -> PolicyCommand.parse("policy s reuse=3000".split(" "),
            PolicyConfig.NONE), "reuse above suppress");
    }

    @Test
    void theAgentPrintsWhatItsClientsSee() throws Exception {
        final var outA = new ByteArrayOutputStream();
        try (AgentMain agentA = new AgentMain(outA, 1, PORTS);
             AgentMain agentB = new AgentMain(new ByteArrayOutputStream(), 1, PORTS_B)) {
            agentA.execute("add sh name=s ifname=lo local=127.0.0.21 peer=127.0.0.22 tx=100000 rx=100000");
            agentB.execute("add sh name=s ifname=lo local=127.0.0.22 peer=127.0.0.21 tx=100000 rx=100000");
            assertTrue(await(outA, l -> l.startsWith("EVENT name=s ") && l.contains(" to=UP ")), outA::toString);
            assertTrue(agentA.execute("policy s damping=on half-life=4000").startsWith("OK policy s"));
            final Map<String, String> shown = AgentMainTest.fields(agentA.execute("policy-show s"));
            assertEquals("UP", shown.get("client"));
            assertEquals("false", shown.get("damped"));
            assertEquals("-", shown.get("reason"));
            assertTrue(agentA.execute("policy nobody damping=on").startsWith("ERROR no session nobody"));
            // the peer goes AdminDown: the clients see Down (not a flap: nothing is counted)
            agentB.execute("admin-down s");
            assertTrue(await(outA, l -> l.startsWith("CLIENT name=s state=DOWN")), outA::toString);
            final Map<String, String> down = AgentMainTest.fields(agentA.execute("policy-show s"));
            assertEquals("0", down.get("flaps"));
            assertTrue(down.get("reason").startsWith("peer_admin-down"), down.get("reason"));
            assertFalse(lines(outA).stream().anyMatch(l -> l.startsWith("PEVENT")), outA::toString);
        }
    }

    private static List<String> lines(final ByteArrayOutputStream out) {
        synchronized (out) {
            return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static boolean await(final ByteArrayOutputStream out, final java.util.function.Predicate<String> line)
            throws InterruptedException {
        // bounded: 200 x 50 ms
        for (int i = 0; i < 200; i++) {
            if (lines(out).stream().anyMatch(line)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
