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
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.addr;
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5883 as far as the engine sees it: no Echo over multiple hops (§3), demultiplexing by source
 * and destination address (§4.1), the port (§5). The rx-ttl check is the transport's.
 */
class Rfc5883MultihopTest {
    private static final InetAddress LOCAL = addr("198.51.100.1");
    private static final InetAddress OTHER_LOCAL = addr("198.51.100.7");
    private static final InetAddress REMOTE = addr("203.0.113.2");
    private static final MultiHopKey KEY = new MultiHopKey(LOCAL, REMOTE);

    private final Scripted peer = new Scripted();

    private static SessionConfig multihop(final long echoUs) {
        return new SessionConfig("mh", KEY, LOCAL, 300_000, 300_000, 3, echoUs, echoUs, false, false, null, "", 0, 0,
            254, false);
    }

    @Test
    void s3_noEchoOverMultipleHops() {
        final int ours = peer.bringUp(multihop(50_000), KEY, pkt().echoRx(50_000));
        peer.feed(KEY, pkt().state(State.UP).your(ours).echoRx(50_000), 250, 3_000);
        assertEquals(0, peer.echoesSent, "the Echo function MUST NOT be used over multiple hops");
        assertEquals(DetectionMode.ASYNC_WITHOUT_ECHO, peer.snapshot(KEY).detectionMode());
        assertEquals(300_000, peer.last().packet().requiredMinRxUs());
    }

    @Test
    void s4_1_zeroYourDiscriminatorIsMatchedBySourceAndDestination() {
        peer.engine.configure(multihop(0));
        peer.loop.runMillis(1);
        peer.deliver(new MultiHopKey(OTHER_LOCAL, REMOTE), pkt().state(State.DOWN));
        peer.loop.runMillis(1);
        assertEquals(1, peer.engine.unattributedRejectCounts().join()[RejectReason.NO_SESSION.ordinal()]);
        assertEquals(State.DOWN, peer.snapshot(KEY).localState());
        peer.deliver(KEY, pkt().state(State.DOWN));
        peer.loop.runMillis(1);
        assertEquals(State.INIT, peer.snapshot(KEY).localState());
    }

    @Test
    void s4_1_aClientSessionWithoutLocalAddressIsFoundOnAnyLocalAddress() {
        // two loops, so that the engine must also find the loop by the wildcard key
        final Wire wire = new Wire();
        final MultiHopKey wildcard = new MultiHopKey(addr("0.0.0.0"), REMOTE);
        final var registration = wire.sideA.engine.register(wildcard, new SessionParams(300_000, 300_000, 3),
            (key, status) -> { });
        wire.loop.runMillis(1);
        assertEquals(null, wire.sideA.snapshot(wildcard).localAddress());
        // the transport names the address the packet arrived on
        for (InetAddress local : new InetAddress[] { LOCAL, OTHER_LOCAL }) {
            final long before = wire.sideA.snapshot(wildcard).statistics().rxPackets();
            wire.sideA.engine.submit(new EngineInput.Received(new MultiHopKey(local, REMOTE),
                pkt().state(State.DOWN).build(), null, null));
            wire.loop.runMillis(1);
            assertEquals(before + 1, wire.sideA.snapshot(wildcard).statistics().rxPackets(), local.toString());
        }
        assertEquals(State.INIT, wire.sideA.snapshot(wildcard).localState());
        registration.close();
    }

    @Test
    void s4_1_aClientSessionSendsFromItsKeysSourceAddress() {
        final var registration = peer.engine.register(KEY, new SessionParams(300_000, 300_000, 3), (k, s) -> { });
        peer.loop.runMillis(1);
        assertEquals(LOCAL, peer.snapshot(KEY).localAddress());
        assertEquals(LOCAL, peer.last().config().localAddress());
        peer.deliver(KEY, pkt().state(State.DOWN));
        peer.loop.runMillis(1);
        assertEquals(State.INIT, peer.snapshot(KEY).localState());
        registration.close();
        peer.loop.runMillis(5 * 1_000);
        assertEquals(null, peer.snapshot(KEY));
        assertTrue(peer.sent.get(peer.sent.size() - 1).atNanos() < peer.loop.nanoTime() - 1_000 * MS, "silent");
    }

    @Test
    void s5_multihopControlPacketsUsePort4784() {
        peer.engine.configure(multihop(0));
        final SessionSnapshot snap = peer.snapshot(KEY);
        assertEquals(4784, snap.destPort());
        assertEquals(49153, snap.sourcePort());
    }
}
