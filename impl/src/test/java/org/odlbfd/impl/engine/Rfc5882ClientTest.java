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
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;

/**
 * RFC 5882 §3.2 through the client API: a client can tell a peer taken down on purpose from a
 * failed path, because every status carries what the peer last said.
 */
class Rfc5882ClientTest {
    private final Scripted peer = new Scripted();
    private final List<SessionStatus> heard = new ArrayList<>();

    private int registerAndComeUp() {
        peer.engine.register(KEY_A, new SessionParams(300_000, 300_000, 3), (key, status) -> heard.add(status));
        peer.loop.runMillis(1);
        final int ours = peer.snapshot(KEY_A).localDiscr();
        peer.deliver(KEY_A, pkt().state(State.INIT).your(ours));
        peer.loop.runMillis(1);
        assertEquals(State.UP, heard.get(heard.size() - 1).state());
        return ours;
    }

    @Test
    void s3_2_aPeerTakenDownOnPurposeIsNotAPathFailure() {
        final int ours = registerAndComeUp();
        assertEquals(new SessionStatus(State.DOWN, State.DOWN, Diagnostic.NONE, State.DOWN, Diagnostic.NONE,
            heard.get(0).changedAt()), heard.get(0), "the first status: all initial values");
        assertEquals(State.INIT, heard.get(heard.size() - 1).remoteState());
        peer.deliver(KEY_A, pkt().state(State.ADMIN_DOWN).your(ours).diag(Diagnostic.ADMIN_DOWN.code()));
        peer.loop.runMillis(1);
        final SessionStatus adminDown = heard.get(heard.size() - 1);
        assertEquals(State.DOWN, adminDown.state());
        assertEquals(Diagnostic.NEIGHBOR_DOWN, adminDown.localDiagnostic());
        assertEquals(State.ADMIN_DOWN, adminDown.remoteState());
        assertEquals(Diagnostic.ADMIN_DOWN, adminDown.remoteDiagnostic());
        assertTrue(adminDown.peerAdminDown(), "RFC 5882 3.2: clients SHOULD NOT treat this as a failure");
        assertEquals(adminDown, peer.engine.status(KEY_A));
    }

    @Test
    void s3_2_aSilentPeerIsAPathFailure() {
        registerAndComeUp();
        peer.loop.runMillis(2_000);
        final SessionStatus expired = heard.get(heard.size() - 1);
        assertEquals(State.DOWN, expired.state());
        assertEquals(State.UP, expired.previousState());
        assertEquals(Diagnostic.CONTROL_EXPIRY, expired.localDiagnostic());
        assertFalse(expired.peerAdminDown());
        assertEquals(State.INIT, expired.remoteState(), "the last the peer said");
    }
}
