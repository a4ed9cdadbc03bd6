/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.Diagnostic;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.MultihopNotificationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.SinglehopNotification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.SinglehopNotificationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Discriminator;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.PathIpMh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.PathIpSh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Builds the RFC 9314 state-change notifications ({@code singlehop-notification},
 * {@code multihop-notification}) from a session view, with every leaf of
 * {@code bfd-types:notification-parms}.
 */
public final class NotificationMapper {
    private NotificationMapper() {
        // static only
    }

    /**
     * The notification for a session that just changed state.
     *
     * @param view the session after the change
     * @param at when it changed
     * @return the notification for its path type
     */
    public static Notification<?> of(final SessionView view, final Instant at) {
        final var key = view.config().key();
        final var state = State.ofValue(view.localState().code());
        final var reason = Diagnostic.ofValue(view.localDiagnostic().code());
        final var time = new DateAndTime(at.toString());
        final var index = Uint32.fromIntBits(view.localDiscriminator());
        return switch (key) {
            case SingleHopKey sh -> singleHop(view, sh, state, reason, time, index);
            case MultiHopKey mh -> new MultihopNotificationBuilder()
                .setLocalDiscr(discriminator(view.localDiscriminator()))
                .setRemoteDiscr(discriminator(view.remoteDiscriminator()))
                .setNewState(state)
                .setStateChangeReason(reason)
                .setTimeOfLastStateChange(time)
                .setDestAddr(IetfInetUtil.ipAddressFor(mh.destination()))
                .setSourceAddr(IetfInetUtil.ipAddressFor(mh.source()))
                .setSessionIndex(index)
                .setPathType(PathIpMh.VALUE)
                .build();
        };
    }

    private static SinglehopNotification singleHop(final SessionView view, final SingleHopKey sh, final State state,
            final Diagnostic reason, final DateAndTime time, final Uint32 index) {
        final var source = view.config().source();
        return new SinglehopNotificationBuilder()
            .setLocalDiscr(discriminator(view.localDiscriminator()))
            .setRemoteDiscr(discriminator(view.remoteDiscriminator()))
            .setNewState(state)
            .setStateChangeReason(reason)
            .setTimeOfLastStateChange(time)
            .setDestAddr(IetfInetUtil.ipAddressFor(sh.destination()))
            .setSourceAddr(source == null ? null : IetfInetUtil.ipAddressFor(source))
            .setSessionIndex(index)
            .setPathType(PathIpSh.VALUE)
            .setInterface(sh.interfaceName())
            .setEchoEnabled(view.echoActive())
            .build();
    }

    private static @Nullable Discriminator discriminator(final int value) {
        return value == 0 ? null : new Discriminator(Uint32.fromIntBits(value));
    }
}
