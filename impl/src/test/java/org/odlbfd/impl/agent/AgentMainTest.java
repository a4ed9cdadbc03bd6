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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.transport.TransportConfig;

/**
 * The agent's stdin/stdout contract, with two agents in one JVM over loopback (127.0.0.1 and
 * 127.0.0.2, ports of their own).
 */
class AgentMainTest {
    // sockets are bound to the wildcard address: two agents in one host listen on ports of their own
    private static final TransportConfig PORTS = new TransportConfig(33784, 33884, 34784, 34884, 33785, 33885,
        50301, 50302, 1 << 20);
    private static final TransportConfig PORTS_B = new TransportConfig(33884, 33784, 34884, 34784, 33885, 33785,
        50311, 50312, 1 << 20);
    private static final String A = "add sh name=s ifname=lo local=127.0.0.1 peer=127.0.0.2 tx=300000 rx=300000";
    private static final String B = "add sh name=s ifname=lo local=127.0.0.2 peer=127.0.0.1 tx=300000 rx=300000";

    /** Thread-safe capture of what an agent prints. */
    private static final class Output extends ByteArrayOutputStream {
        List<String> lines() {
            synchronized (this) {
                return Arrays.asList(toString(StandardCharsets.UTF_8).split("\n"));
            }
        }

        boolean await(final Predicate<String> line) throws InterruptedException {
            for (int i = 0; i < 200; i++) {
                if (lines().stream().anyMatch(line)) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        }
    }

