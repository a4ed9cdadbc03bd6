/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.rpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.DetectionMode;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.session.ReceiveGap;
import org.odlbfd.impl.session.SessionCounters;

/**
 * odl-bfd-ext's session-selector: which combinations name one session, all sessions, or nothing.
 */
class SessionSelectionTest {
    private static InetAddress addr(final String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SessionSnapshot snapshot(final String name, final SessionKey key) {
        return new SessionSnapshot(name, key, null, 1, 2, 3, 3, false, 49152, 3784, State.UP, State.UP,
            Diagnostic.NONE, Diagnostic.NONE, false, null, DetectionMode.ASYNC_WITHOUT_ECHO, 1, 1, 3, 0,
            new SessionCounters.Snapshot(0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, ReceiveGap.NONE),
            null);
    }

    private final SessionSnapshot sh = snapshot("core-1", new SingleHopKey("vA", addr("192.0.2.2")));
    private final SessionSnapshot mh = snapshot("mh:198.51.100.1->198.51.100.2",
        new MultiHopKey(addr("198.51.100.1"), addr("198.51.100.2")));

    @Test
    void nothingGivenSelectsAll() {
        final var all = new SessionSelection(null, null, null, null);
        assertTrue(all.all());
        assertTrue(all.matches(sh) && all.matches(mh));
    }

    @Test
    void byNameByShKeyByMhKey() {
        final var name = new SessionSelection("core-1", null, null, null);
        assertTrue(name.matches(sh));
        assertFalse(name.matches(mh));
        final var shKey = new SessionSelection(null, "vA", null, addr("192.0.2.2"));
        assertTrue(shKey.matches(sh));
        assertFalse(shKey.matches(mh));
        assertFalse(new SessionSelection(null, "vB", null, addr("192.0.2.2")).matches(sh));
        final var mhKey = new SessionSelection(null, null, addr("198.51.100.1"), addr("198.51.100.2"));
        assertTrue(mhKey.matches(mh));
        assertFalse(mhKey.matches(sh));
        // the name the controller gave an unnamed session works too
        assertTrue(new SessionSelection("mh:198.51.100.1->198.51.100.2", null, null, null).matches(mh));
    }

    @Test
    void incompleteOrMixedSelectorsAreRefused() {
        final var dest = addr("192.0.2.2");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SessionSelection(null, null, null, dest))
            .getMessage().contains("dest-addr needs interface"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SessionSelection(null, "vA", null, null))
            .getMessage().contains("dest-addr is missing"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SessionSelection(null, "vA",
            addr("192.0.2.1"), dest)).getMessage().contains("not both"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SessionSelection("x", "vA", null, dest))
            .getMessage().contains("either session-name or a session key"));
    }
}
