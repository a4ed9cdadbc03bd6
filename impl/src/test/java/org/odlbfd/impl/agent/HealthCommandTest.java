/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.DetectionMode;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.engine.TickLag;
import org.odlbfd.impl.session.ReceiveGap;
import org.odlbfd.impl.session.SessionCounters;

/**
 * The agent's {@code health} reply, which the scale harness prints around a false-Down burst.
 */
class HealthCommandTest {
    private static SessionSnapshot session(final String name, final ReceiveGap gap) throws UnknownHostException {
        return new SessionSnapshot(name, new SingleHopKey("vA", InetAddress.getByName("192.0.2.2")), null, 7, 8, 3,
            3, false, 49152, 3784, State.UP, State.UP, Diagnostic.NONE, Diagnostic.NONE, false, null,
            DetectionMode.ASYNC_WITHOUT_ECHO, 50_000, 50_000, 150_000, 0,
            new SessionCounters.Snapshot(1, 1, 0, Map.of(), 0, 0, 0, 1, 2, 3, 0, 0, gap), null);
    }

    @Test
    void loopsAndTheWorstGapsFirst() throws UnknownHostException {
        final var idle = new TickLag.Figures(0, 0, 0, 0);
        final var loops = List.of(new TickLag.Reading(0, new TickLag.Figures(9, 12, 255, 4_100),
            new TickLag.Figures(3, 10, 90, 300)), new TickLag.Reading(1, idle, idle));
        final var sessions = List.of(session("s1", new ReceiveGap(60_000, 150_000, 0)),
            session("s2", new ReceiveGap(450_000, 150_000, 1_000)), session("s3", ReceiveGap.NONE),
            session("s4", new ReceiveGap(120_000, 150_000, 2_000)));
        assertEquals("HEALTH loops=2 tick_lag_us=L0:start:12/255/4100,10s:10/90/300;L1:start:0/0/0,10s:0/0/0"
            + " gaps=s2:450000/150000=3.00x@1970-01-01T00:00:01Z,s4:120000/150000=0.80x@1970-01-01T00:00:02Z"
            + " kernel_drops=7", HealthCommand.line(loops, sessions, 2, 7));
        assertEquals("HEALTH loops=0 tick_lag_us= gaps=- kernel_drops=0", HealthCommand.line(List.of(),
            List.of(session("s3", ReceiveGap.NONE)), 5, 0));
    }
}
