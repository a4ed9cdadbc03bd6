/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.pkt;

import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;
import org.odlbfd.impl.policy.DampingConfig;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;

/**
 * Flap damping (RFC 2439 §4 style, Juniper's BFD session damping) on the fake clock: the penalty,
 * its half-life, suppress and reuse, max-suppress-time, what the session's clients see while the
 * session runs on the wire, and clear-damping.
 */
class DampingPolicyTest {
    /** Half-life 4 s, suppress 2000, reuse 1000, increment 1000, max-suppress 30 s. */
    private static final DampingConfig DAMPING = new DampingConfig(true, 4_000, 2_000, 1_000, 1_000, 30_000);

    private final PolicyBed bed = new PolicyBed();

    @Test
    void thirdQuickFlapDampsTheClientsWhileTheWireRunsUntilThePenaltyDecaysBelowReuse() {
        bed.up(PolicyConfig.NONE.withDamping(DAMPING));
        assertEquals(State.UP, bed.clientState());
        bed.flapBySilence();
        bed.flapBySilence();
        final PolicySnapshot twice = bed.policy();
        assertFalse(twice.damped(), "two flaps: " + twice);
        assertTrue(twice.penalty() > 1_000 && twice.penalty() < 2_000, "decayed a little: " + twice.penalty());
        assertEquals(State.UP, bed.clientState(), "not damped: clients follow the wire");

        final long third = bed.now();
        bed.flapBySilence();
        final PolicySnapshot damped = bed.policy();
        assertTrue(damped.damped(), damped.toString());
        assertEquals(3, damped.flaps());
        assertEquals(State.UP, bed.wire(), "still running on the wire");
        assertEquals(State.DOWN, bed.clientState(), "held Down for the clients");
        assertEquals(State.DOWN, bed.peer.engine.status(KEY_A).state(), "status() is the clients' view");
        final PolicyEvent event = bed.peer.policyEvents.get(bed.peer.policyEvents.size() - 1);
        assertEquals(PolicyEvent.Kind.DAMPED, event.kind());
        // RFC 2439: reuse after half-life x log2(penalty / reuse)
        final double penaltyAtFlap = event.value();
        final long expectedMs = (long) Math.ceil(4_000 * Math.log(penaltyAtFlap / 1_000) / Math.log(2));
        assertEquals(damped.dampedUntilMillis() - damped.dampedSinceMillis(), expectedMs, 1, damped.toString());
        assertTrue(damped.notUpReason().startsWith("Up on the wire, but damped until "), damped.notUpReason());

        // the penalty halves every half-life while the session runs
        bed.run(1_000);
        final long p1 = bed.policy().penalty();
        bed.run(4_000);
        final long p2 = bed.policy().penalty();
        assertEquals(p1 / 2.0, p2, 2, "halved in 4 s: " + p1 + " -> " + p2);
        final int heardWhileDamped = bed.client.size();
        assertEquals(State.DOWN, bed.clientState());
        bed.run(damped.dampedUntilMillis() + 500 - bed.now() / MS);
        assertEquals(heardWhileDamped + 1, bed.client.size(), "one change: Up at the reuse");
        final PolicyBed.Heard reused = bed.client.get(bed.client.size() - 1);
        assertEquals(State.UP, reused.status().state());
        assertEquals(State.DOWN, reused.status().previousState());
        final long damping = PolicyBed.ms(reused.atNanos()) - damped.dampedSinceMillis();
        assertTrue(Math.abs(damping - expectedMs) <= 2, "damped " + damping + " ms, expected " + expectedMs);
        assertFalse(bed.policy().damped());
        assertEquals(null, bed.policy().notUpReason());
        assertEquals(PolicyEvent.Kind.REUSED, bed.peer.policyEvents.get(bed.peer.policyEvents.size() - 1).kind());
        // the wire never stopped: our packets kept leaving every 300 ms at most
        assertTrue(bed.peer.sentSince(third + 2_000 * MS).stream().allMatch(s -> s.packet().state() == State.UP));
    }

