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
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_B;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.plain;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.pkt;

import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.RejectReason;

/**
 * RFC 5881 as far as the engine sees it: demultiplexing by interface and source (§3), the
 * engine's side of the TTL check (§5) and the ports it reports (§4). Sockets, TTL 255 on send, the
 * received TTL and the Echo addressing are the transport's ({@code TransportConformanceTest}).
 */
class Rfc5881SingleHopTest {
    private final Scripted peer = new Scripted();

    @Test
    void s3_zeroYourDiscriminatorIsBoundToTheRemoteSystemAndInterface() {
        final SingleHopKey other = new SingleHopKey("eth1", ADDR_B);
        peer.engine.configure(plain("a", KEY_A, ADDR_A));
        peer.engine.configure(plain("b", other, ADDR_A));
        peer.loop.runMillis(1);
        // "any BFD packet from the remote machine with a zero value of Your Discriminator MUST be
        // associated with the session bound to the remote system, interface, and protocol"
        peer.deliver(other, pkt().state(State.DOWN));
        peer.loop.runMillis(1);
        assertEquals(State.INIT, peer.snapshot(other).localState());
        assertEquals(State.DOWN, peer.snapshot(KEY_A).localState());
        final long before = peer.engine.unattributedRejectCounts().join()[RejectReason.NO_SESSION.ordinal()];
        peer.deliver(new SingleHopKey("eth2", ADDR_B), pkt().state(State.DOWN));
        peer.loop.runMillis(1);
        assertEquals(before + 1, peer.engine.unattributedRejectCounts().join()[RejectReason.NO_SESSION.ordinal()]);
    }

    @Test
    void s5_packetsTheTransportRefusedForTheirTtlAreCountedAndNeverReceived() {
        final int ours = peer.bringUp(plain("a", KEY_A, ADDR_A), KEY_A, pkt());
        peer.deliver(KEY_A, pkt().state(State.UP).your(ours));
        final long last = peer.loop.nanoTime();
        // "All received BFD Control packets that are demultiplexed to the session MUST be discarded
        // if the received TTL or Hop Limit is not equal to 255"
        for (int i = 0; i < 10; i++) {
            peer.engine.submit(new EngineInput.Received(KEY_A, pkt().state(State.UP).your(ours).build(), null,
                RejectReason.TTL_TOO_LOW));
            peer.loop.runMillis(100);
        }
        assertEquals(10, peer.rejected(KEY_A, RejectReason.TTL_TOO_LOW));
        final Wire.Change down = peer.changes.get(peer.changes.size() - 1);
        assertEquals(State.DOWN, down.to());
        assertEquals(last + 900 * MS, down.atNanos(), "they did not keep the session Up");
    }

    @Test
    void s4_controlPacketsUseTheSingleHopPorts() {
        peer.engine.configure(plain("a", KEY_A, ADDR_A));
        final SessionSnapshot snap = peer.snapshot(KEY_A);
        assertEquals(3784, snap.destPort());
        assertEquals(49152, snap.sourcePort(), "one source port in 49152-65535 for every session");
    }
}