    static Map<String, String> fields(final String line) {
        final Map<String, String> result = new HashMap<>();
        for (String word : line.split(" ")) {
            final int eq = word.indexOf('=');
            if (eq > 0) {
                result.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return result;
    }

    @Test
    void twoAgentsComeUpAndReport() throws Exception {
        final Output outA = new Output();
        final Output outB = new Output();
        try (AgentMain agentA = new AgentMain(outA, 2, PORTS); AgentMain agentB = new AgentMain(outB, 1, PORTS_B)) {
            assertTrue(agentA.execute(A).startsWith("OK add sh name=s"));
            assertTrue(agentB.execute(B).startsWith("OK "));
            assertTrue(outA.await(l -> l.startsWith("EVENT name=s ") && l.contains(" to=UP ")), outA.lines()::toString);
            assertTrue(outB.await(l -> l.startsWith("EVENT name=s ") && l.contains(" to=UP ")), outB.lines()::toString);
            final String event = outA.lines().stream().filter(l -> l.startsWith("EVENT")).findFirst().orElseThrow();
            final Map<String, String> ev = fields(event);
            assertEquals("DOWN", ev.get("from"));
            assertEquals("NONE", ev.get("ldiag"));
            assertTrue(Long.parseLong(ev.get("t_ns")) != 0);

            final Map<String, String> snap = fields(agentA.execute("show s"));
            assertEquals("UP", snap.get("state"));
            assertEquals("UP", snap.get("rstate"));
            assertEquals("300000", snap.get("tx"));
            assertEquals("900000", snap.get("detect"));
            assertEquals("0", snap.get("echo"));
            assertEquals(fields(agentB.execute("show s")).get("ldisc"), snap.get("rdisc"));
            assertTrue(Long.parseLong(snap.get("rxpkts")) > 0);
            assertEquals("0", snap.get("authfail"));

            final String stats = agentA.execute("stats");
            assertTrue(stats.startsWith("STATS sessions=1 up=1 "), stats);
            assertTrue(fields(stats).containsKey("lateness_p99_us"));

            // Poll/Final through the CLI (that it never flaps is shown on the fake clock, where
            // VM stalls of a loaded build host cannot interfere).
            assertTrue(agentA.execute("set s tx=600000 rx=600000 mult=4").startsWith("OK set s"));
            Map<String, String> after = fields(agentB.execute("show s"));
            for (int i = 0; i < 100 && !"2400000".equals(after.get("detect")); i++) {
                Thread.sleep(50);
                after = fields(agentB.execute("show s"));
            }
            assertEquals("2400000", after.get("detect"), after.toString());
            assertEquals("600000", after.get("tx"), after.toString());

            // Demand mode through the CLI (RFC 5880 §6.6): the peer stops sending, a verification Poll
            // is answered; its rules are proven on the fake clock (Rfc5880DemandModeTest).
            assertTrue(agentA.execute("set s demand=on").startsWith("OK set s"));
            assertEquals("VERIFY name=s result=true", agentA.execute("verify s"));
            assertTrue(agentA.execute("set s demand=off").startsWith("OK set s"));
            assertTrue(agentA.execute("set s demand=maybe").startsWith("ERROR"));

            // The peer goes admin-down: we go Down with Neighbor Signaled Session Down.
            assertTrue(agentB.execute("admin-down s").startsWith("OK"));
            assertTrue(outA.await(l -> l.contains(" to=DOWN ldiag=NEIGHBOR_DOWN rdiag=ADMIN_DOWN ")),
                outA.lines()::toString);
            assertTrue(agentB.execute("admin-up s").startsWith("OK"));
            assertTrue(agentA.execute("del s").startsWith("OK del s"));
            assertTrue(agentA.execute("show s").startsWith("ERROR"));
        }
    }

    @Test
    void badInputIsAnErrorNeverAnExit() throws Exception {
        final Output out = new Output();
        try (AgentMain agent = new AgentMain(out, 1, PORTS)) {
            agent.run(new BufferedReader(new StringReader(String.join("\n", "frobnicate", "add sh name=x",
                "add sh name=x ifname=lo local=127.0.0.1 peer=::1", "add sh name=x ifname=lo local=127.0.0.1 "
                    + "peer=127.0.0.9 auth=rot13 keyid=1 secret=x", "show nothing", "set", "del nothing",
                "add sh name=x ifname=lo local=127.0.0.1 peer=127.0.0.9 tx=abc", "stats", "quit", "stats"))));
            final List<String> lines = out.lines();
            assertEquals("READY", lines.get(0));
            for (int i = 1; i <= 8; i++) {
                assertTrue(lines.get(i).startsWith("ERROR "), lines.get(i));
            }
            assertTrue(lines.get(9).startsWith("STATS sessions=0 up=0 "), lines.get(9));
            assertEquals("OK quit", lines.get(10));
            assertEquals(11, lines.size(), "nothing after quit: " + lines);
            assertFalse(lines.stream().anyMatch(l -> l.startsWith("EVENT")));
        }
    }

    @Test
    void authenticatedSessionAndWrongSecret() throws Exception {
        final Output outA = new Output();
        final Output outB = new Output();
        try (AgentMain agentA = new AgentMain(outA, 1, PORTS); AgentMain agentB = new AgentMain(outB, 1, PORTS_B)) {
            assertTrue(agentA.execute(A + " auth=meticulous-keyed-sha1 keyid=7 secret=s3cret").startsWith("OK"));
            assertTrue(agentB.execute(B + " auth=meticulous-keyed-sha1 keyid=7 secret=s3cret").startsWith("OK"));
            assertTrue(outA.await(l -> l.contains(" to=UP ")), outA.lines()::toString);
            assertEquals("0", fields(agentA.execute("show s")).get("authfail"));
            assertTrue(agentB.execute("del s").startsWith("OK"));
            assertTrue(agentB.execute(B + " auth=meticulous-keyed-sha1 keyid=7 secret=wrong").startsWith("OK"));
            assertTrue(outA.await(l -> l.contains(" to=DOWN ")), outA.lines()::toString);
            for (int i = 0; i < 100 && Long.parseLong(fields(agentA.execute("show s")).get("authfail")) == 0; i++) {
                Thread.sleep(50);
            }
            assertTrue(Long.parseLong(fields(agentA.execute("show s")).get("authfail")) > 0);
            assertEquals("DOWN", fields(agentA.execute("show s")).get("state"));
        }
    }
}
