/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * The reasons the engine tests cannot produce without a transport: a transport error (the socket or
 * the send failed) and failing sends, and the order of precedence.
 */
class NotUpReasonFactsTest {
    private static NotUpReason.Facts down(final String transport, final long txFailed, final boolean sendFailing)
            throws Exception {
        return new NotUpReason.Facts(State.DOWN, State.DOWN, Diagnostic.NONE, Diagnostic.NONE, false, false, false,
            1_000, 0, 0, 0, false, txFailed, sendFailing, InetAddress.getByName("192.0.2.1"), transport, 0, 0, 1_000,
            0);
    }

    @Test
    void theTransportsErrorComesFirst() throws Exception {
        assertEquals("transport: bind failed for address 192.0.2.1 (Cannot assign requested address)",
            NotUpReason.of(down("bind failed for address 192.0.2.1 (Cannot assign requested address)", 0, false),
                State.DOWN));
    }

    @Test
    void failingSendsNameTheAddress() throws Exception {
        assertEquals("sending fails from 192.0.2.1 (12 packets not sent)", NotUpReason.of(down(null, 12, true),
            State.DOWN));
        assertEquals("no packets received from the peer since the session was created at 1970-01-01T00:00:01Z",
            NotUpReason.of(down(null, 12, false), State.DOWN), "failures that stopped are not the reason");
    }

    @Test
    void upForTheClientsHasNone() throws Exception {
        assertNull(NotUpReason.of(down("whatever", 0, false), State.UP));
    }
}
