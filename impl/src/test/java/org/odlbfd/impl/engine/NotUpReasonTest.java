/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.policy.DampingConfig;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The "not Up" reason (odl-bfd-ext {@code not-up-reason}) of each way a session can be kept from Up,
 * on the fake clock: the words an operator reads, with the times and counts in them.
 */
class NotUpReasonTest {
    private final PolicyBed bed = new PolicyBed();

    private static SessionConfig config(final long rxUs, final boolean passive) {
        return EngineScenarioTest.config("a", KEY_A, ADDR_A, 300_000, rxUs, 3, 0, passive, false, 0, 0);
    }

    private String reason(final Scripted peer) {
        final var policy = peer.policies.snapshot(KEY_A).join();
        assertTrue(policy.clientState() != State.UP, policy.toString());
        return policy.notUpReason();
    }

    private static String at(final long nanos) {
        return Instant.ofEpochMilli(nanos / MS).toString();
    }

    @Test
    void nothingReceivedSinceCreation() {
        final Scripted peer = bed.peer;
        final long created = peer.loop.nanoTime();
        peer.policies.configure(config(300_000, false), PolicyConfig.NONE);
        peer.loop.runMillis(5_000);
        assertEquals("no packets received from the peer since the session was created at " + at(created),
            reason(peer));
    }

    @Test
    void upHasNoReason() {
        bed.up(PolicyConfig.NONE);
        assertNull(bed.policy().notUpReason());
        assertEquals(State.UP, bed.policy().clientState());
    }

    @Test
    void silenceAfterUp() {
        bed.up(PolicyConfig.NONE);
        bed.run(1_000);
        final long lastRx = bed.now() - 250 * MS;
        bed.peer.loop.runMillis(2_000);
        assertEquals("no packets received since " + at(lastRx) + " (went Down with diag 1 (control-expiry))",
            reason(bed.peer));
    }

    @Test
    void adminDownHereAndThePeersAdminDown() {
        bed.up(PolicyConfig.NONE);
        bed.peer.deliver(KEY_A, pkt().state(State.ADMIN_DOWN).your(bed.ours).diag(7));
        bed.peer.loop.runMillis(1);
        assertEquals("peer admin-down: it signalled AdminDown with diag 7 (admin-down) (last packet at "
            + at(bed.now() - MS) + ")", reason(bed.peer));
        bed.peer.engine.adminState(KEY_A, true);
        bed.peer.loop.runMillis(1);
        assertEquals("admin-down here: the peer is told AdminDown (RFC 5880 6.8.16)", reason(bed.peer));
    }

    @Test
    void requiredMinRxZeroHoldsDown() {
        bed.peer.policies.configure(config(0, false), PolicyConfig.NONE);
        bed.peer.deliver(KEY_A, pkt().state(State.DOWN));
        bed.peer.loop.runMillis(10);
        assertTrue(reason(bed.peer).startsWith("held Down: required-min-rx-interval is 0"), reason(bed.peer));
    }

    @Test
    void passiveWaitsForThePeer() {
        bed.peer.policies.configure(config(300_000, true), PolicyConfig.NONE);
        bed.peer.loop.runMillis(3_000);
        assertTrue(reason(bed.peer).startsWith("passive: sends nothing until the peer's first packet"),
            reason(bed.peer));
    }

    @Test
    void handshakeStuckInInit() {
        bed.peer.policies.configure(PolicyBed.config(), PolicyConfig.NONE);
        bed.peer.loop.runMillis(1);
        // the peer keeps saying Down with diag 1: it never hears us (a one-way path)
        bed.peer.feed(KEY_A, pkt().state(State.DOWN).diag(1), 250, 2_000);
        assertEquals(State.INIT, bed.wire());
        assertEquals("handshake: we said Init, the peer says Down with diag 1 (control-expiry) (it does not hear us"
            + " yet)", reason(bed.peer));
    }

    @Test
    void authenticationFailingWithTheCount() {
        final AuthKey key = new AuthKey(1, "secret".getBytes(StandardCharsets.US_ASCII));
        final Scripted peer = new Scripted(Scripted.oneKey("k", key));
        peer.policies.configure(new SessionConfig("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, 0, false, false,
            AuthType.SIMPLE_PASSWORD, "k", 0, 0, 254, false), PolicyConfig.NONE);
        // the peer sends without authentication: RFC 5880 6.8.6, the A bit must match
        peer.feed(KEY_A, pkt().state(State.DOWN), 250, 1_000);
        assertEquals("authentication failing: 4 packets from the peer discarded (key chain, key id or Auth Type"
            + " differ)", reason(peer));
    }

    @Test
    void dampedWhileDownSaysBoth() {
        bed.up(PolicyConfig.NONE.withDamping(new DampingConfig(true, 10_000, 1_500, 1_000, 1_000, 60_000)));
        bed.flapBySilence();
        bed.flapBySilence();
        bed.peer.loop.runMillis(2_000);
        final String reason = reason(bed.peer);
        assertTrue(reason.startsWith("no packets received since "), reason);
        assertTrue(reason.contains("; damped until " + at(bed.policy().dampedUntilMillis() * MS)), reason);
    }

    @Test
    void deletedSessionTellsItsPeer() {
        bed.up(PolicyConfig.NONE);
        bed.peer.engine.unconfigure(KEY_A);
        bed.registration.close();
        bed.peer.loop.runMillis(1);
        assertTrue(reason(bed.peer).startsWith("deleted: telling the peer AdminDown"), reason(bed.peer));
    }
}
