/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.southbound.Wanted.Origin;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunning;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.placement.parms.Placement;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.placement.parms.PlacementBuilder;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * The controller's operational entry of a placed session: the configuration as the operator wrote
 * it, the device's view of the session (state, diagnostics, discriminators, negotiated intervals,
 * statistics, exactly as the device's operational ietf-bfd reports them), and odl-bfd-ext
 * {@code placement} with its status. Written through the {@link OperationalWriter}, which owns the
 * ietf-bfd operational tree and counts these entries in its summaries.
 */
final class PlacedEntries {
    private final OperationalWriter writer;

    PlacedEntries(final OperationalWriter writer) {
        this.writer = requireNonNull(writer);
    }

    /**
     * Writes a placed session's entry.
     *
     * @param origin the session
     * @param node the device
     * @param status the placement status
     * @param view the device's operational entry, null while it reports none
     */
    void put(final Origin.Placed origin, final String node, final EntryStatus status, final @Nullable DataObject view) {
        final var placement = placement(node, status);
        switch (origin.key()) {
            case SingleHopKey sh -> {
                final var entry = session((Session) origin.intent(), placement,
                    view instanceof Session device ? device : null);
                writer.putPlaced(origin.protocol(), sh, entry, localState(entry.getSessionRunning()));
            }
            case MultiHopKey mh -> {
                final var device = view instanceof SessionGroup group ? group : null;
                final var entry = group((SessionGroup) origin.intent(), placement, device);
                final var running = entry.nonnullSessions().isEmpty() ? null
                    : entry.nonnullSessions().getFirst().getSessionRunning();
                writer.putPlaced(origin.protocol(), mh, entry, localState(running));
            }
        }
    }

    /**
     * Removes a placed session's entry.
     *
     * @param origin the session
     */
    void remove(final Origin.Placed origin) {
        writer.removePlaced(origin.protocol(), origin.key());
    }

    static Placement placement(final String node, final EntryStatus status) {
        return new PlacementBuilder()
            .setNode(node)
            .setStatus(status.status())
            .setErrorMessage(status.error())
            .setLastSynced(status.lastSynced() == null ? null : new DateAndTime(status.lastSynced().toString()))
            .build();
    }

    static Session session(final Session intent, final Placement placement, final @Nullable Session device) {
        final var builder = new SessionBuilder(intent)
            .addAugmentation(new Session2Builder().setPlacement(placement).build());
        if (device != null) {
            builder.setPathType(device.getPathType())
                .setIpEncapsulation(device.getIpEncapsulation())
                .setLocalDiscriminator(device.getLocalDiscriminator())
                .setRemoteDiscriminator(device.getRemoteDiscriminator())
                .setRemoteMultiplier(device.getRemoteMultiplier())
                .setDemandCapability(device.getDemandCapability())
                .setSourcePort(device.getSourcePort())
                .setDestPort(device.getDestPort())
                .setSessionRunning(device.getSessionRunning())
                .setSessionStatistics(device.getSessionStatistics());
        }
        return builder.build();
    }

    static SessionGroup group(final SessionGroup intent, final Placement placement,
            final @Nullable SessionGroup device) {
        final var builder = new SessionGroupBuilder(intent)
            .addAugmentation(new SessionGroup2Builder().setPlacement(placement).build());
        if (device != null) {
            builder.setSessions(device.getSessions());
        }
        return builder.build();
    }

    /**
     * A device's bfd.SessionState as the client API's enum.
     *
     * @param running the device's session-running, or null
     * @return the state, or null when the device reports none
     */
    static @Nullable State localState(final @Nullable SessionRunning running) {
        return running == null || running.getLocalState() == null ? null
            : State.ofCode(running.getLocalState().getIntValue());
    }
}
