/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.ConfigMapper;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.MultihopNotification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.session.group.Sessions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.session.group.SessionsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.SinglehopNotification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.NotificationParms;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunning;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunningBuilder;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * Applies a device's ietf-bfd notification to the controller's view of the session, so the
 * transition shows at once; the next poll fills in what the notification does not carry
 * (negotiated intervals, counters).
 */
final class NotificationViews {
    private NotificationViews() {
        // static only
    }

    /**
     * The session a notification is about.
     *
     * @param notification a singlehop- or multihop-notification
     * @return its key, or null when it names none
     */
    static @Nullable SessionKey key(final NotificationParms notification) {
        final var dest = notification.getDestAddr();
        if (dest == null) {
            return null;
        }
        return switch (notification) {
            case SinglehopNotification sh -> sh.getInterface() == null ? null
                : new SingleHopKey(sh.getInterface(), ConfigMapper.toInet(dest));
            case MultihopNotification mh -> mh.getSourceAddr() == null ? null
                : new MultiHopKey(ConfigMapper.toInet(mh.getSourceAddr()), ConfigMapper.toInet(dest));
            default -> null;
        };
    }

    /**
     * The view after a notification.
     *
     * @param view the last view, or null
     * @param config the entry as rendered (the base when there is no view yet)
     * @param notification what the device said
     * @return the new view
     */
    static DataObject apply(final @Nullable DataObject view, final DataObject config,
            final NotificationParms notification) {
        final var base = view != null ? view : config;
        return switch (base) {
            case Session session -> new SessionBuilder(session)
                .setLocalDiscriminator(notification.getLocalDiscr())
                .setRemoteDiscriminator(notification.getRemoteDiscr())
                .setSessionRunning(running(session.getSessionRunning(), notification))
                .build();
            case SessionGroup group -> {
                final var old = group.nonnullSessions().isEmpty() ? null : group.nonnullSessions().getFirst();
                final var sessions = old == null ? new SessionsBuilder() : new SessionsBuilder(old);
                final Sessions updated = sessions
                    .setLocalDiscriminator(notification.getLocalDiscr())
                    .setRemoteDiscriminator(notification.getRemoteDiscr())
                    .setSessionRunning(running(old == null ? null : old.getSessionRunning(), notification))
                    .build();
                yield new SessionGroupBuilder(group).setSessions(List.of(updated)).build();
            }
            default -> base;
        };
    }

    private static SessionRunning running(final @Nullable SessionRunning old, final NotificationParms notification) {
        final var builder = old == null ? new SessionRunningBuilder() : new SessionRunningBuilder(old);
        return builder.setLocalState(notification.getNewState())
            .setLocalDiagnostic(notification.getStateChangeReason())
            .setSessionIndex(notification.getSessionIndex() != null ? notification.getSessionIndex()
                : builder.getSessionIndex())
            .build();
    }
}
