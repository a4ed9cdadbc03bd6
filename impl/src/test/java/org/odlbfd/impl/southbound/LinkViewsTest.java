/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.Diagnostic;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Discriminator;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunningBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

class LinkViewsTest {
    private static Session device(final long local, final long remote, final State state, final State remoteState,
            final long tx, final long rx) {
        return new SessionBuilder().setInterface("eth0").setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2"))
            .setLocalDiscriminator(new Discriminator(Uint32.valueOf(local)))
            .setRemoteDiscriminator(new Discriminator(Uint32.valueOf(remote)))
            .setSessionRunning(new SessionRunningBuilder().setLocalState(state).setRemoteState(remoteState)
                .setNegotiatedTxInterval(Uint32.valueOf(tx)).setNegotiatedRxInterval(Uint32.valueOf(rx)).build())
            .build();
    }

    private static LinkViews.End end(final String node, final Session session) {
        return new LinkViews.End(node, PlacementStatus.Applied, null, null, session, 0, 0);
    }

    @Test
    void agreeingEndsHaveNoMismatch() {
        final var endA = end("r1", device(10, 20, State.Up, State.Up, 300_000, 400_000));
        final var endB = end("r2", device(20, 10, State.Up, State.Up, 400_000, 300_000));
        assertEquals(List.of(), LinkViews.mismatches(endA, endB));
        final var state = LinkViews.state(endA, endB);
        assertEquals(Uint32.valueOf(10), state.getEndA().getLocalDiscriminator().getValue());
        assertEquals(State.Up, state.getEndB().getLocalState());
        assertTrue(state.getMismatch().isEmpty());
    }

    @Test
    void everyDisagreementIsReported() {
        final var endA = end("r1", device(10, 21, State.Up, State.Up, 300_000, 400_000));
        final var endB = end("r2", device(20, 10, State.Down, State.Init, 400_000, 350_000));
        final var mismatches = LinkViews.mismatches(endA, endB);
        assertTrue(mismatches.contains("end B's local discriminator 20 is not end A's remote discriminator 21"),
            mismatches.toString());
        assertTrue(mismatches.contains("end A is up, end B is down"), mismatches.toString());
        assertTrue(mismatches.contains("end A is up, end B sees it as init"), mismatches.toString());
        assertTrue(mismatches.contains("end B is down, end A sees it as up"), mismatches.toString());
        assertTrue(mismatches.contains("end A transmits every 300000 us, end B expects every 350000 us"),
            mismatches.toString());
        assertEquals(5, mismatches.size(), mismatches.toString());
    }

    @Test
    void anEndNotAppliedIsAMismatchWithItsReason() {
        final var endA = new LinkViews.End("r1", PlacementStatus.Failed, "r1 refused it: no such interface", null,
            null, 10, 20);
        final var endB = new LinkViews.End("r2", PlacementStatus.Applied, null, null, null, 20, 10);
        assertEquals(List.of("end A on r1 is failed: r1 refused it: no such interface"),
            LinkViews.mismatches(endA, endB));
        // the rendered static discriminators show while the devices report none
        assertEquals(Uint32.valueOf(20), LinkViews.state(endA, endB).getEndA().getRemoteDiscriminator().getValue());
    }

    @Test
    void bothEndsCarryEveryLeafOfTheirView() {
        // one builder fills both end views (end B's is copied through the shared grouping): every leaf
        // set on the facts must show in each
        final var session = new SessionBuilder(device(10, 20, State.Down, State.Init, 300_000, 400_000))
            .setRemoteMultiplier(new Multiplier(Uint8.valueOf(4)))
            .setSessionRunning(new SessionRunningBuilder().setLocalState(State.Down).setRemoteState(State.Init)
                .setLocalDiagnostic(Diagnostic.ControlExpiry).setRemoteDiagnostic(Diagnostic.NeighborDown)
                .setNegotiatedTxInterval(Uint32.valueOf(300_000)).setNegotiatedRxInterval(Uint32.valueOf(400_000))
                .setDetectionTime(Uint32.valueOf(1_200_000)).build())
            .build();
        final var end = new LinkViews.End("r1", PlacementStatus.Failed, "refused", new DateAndTime(
            "2026-11-27T00:00:00Z"), session, 0, 0);
        final var state = LinkViews.state(end, end);
        for (var view : List.of(state.getEndA(), state.getEndB())) {
            assertEquals(List.of("r1", PlacementStatus.Failed, "refused", "2026-11-27T00:00:00Z", 10L, 20L,
                State.Down, State.Init, Diagnostic.ControlExpiry, Diagnostic.NeighborDown, 4, 300_000L, 400_000L,
                1_200_000L), List.of(view.getNode(), view.getStatus(), view.getErrorMessage(),
                view.getLastSynced().getValue(), view.getLocalDiscriminator().getValue().toJava(),
                view.getRemoteDiscriminator().getValue().toJava(), view.getLocalState(), view.getRemoteState(),
                view.getLocalDiagnostic(), view.getRemoteDiagnostic(),
                view.getRemoteMultiplier().getValue().intValue(), view.getNegotiatedTxInterval().toJava(),
                view.getNegotiatedRxInterval().toJava(), view.getDetectionTime().toJava()));
        }
    }
}