    @Test
    void neverLongerThanMaxSuppressTime() {
        // half-life 2 s, max-suppress 5 s: flapping on keeps the penalty up, not the damping
        final DampingConfig short5 = new DampingConfig(true, 2_000, 1_500, 1_000, 1_000, 5_000);
        bed.up(PolicyConfig.NONE.withDamping(short5));
        bed.flapBySilence();
        bed.flapBySilence();
        final PolicySnapshot damped = bed.policy();
        assertTrue(damped.damped(), damped.toString());
        while (bed.now() / MS < damped.dampedSinceMillis() + 3_500) {
            bed.flapBySilence();
        }
        final PolicySnapshot late = bed.policy();
        assertTrue(late.damped());
        assertEquals(damped.dampedSinceMillis() + 5_000, late.dampedUntilMillis(), "capped at max-suppress-time");
        bed.run(2_000);
        final PolicyBed.Heard up = bed.client.get(bed.client.size() - 1);
        assertEquals(State.UP, up.status().state());
        assertEquals(damped.dampedSinceMillis() + 5_000, PolicyBed.ms(up.atNanos()), 1);
        assertTrue(bed.policy().penalty() > 1_000, "reused by the cap while the penalty is still above reuse: "
            + bed.policy().penalty());
    }

    @Test
    void thePeersAdminDownIsNotAFlap() {
        bed.up(PolicyConfig.NONE.withDamping(DAMPING));
        for (int i = 0; i < 4; i++) {
            // RFC 5882 §3.2: the peer taken down on purpose is not a failure of the path
            bed.peer.deliver(KEY_A, pkt().state(State.ADMIN_DOWN).your(bed.ours));
            bed.peer.loop.runMillis(1);
            assertEquals(Diagnostic.NEIGHBOR_DOWN, bed.peer.snapshot(KEY_A).localDiag());
            bed.comeUp();
        }
        assertEquals(0, bed.policy().flaps());
        assertFalse(bed.policy().damped());
        assertEquals(State.UP, bed.clientState());
    }

    @Test
    void peerSignalledFailuresCountToo() {
        bed.up(PolicyConfig.NONE.withDamping(DAMPING));
        bed.flapByPeer();
        bed.flapByPeer();
        bed.flapByPeer();
        assertTrue(bed.policy().damped(), bed.policy().toString());
        assertEquals(State.DOWN, bed.clientState());
    }

    @Test
    void clearDampingAndSwitchingItOffReleaseAtOnce() {
        bed.up(PolicyConfig.NONE.withDamping(DAMPING));
        for (int i = 0; i < 3; i++) {
            bed.flapBySilence();
        }
        assertEquals(State.DOWN, bed.clientState());
        var cleared = bed.peer.policies.clearDamping(KEY_A).join();
        assertEquals(1, cleared.matched());
        assertEquals(1, cleared.cleared());
        assertEquals(State.UP, bed.clientState(), "released at once");
        assertEquals(0, bed.policy().penalty());
        assertEquals(0, bed.peer.policies.clearDamping(null).join().cleared(), "nothing left to clear");

        for (int i = 0; i < 3; i++) {
            bed.flapBySilence();
        }
        assertEquals(State.DOWN, bed.clientState());
        bed.peer.policies.configure(PolicyBed.config(), PolicyConfig.NONE).join();
        bed.peer.loop.runMillis(1);
        assertEquals(State.UP, bed.clientState(), "damping switched off");
        assertFalse(bed.policy().damped());
    }

    @Test
    void withoutDampingTheClientsFollowTheWire() {
        bed.up(PolicyConfig.NONE);
        for (int i = 0; i < 5; i++) {
            bed.flapBySilence();
        }
        assertEquals(5, bed.policy().flaps(), "counted anyway, for the operator");
        assertFalse(bed.policy().damped());
        // every wire transition reached the client: Down at registration, Init and Up, then Down, Init,
        // Up per flap
        assertEquals(3 + 5 * 3, bed.client.size());
    }
}
