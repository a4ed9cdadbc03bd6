/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.util.ArrayList;
import java.util.List;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The stability policy tests' bed: one engine on the fake clock, the test playing its peer (a
 * {@link Scripted}), a client registered on the session that records what it is told, and the ways
 * to flap the session: the peer falls silent (we detect it, diag 1) or the peer signals Down (diag 3
 * here). The session runs 300 ms x 3 both ways (Detection Time 900 ms).
 */
final class PolicyBed {
    /** A client's view: the time and what it heard. */
    record Heard(long atNanos, SessionStatus status) {
    }

    final Scripted peer = new Scripted();
    final List<Heard> client = new ArrayList<>();
    int ours;
    BfdSessionService.Registration registration;

    static SessionConfig config() {
        return EngineScenarioTest.config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 0, false, false, 0, 0);
    }

    /** Configures the session with {@code policy}, registers the client and brings it Up. */
    PolicyBed up(final PolicyConfig policy) {
        peer.policies.configure(config(), policy);
        peer.loop.runMillis(1);
        ours = peer.snapshot(KEY_A).localDiscr();
        registration = peer.engine.register(KEY_A, config().params(),
            (key, status) -> client.add(new Heard(peer.loop.nanoTime(), status)));
        comeUp();
        return this;
    }

    Scripted.Pkt upPkt() {
        return pkt().state(State.UP).your(ours);
    }

    /** The three-way handshake from Down, then the peer answers our Poll (going Up lowers our TX). */
    void comeUp() {
        peer.deliver(KEY_A, pkt().state(State.DOWN).your(ours));
        peer.loop.runMillis(1);
        peer.deliver(KEY_A, upPkt());
        peer.loop.runMillis(1);
        assertEquals(State.UP, wire(), "wire Up");
        answerPoll();
    }

    /** Answers a pending Poll of ours with a Final. */
    void answerPoll() {
        final Scripted.Sent last = peer.last();
        if (last != null && last.packet().poll()) {
            peer.deliver(KEY_A, upPkt().fin());
            peer.loop.runMillis(1);
        }
    }

    /** The peer sends Up every 250 ms for {@code ms}, answering our Polls. */
    void run(final long ms) {
        for (long t = 0; t < ms; t += 250) {
            final Scripted.Sent last = peer.last();
            peer.deliver(KEY_A, last != null && last.packet().poll() ? upPkt().fin() : upPkt());
            peer.loop.runMillis(Math.min(250, ms - t));
        }
    }

    /** The peer falls silent until we declare Down (Control Detection Time Expired), then comes back. */
    void flapBySilence() {
        final long detect = peer.snapshot(KEY_A).detectionTimeUs() / 1000;
        peer.loop.runMillis(detect + 10);
        assertEquals(State.DOWN, wire(), "Down after a silent Detection Time");
        comeUp();
    }

    /** The peer signals Down (it stopped hearing us: diag 1 on its side), then comes back. */
    void flapByPeer() {
        peer.deliver(KEY_A, pkt().state(State.DOWN).your(ours).diag(1));
        peer.loop.runMillis(1);
        assertEquals(State.DOWN, wire(), "Down on the peer's word");
        peer.deliver(KEY_A, pkt().state(State.DOWN).your(ours).diag(1));
        peer.loop.runMillis(1);
        assertEquals(State.INIT, wire(), "then Init on its next Down");
        peer.deliver(KEY_A, upPkt());
        peer.loop.runMillis(1);
        assertEquals(State.UP, wire());
        answerPoll();
    }

    State wire() {
        return peer.snapshot(KEY_A).localState();
    }

    State clientState() {
        return client.get(client.size() - 1).status().state();
    }

    PolicySnapshot policy() {
        return peer.policies.snapshot(KEY_A).join();
    }

    long now() {
        return peer.loop.nanoTime();
    }

    static long ms(final long nanos) {
        return nanos / MS;
    }
}
