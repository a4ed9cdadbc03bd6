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
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_B;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The Echo function as the session sees it: RFC 5880 §6.4, §6.8.3 (Required Min RX while Echo is
 * active), §6.8.9 and §6.8.13. Echo packet addressing and the reflector are the transport's (see
 * {@code TransportConformanceTest} and the interop tests).
 */
class Rfc5880EchoTest {
    private final Scripted peer = new Scripted();
    private int ours;

    private static SessionConfig echo(final String name, final boolean sideA, final long echoTxUs,
            final long echoRxUs) {
        return new SessionConfig(name, sideA ? KEY_A : KEY_B, sideA ? ADDR_A : ADDR_B, 300_000, 300_000, 3, echoTxUs,
            echoRxUs, false, false, null, "", 0, 0, 254, false);
    }

    @Test
    void s6_8_3_echoRaisesRequiredMinRxAndKeepsTheTransmitRate() {
        // A runs Echo; B does not, but loops A's Echo back (it advertises a Required Min Echo RX)
        final Wire wire = new Wire();
        wire.sideA.engine.configure(echo("a", true, 50_000, 0));
        wire.sideB.engine.configure(echo("b", false, 0, 50_000));
        wire.loop.runMillis(10_000);
        final SessionSnapshot snapA = wire.sideA.snapshot(KEY_A);
        final SessionSnapshot snapB = wire.sideB.snapshot(KEY_B);
        assertEquals(DetectionMode.ASYNC_WITH_ECHO, snapA.detectionMode());
        assertEquals(DetectionMode.ASYNC_WITHOUT_ECHO, snapB.detectionMode());
        // "When the Echo function is active, a system SHOULD set bfd.RequiredMinRxInterval to a
        // value of not less than one second": A asks B to slow down ...
        final Wire.Sent lastOfA = wire.sideA.sent.get(wire.sideA.sent.size() - 1);
        assertEquals(1_000_000, lastOfA.packet().requiredMinRxUs());
        assertEquals(1_000_000, snapB.negotiatedTxUs());
        // ... and keeps sending at 300 ms, so that B, without Echo, still detects in 900 ms (6.4)
        assertEquals(300_000, lastOfA.packet().desiredMinTxUs());
        assertEquals(300_000, snapA.negotiatedTxUs());
        assertEquals(900_000, snapB.detectionTimeUs());
        assertEquals(3_000_000, snapA.detectionTimeUs());
        final int changes = wire.sideA.changes.size() + wire.sideB.changes.size();
        wire.loop.runMillis(30_000);
        assertEquals(changes, wire.sideA.changes.size() + wire.sideB.changes.size(), "no flap");
        // and B detects A's failure in its 900 ms
        wire.sideA.linkUp = false;
        final long cut = wire.loop.nanoTime();
        wire.loop.runMillis(2_000);
        final Wire.Change down = wire.sideB.changes.get(wire.sideB.changes.size() - 1);
        assertEquals(State.DOWN, down.to());
        assertTrue(down.atNanos() - cut <= 900 * MS, (down.atNanos() - cut) / MS + " ms");
    }

    @Test
    void s6_8_9_noEchoUnlessUpAndThePeerLoopsItBack() {
        peer.engine.configure(echo("a", true, 50_000, 50_000));
        ours = peer.snapshot(KEY_A).localDiscr();
        // "BFD Echo packets MUST NOT be transmitted when bfd.SessionState is not Up"
        peer.feed(KEY_A, pkt().state(State.DOWN).echoRx(50_000), 250, 2_000);
        assertEquals(State.INIT, peer.snapshot(KEY_A).localState());
        assertEquals(0, peer.echoesSent);
        // "... MUST NOT be transmitted unless the last BFD Control packet received from the remote
        // system contains a nonzero value in Required Min Echo RX Interval"
        peer.feed(KEY_A, pkt().state(State.UP).your(ours), 250, 2_000);
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
        assertEquals(0, peer.echoesSent);
        peer.feed(KEY_A, pkt().state(State.UP).your(ours).echoRx(50_000), 250, 1_000);
        assertTrue(peer.echoesSent > 10);
    }

    @Test
    void s6_8_9_echoIntervalIsNotBelowThePeersRequiredMinEchoRx() {
        final int discr = peer.bringUp(echo("a", true, 50_000, 50_000), KEY_A, pkt().echoRx(100_000));
        final List<Long> times = peer.echoTimes;
        times.clear();
        peer.feed(KEY_A, pkt().state(State.UP).your(discr).echoRx(100_000).timers(1_000_000, 300_000), 1_000,
            10_000);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 1; i < times.size(); i++) {
            min = Math.min(min, times.get(i) - times.get(i - 1));
            max = Math.max(max, times.get(i) - times.get(i - 1));
        }
        // 100 ms, less the 25 % jitter §6.8.9 allows
        assertTrue(min >= 75 * MS && max <= 100 * MS, min / MS + ".." + max / MS);
        assertTrue(times.size() > 90, times.size() + " Echo packets in 10 s");
        assertEquals(100_000, peer.snapshot(KEY_A).echoTxUs());
    }

    @Test
    void s6_8_13_echoCanBeTurnedOffAndOnWhileUp() {
        ours = peer.bringUp(echo("a", true, 50_000, 50_000), KEY_A, pkt().echoRx(50_000));
        final Scripted.Pkt up = pkt().state(State.UP).your(ours).echoRx(50_000).timers(1_000_000, 300_000);
        peer.feed(KEY_A, up, 500, 2_000);
        assertEquals(DetectionMode.ASYNC_WITH_ECHO, peer.snapshot(KEY_A).detectionMode());
        peer.engine.configure(echo("a", true, 0, 50_000));
        peer.feed(KEY_A, up, 250, 1_000);
        final long echoes = peer.echoesSent;
        peer.deliver(KEY_A, Scripted.copy(up).fin());
        peer.feed(KEY_A, up.timers(300_000, 300_000), 250, 2_000);
        assertEquals(echoes, peer.echoesSent, "stopped");
        assertEquals(300_000, peer.last().packet().requiredMinRxUs(), "RX back to the configured value");
        assertEquals(DetectionMode.ASYNC_WITHOUT_ECHO, peer.snapshot(KEY_A).detectionMode());
        peer.engine.configure(echo("a", true, 50_000, 50_000));
        peer.feed(KEY_A, up, 250, 1_000);
        assertTrue(peer.echoesSent > echoes + 10, "started again");
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }
}
