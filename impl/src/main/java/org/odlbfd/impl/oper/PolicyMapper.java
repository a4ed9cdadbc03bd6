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
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.DampingNotification;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.DampingNotificationBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ThresholdNotification;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ThresholdNotificationBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.session.policy.state.AdaptationState;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.session.policy.state.AdaptationStateBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.session.policy.state.DampingState;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.session.policy.state.DampingStateBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.session.policy.state.ThresholdState;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.session.policy.state.ThresholdStateBuilder;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The stability policies' state and events as odl-bfd-ext bindings: the config-false leaves of
 * {@code session-policy-state} on ip-sh sessions and ip-mh session groups ({@code not-up-reason},
 * {@code client-state}, damping, adaptation, thresholds, wait-to-restore), and the
 * {@code threshold-notification} and {@code damping-notification}.
 */
public final class PolicyMapper {
    private PolicyMapper() {
        // static only
    }

    /**
     * Adds the policy leaves to an ip-sh session's odl-bfd-ext augmentation.
     *
     * @param builder the augmentation being built (it also holds session-name and description)
     * @param policy the policy state, or null when not known yet
     * @return the builder
     */
    public static Session1Builder session(final Session1Builder builder, final @Nullable PolicySnapshot policy) {
        return policy == null ? builder : builder.setNotUpReason(policy.notUpReason()).setClientState(state(policy))
            .setDampingState(damping(policy)).setAdaptationState(adaptation(policy))
            .setThresholdState(thresholds(policy)).setWaitToRestoreUntil(time(policy.waitToRestoreUntilMillis()));
    }

    /**
     * Adds the policy leaves to an ip-mh session group's odl-bfd-ext augmentation.
     *
     * @param builder the augmentation being built
     * @param policy the policy state, or null when not known yet
     * @return the builder
     */
    public static SessionGroup1Builder sessionGroup(final SessionGroup1Builder builder,
            final @Nullable PolicySnapshot policy) {
        return policy == null ? builder : builder.setNotUpReason(policy.notUpReason()).setClientState(state(policy))
            .setDampingState(damping(policy)).setAdaptationState(adaptation(policy))
            .setThresholdState(thresholds(policy)).setWaitToRestoreUntil(time(policy.waitToRestoreUntilMillis()));
    }

    /**
     * The notification for a policy event.
     *
     * @param view the session
     * @param event what happened
     * @return the notification
     */
    public static Notification<?> notification(final SessionView view, final PolicyEvent event) {
        final var config = view.config();
        final String ifname = config.key() instanceof SingleHopKey sh ? sh.interfaceName() : null;
        final var source = config.key() instanceof MultiHopKey mh ? IetfInetUtil.ipAddressFor(mh.source()) : null;
        final var dest = IetfInetUtil.ipAddressFor(switch (config.key()) {
            case SingleHopKey sh -> sh.destination();
            case MultiHopKey mh -> mh.destination();
        });
        return switch (event.kind()) {
            case DAMPED, REUSED -> new DampingNotificationBuilder().setSessionName(config.displayName())
                .setProtocol(config.protocol()).setInterface(ifname).setSourceAddr(source).setDestAddr(dest)
                .setEvent(event.kind() == PolicyEvent.Kind.DAMPED ? DampingNotification.Event.Damped
                    : DampingNotification.Event.Reused)
                .setPenalty(Uint32.saturatedOf(event.value()))
                .setDampedUntil(event.kind() == PolicyEvent.Kind.DAMPED ? time(event.threshold()) : null)
                .build();
            default -> new ThresholdNotificationBuilder().setSessionName(config.displayName())
                .setProtocol(config.protocol()).setInterface(ifname).setSourceAddr(source).setDestAddr(dest)
                .setThreshold(event.kind() == PolicyEvent.Kind.DETECTION_TIME_CROSSED
                    || event.kind() == PolicyEvent.Kind.DETECTION_TIME_CLEARED
                    ? ThresholdNotification.Threshold.DetectionTime : ThresholdNotification.Threshold.TransmitInterval)
                .setEvent(event.kind() == PolicyEvent.Kind.DETECTION_TIME_CROSSED
                    || event.kind() == PolicyEvent.Kind.TRANSMIT_INTERVAL_CROSSED
                    ? ThresholdNotification.Event.Crossed : ThresholdNotification.Event.Cleared)
                .setValue(Uint32.saturatedOf(event.value()))
                .setConfiguredThreshold(Uint32.saturatedOf(event.threshold()))
                .build();
        };
    }

    private static State state(final PolicySnapshot policy) {
        return State.ofValue(policy.clientState().code());
    }

    private static DampingState damping(final PolicySnapshot policy) {
        return new DampingStateBuilder().setDamped(policy.damped()).setPenalty(Uint32.saturatedOf(policy.penalty()))
            .setFlaps(Uint32.saturatedOf(policy.flaps())).setDampedSince(time(policy.dampedSinceMillis()))
            .setDampedUntil(time(policy.dampedUntilMillis())).build();
    }

    private static AdaptationState adaptation(final PolicySnapshot policy) {
        return new AdaptationStateBuilder().setAdapted(policy.adapted())
            .setTxBackoff(Uint16.valueOf(policy.txBackoff())).setRxBackoff(Uint16.valueOf(policy.rxBackoff()))
            .setDesiredMinTxInterval(Uint32.saturatedOf(policy.adaptedTxUs()))
            .setRequiredMinRxInterval(Uint32.saturatedOf(policy.adaptedRxUs()))
            .setRecentFlaps(Uint32.valueOf(policy.recentFlaps())).build();
    }

    private static ThresholdState thresholds(final PolicySnapshot policy) {
        return new ThresholdStateBuilder().setDetectionTimeExceeded(policy.detectionTimeExceeded())
            .setTransmitIntervalExceeded(policy.transmitIntervalExceeded()).build();
    }

    private static @Nullable DateAndTime time(final long millis) {
        return millis == 0 ? null : new DateAndTime(Instant.ofEpochMilli(millis).toString());
    }
}
