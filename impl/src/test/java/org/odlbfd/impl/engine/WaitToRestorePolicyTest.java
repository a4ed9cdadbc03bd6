/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.Scripted.pkt;

import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;
import org.odlbfd.impl.policy.PolicyConfig;

/**
 * Huawei's WTR for a session's clients on the fake clock: the first Up is told at once; after a
 * failure the clients see Up only once the session has stayed Up for the wait, and a flap during the
 * wait starts it again; an administrative Down does not make the next Up wait.
 */
class WaitToRestorePolicyTest {
    private final PolicyBed bed = new PolicyBed();

    @Test
    void afterAFailureTheClientsWaitAndAFlapRestartsTheWait() {
        bed.up(PolicyConfig.NONE.withWaitToRestore(5_000));
        assertEquals(State.UP, bed.clientState(), "the first Up is not held");
        bed.flapBySilence();
        final long upAgain = bed.now();
        assertEquals(State.UP, bed.wire());
        assertEquals(State.DOWN, bed.clientState());
        assertTrue(bed.policy().notUpReason().contains("wait to restore until"), bed.policy().notUpReason());
        bed.run(3_000);
        assertEquals(State.DOWN, bed.clientState(), "3 s of 5");
        bed.flapBySilence();
        final long again = bed.now();
        bed.run(4_500);
        assertEquals(State.DOWN, bed.clientState(), "the flap restarted the wait");
        bed.run(1_000);
        final PolicyBed.Heard up = bed.client.get(bed.client.size() - 1);
        assertEquals(State.UP, up.status().state());
        assertEquals(5_000, PolicyBed.ms(up.atNanos() - again), 2, "Up told 5 s after the last Up");
        assertTrue(upAgain < again);
        assertEquals(null, bed.policy().notUpReason());
    }

    @Test
    void anAdministrativeDownDoesNotWait() {
        bed.up(PolicyConfig.NONE.withWaitToRestore(5_000));
        bed.peer.deliver(KEY_A, pkt().state(State.ADMIN_DOWN).your(bed.ours));
        bed.peer.loop.runMillis(1);
        assertEquals(State.DOWN, bed.clientState());
        bed.comeUp();
        assertEquals(State.UP, bed.clientState(), "RFC 5882 3.2: the peer's AdminDown was no failure");
    }

    @Test
    void settingTheWaitToZeroReleasesAtOnce() {
        bed.up(PolicyConfig.NONE.withWaitToRestore(60_000));
        bed.flapBySilence();
        assertEquals(State.DOWN, bed.clientState());
        bed.peer.policies.configure(PolicyBed.config(), PolicyConfig.NONE);
        bed.peer.loop.runMillis(1);
        assertEquals(State.UP, bed.clientState());
    }
}
