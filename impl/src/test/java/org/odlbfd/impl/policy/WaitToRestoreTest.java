/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The reusable wait-to-restore state (Huawei WTR, the static routes' hold-down), with the time passed
 * in as its users do.
 */
class WaitToRestoreTest {
    private static final long S = 1_000_000_000L;

    @Test
    void firstUpIsNotHeldUnlessAsked() {
        assertTrue(new WaitToRestore(5 * S, false).up(0));
        final WaitToRestore strict = new WaitToRestore(5 * S, true);
        assertFalse(strict.up(0));
        assertEquals(5 * S, strict.endsAtNanos());
    }

    @Test
    void aFailureMakesTheNextUpWaitAndExpireEndsIt() {
        final WaitToRestore wtr = new WaitToRestore(5 * S, false);
        wtr.up(0);
        wtr.down(true);
        assertFalse(wtr.up(10 * S));
        assertTrue(wtr.holding());
        assertFalse(wtr.expire(14 * S), "early timer");
        assertTrue(wtr.expire(15 * S));
        assertFalse(wtr.holding());
        assertFalse(wtr.expire(16 * S), "only once");
    }

    @Test
    void aFlapDuringTheWaitRestartsIt() {
        final WaitToRestore wtr = new WaitToRestore(5 * S, false);
        wtr.up(0);
        wtr.down(true);
        wtr.up(10 * S);
        wtr.down(true);
        assertFalse(wtr.expire(15 * S), "the Down cancelled the wait");
        assertFalse(wtr.up(17 * S));
        assertEquals(22 * S, wtr.endsAtNanos());
    }

    @Test
    void anAdministrativeDownDoesNotWait() {
        final WaitToRestore wtr = new WaitToRestore(5 * S, false);
        wtr.up(0);
        wtr.down(false);
        assertTrue(wtr.up(10 * S));
    }

    @Test
    void clearAndZeroWaitRelease() {
        final WaitToRestore wtr = new WaitToRestore(5 * S, false);
        wtr.up(0);
        wtr.down(true);
        wtr.up(S);
        assertTrue(wtr.clear());
        assertFalse(wtr.clear());
        wtr.down(true);
        wtr.up(2 * S);
        assertTrue(wtr.setWait(0));
        assertTrue(wtr.up(3 * S) || !wtr.holding());
        assertThrows(IllegalArgumentException.class, () -> new WaitToRestore(-1, false));
    }
}
