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
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;

/**
 * Flap damping (odl-bfd-ext {@code damping}, issue 13) against FRR bfdd 8.4: the link between our
 * agent in A and FRR in B goes down and up (bounded loop) until the session is damped; it then runs
 * Up on the wire while its clients see it Down, and is reused when the penalty has decayed below
 * reuse, at the time RFC 2439's decay gives. The figures (flaps, penalty curve, time damped) go to
 * target/interop-figures.txt. FRR has no damping of its own: it just comes back each time.
 */
class FrrDampingIT extends InteropBase {
    private static final long HALF_LIFE_MS = 5_000;
    private static final long REUSE = 1_000;
    private static final int MAX_FLAPS = 6;

    @BeforeAll
    static void requireTools() {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
    }

    private void link(final String upDown) {
        net.exec(net.b(), "ip", "link", "set", NetNs.IF_B, upDown).check();
    }

    private static Reply policy(final AgentProcess agent) {
        final Reply reply = Reply.parse(agent.command("policy-show s4"));
        assertEquals("POLICY", reply.kind(), reply.line());
        return reply;
    }

    @Test
    void linkFlapsDampTheSessionWhichIsReusedWhenThePenaltyHasDecayed() {
        // 300 ms x 3: a loaded 2-core VM stalls up to ~200 ms (PERF-NOTES), which must not flap it by itself
        final FrrPeer frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FrrInteropIT.FRR_SH4,
            FrrInteropIT.timers(300))));
        final AgentProcess agent = own(AgentProcess.start(net.a()));
        agent.ok(FrrInteropIT.AGENT_SH4 + " tx=300000 rx=300000 mult=3");
        agent.ok("policy s4 damping=on half-life=" + HALF_LIFE_MS + " suppress=2500 reuse=" + REUSE
            + " increment=1000 max-suppress=30000");
        FrrInteropIT.assertUpBothWays(agent, "s4", frr, NetNs.A4);

        final long t0 = System.nanoTime();
        final List<String> flapLog = new ArrayList<>();
        Reply state = policy(agent);
        int flaps = 0;
        while (!"true".equals(state.str("damped")) && flaps < MAX_FLAPS) {
            final int mark = agent.mark();
            link("down");
            final AgentEvent down = agent.awaitEvent(mark, e -> "s4".equals(e.name()) && e.to() == State.DOWN,
                Duration.ofSeconds(5), "s4 Down after the link went down");
            flaps++;
            // both ends have detected the failure before the link comes back: one flap per round
            frr.awaitStatus(NetNs.A4, "down", Duration.ofSeconds(5));
            link("up");
            state = policy(agent);
            flapLog.add(String.format(Locale.ROOT, "%.1fs:%s:penalty=%s", (down.seenNs() - t0) / 1e9, down.ldiag(),
                state.str("penalty")));
            if (!"true".equals(state.str("damped"))) {
                agent.awaitEvent(mark, e -> "s4".equals(e.name()) && e.to() == State.UP, Duration.ofSeconds(15),
                    "s4 Up again after the link came back");
            }
        }
        assertEquals("true", state.str("damped"), "damped within " + MAX_FLAPS + " flaps: " + flapLog);
        final AgentProcess.Timed damped = agent.awaitPolicyLine(0, r -> "PEVENT".equals(r.kind())
            && "DAMPED".equals(r.str("kind")), Duration.ofSeconds(2), "PEVENT DAMPED");
        final long penaltyAtDamping = damped.reply().num("value");

        // Up again on the wire, both ends; the clients still see Down
        final AgentEvent upOnWire = agent.awaitState("s4", State.UP, Duration.ofSeconds(15));
        frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(10));
        final int wireEvents = agent.events("s4").size();
        final Reply held = policy(agent);
        assertEquals("DOWN", held.str("client"), held.line());
        assertTrue(held.str("reason").startsWith("Up_on_the_wire,_but_damped_until_"), held.line());
        final long since = held.num("since_ms");
        final long until = held.num("until_ms");
        final long formulaMs = (long) Math.ceil(HALF_LIFE_MS * Math.log((double) penaltyAtDamping / REUSE)
            / Math.log(2));
        final long extraFlaps = held.num("flaps") - flaps;
        final long expectedMs;
        if (extraFlaps == 0) {
            assertEquals(formulaMs, until - since, 2, "RFC 2439: half-life x log2(penalty / reuse)");
            expectedMs = formulaMs;
        } else {
            // a flap on the wire while the session came back (seen once in CI: a burst of FRR's queued
            // Down packets, read on another loop than its Init and applied after it; see impl/README,
            // "Known defects") adds its penalty while damped (RFC 2439 §4.2): damping only lengthens
            assertTrue(until - since > formulaMs, () -> "a flap while damped extends it: " + held.line());
            expectedMs = until - since;
        }

        // the penalty curve while damped, until the clients see Up (bounded by max-suppress-time)
        final int clientMark = agent.policyLines().size();
        final List<long[]> curve = new ArrayList<>();
        final long end = System.nanoTime() + Duration.ofSeconds(35).toNanos();
        while (System.nanoTime() < end) {
            final Reply now = policy(agent);
            curve.add(new long[] {(System.nanoTime() - damped.seenNs()) / 1_000_000, now.num("penalty")});
            if ("UP".equals(now.str("client"))) {
                break;
            }
            Shell.sleep(500);
        }
        final AgentProcess.Timed reused = agent.awaitPolicyLine(clientMark, r -> "CLIENT".equals(r.kind())
            && "UP".equals(r.str("state")), Duration.ofSeconds(2), "CLIENT s4 UP at the reuse");
        final long dampedMs = (reused.reply().num("t_ns") - damped.reply().num("t_ns")) / 1_000_000;
        assertEquals(wireEvents, agent.events("s4").size(), "no flap on the wire while damped: "
            + agent.events("s4"));
        // the agent's own clock: the reuse timer runs on its event loop
        assertTrue(Math.abs(dampedMs - expectedMs) <= 250, "damped " + dampedMs + " ms, expected " + expectedMs);
        assertEquals("UP", policy(agent).str("client"));
        assertEquals("false", policy(agent).str("damped"));

        // the curve halves every half-life: compare samples about half a half-life apart
        int checked = 0;
        for (int i = 0; i < curve.size(); i++) {
            for (int j = i + 1; j < curve.size(); j++) {
                final long dt = curve.get(j)[0] - curve.get(i)[0];
                if (dt >= HALF_LIFE_MS / 2 && curve.get(j)[1] >= REUSE && checked < 3) {
                    final double ratio = (double) curve.get(j)[1] / curve.get(i)[1];
                    final double expected = Math.pow(2, -(double) dt / HALF_LIFE_MS);
                    assertEquals(expected, ratio, 0.03, "penalty " + curve.get(i)[1] + " -> " + curve.get(j)[1]
                        + " in " + dt + " ms");
                    checked++;
                    break;
                }
            }
        }
        assertTrue(checked > 0, "curve too short: " + curve.size() + " samples");
        final StringBuilder points = new StringBuilder();
        curve.forEach(p -> points.append(p[0]).append("ms:").append(p[1]).append(' '));
        Figures.record("frr-damping: flaps=" + flaps + " [" + String.join(" ", flapLog) + "] penalty_at_damping="
            + penaltyAtDamping + " half-life=" + HALF_LIFE_MS + "ms reuse=" + REUSE + " wire_up_after_damping="
            + (upOnWire.seenNs() - damped.seenNs()) / 1_000_000 + "ms time_damped=" + dampedMs + "ms expected="
            + expectedMs + "ms extra_flaps_while_damped=" + extraFlaps + " penalty_curve=["
            + points.toString().trim() + "]");
    }
}
