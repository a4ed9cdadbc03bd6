/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.Diagnostic;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Discriminator;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunning;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.StateBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.state.EndA;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.state.EndABuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.state.EndBBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * A link as both ends see it, and where the two views disagree. Pure.
 */
final class LinkViews {
    /**
     * One end's facts: its placement and what its device reports of the session.
     *
     * @param node the device
     * @param status the placement status, null while nothing is known (no such device yet)
     * @param error why, when not applied
     * @param lastSynced last confirmation
     * @param session the device's operational entry, or null
     * @param staticLocal the static local discriminator rendered, 0 without
     * @param staticRemote the static remote discriminator rendered, 0 without
     */
    record End(String node, @Nullable PlacementStatus status, @Nullable String error,
            @Nullable DateAndTime lastSynced, @Nullable Session session, long staticLocal, long staticRemote) {
        @Nullable Discriminator localDiscriminator() {
            if (session != null && session.getLocalDiscriminator() != null) {
                return session.getLocalDiscriminator();
            }
            return staticLocal == 0 ? null : new Discriminator(Uint32.valueOf(staticLocal));
        }

        @Nullable Discriminator remoteDiscriminator() {
            if (session != null && session.getRemoteDiscriminator() != null) {
                return session.getRemoteDiscriminator();
            }
            return staticRemote == 0 ? null : new Discriminator(Uint32.valueOf(staticRemote));
        }

        @Nullable State localState() {
            return running(SessionRunning::getLocalState);
        }

        @Nullable State remoteState() {
            return running(SessionRunning::getRemoteState);
        }

        @Nullable Diagnostic localDiagnostic() {
            return running(SessionRunning::getLocalDiagnostic);
        }

        @Nullable Diagnostic remoteDiagnostic() {
            return running(SessionRunning::getRemoteDiagnostic);
        }

        @Nullable Uint32 negotiatedTx() {
            return running(SessionRunning::getNegotiatedTxInterval);
        }

        @Nullable Uint32 negotiatedRx() {
            return running(SessionRunning::getNegotiatedRxInterval);
        }

        @Nullable Uint32 detectionTime() {
            return running(SessionRunning::getDetectionTime);
        }

        // A device that has not reported the session yet, or reports it without its running
        // container, has no runtime leaves: each of them is simply absent from the view.
        private <T> @Nullable T running(final Function<SessionRunning, T> leaf) {
            final var running = session == null ? null : session.getSessionRunning();
            return running == null ? null : leaf.apply(running);
        }

        @Nullable Multiplier remoteMultiplier() {
            return session == null ? null : session.getRemoteMultiplier();
        }
    }

    private LinkViews() {
        // static only
    }

    /**
     * The link's state container.
     *
     * @param endA end A's facts
     * @param endB end B's facts
     * @return the state
     */
    static org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.State state(
            final End endA, final End endB) {
        return new StateBuilder()
            .setEndA(view(endA))
            .setEndB(new EndBBuilder(view(endB)).build())
            .setMismatch(new LinkedHashSet<>(mismatches(endA, endB)))
            .build();
    }

    // end-a and end-b both use the grouping link-end-view, and the generated builder of one copies
    // every leaf of that grouping from the other: one builder fills both ends' views.
    private static EndA view(final End end) {
        return new EndABuilder().setNode(end.node()).setStatus(end.status()).setErrorMessage(end.error())
            .setLastSynced(end.lastSynced()).setLocalDiscriminator(end.localDiscriminator())
            .setRemoteDiscriminator(end.remoteDiscriminator()).setLocalState(end.localState())
            .setRemoteState(end.remoteState()).setLocalDiagnostic(end.localDiagnostic())
            .setRemoteDiagnostic(end.remoteDiagnostic()).setRemoteMultiplier(end.remoteMultiplier())
            .setNegotiatedTxInterval(end.negotiatedTx()).setNegotiatedRxInterval(end.negotiatedRx())
            .setDetectionTime(end.detectionTime()).build();
    }

    /**
     * Every way the two views disagree. Each end of a working link knows the other's discriminator
     * (RFC 5880 §6.8.6: Your Discriminator is the peer's My Discriminator), sees the other's state as
     * its remote state, and transmits at the interval the other expects (RFC 5880 §6.8.2/§6.8.3: both
     * take the larger of the sender's Desired Min TX and the receiver's Required Min RX).
     *
     * @param endA end A
     * @param endB end B
     * @return one sentence per disagreement, empty when the views agree
     */
    static List<String> mismatches(final End endA, final End endB) {
        final var result = new ArrayList<String>();
        placement("A", endA, result);
        placement("B", endB, result);
        discriminator("A", endA.localDiscriminator(), "B", endB.remoteDiscriminator(), result);
        discriminator("B", endB.localDiscriminator(), "A", endA.remoteDiscriminator(), result);
        final var stateA = endA.localState();
        final var stateB = endB.localState();
        if (stateA != null && stateB != null && (stateA == State.Up) != (stateB == State.Up)) {
            result.add("end A is " + stateA.getName() + ", end B is " + stateB.getName());
        }
        sees("A", stateA, "B", endB.remoteState(), result);
        sees("B", stateB, "A", endA.remoteState(), result);
        interval("A", endA.negotiatedTx(), "B", endB.negotiatedRx(), result);
        interval("B", endB.negotiatedTx(), "A", endA.negotiatedRx(), result);
        return result;
    }

    private static void placement(final String name, final End end, final List<String> out) {
        if (end.status() != PlacementStatus.Applied) {
            out.add("end " + name + " on " + end.node() + " is "
                + (end.status() == null ? "not known" : end.status().getName())
                + (end.error() == null ? "" : ": " + end.error()));
        }
    }

    private static void discriminator(final String local, final @Nullable Discriminator mine, final String remote,
            final @Nullable Discriminator theirs, final List<String> out) {
        if (mine != null && theirs != null && !mine.equals(theirs)) {
            out.add("end " + local + "'s local discriminator " + mine.getValue() + " is not end " + remote
                + "'s remote discriminator " + theirs.getValue());
        }
    }

    private static void sees(final String local, final @Nullable State mine, final String remote,
            final @Nullable State seen, final List<String> out) {
        if (mine != null && seen != null && mine != seen) {
            out.add("end " + local + " is " + mine.getName() + ", end " + remote + " sees it as " + seen.getName());
        }
    }

    private static void interval(final String sender, final @Nullable Uint32 tx, final String receiver,
            final @Nullable Uint32 rx, final List<String> out) {
        if (tx != null && rx != null && tx.longValue() != 0 && rx.longValue() != 0 && !Objects.equals(tx, rx)) {
            out.add("end " + sender + " transmits every " + tx + " us, end " + receiver + " expects every " + rx
                + " us");
        }
    }
}
