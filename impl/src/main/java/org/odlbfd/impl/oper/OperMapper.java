/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.time.Instant;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.SessionConfig;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.AuthType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.Diagnostic;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpMh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.SessionGroups;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.session.group.SessionsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpSh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.Sessions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Discriminator;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.PathIpMh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.PathIpSh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunning;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunning.DetectionMode;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunningBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionStatistics;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionStatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.IntervalConfigType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.session.statistics.summary.Summary;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.session.statistics.summary.SummaryBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Counter32;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Counter64;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Gauge32;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup2Builder;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * The one place where engine values become ietf-bfd bindings and datastore paths.
 */
public final class OperMapper {
    private OperMapper() {
        // static only
    }

    /**
     * A bfdv1 control-plane-protocol instance.
     *
     * @param protocol instance name
     * @return its path
     */
    public static DataObjectIdentifier<ControlPlaneProtocol> protocolPath(final String protocol) {
        return DataObjectIdentifier.builder(Routing.class).child(ControlPlaneProtocols.class)
            .child(ControlPlaneProtocol.class, new ControlPlaneProtocolKey(protocol, Bfdv1.VALUE)).build();
    }

    /**
     * The bfd container of a bfdv1 protocol instance.
     *
     * @param protocol instance name
     * @return its path
     */
    public static DataObjectIdentifier<Bfd> bfdPath(final String protocol) {
        return protocolPath(protocol).toBuilder().augmentation(ControlPlaneProtocol1.class).child(Bfd.class).build();
    }

    /**
     * The summary container under {@code bfd}.
     *
     * @param protocol instance name
     * @return its path
     */
    public static DataObjectIdentifier<Summary> bfdSummaryPath(final String protocol) {
        return bfdPath(protocol).toBuilder().child(Summary.class).build();
    }

    /**
     * The summary container under {@code ip-sh}.
     *
     * @param protocol instance name
     * @return its path
     */
    public static DataObjectIdentifier<Summary> ipShSummaryPath(final String protocol) {
        return ipShPath(protocol).toBuilder().child(Summary.class).build();
    }

    /**
     * The summary container under {@code ip-mh}.
     *
     * @param protocol instance name
     * @return its path
     */
    public static DataObjectIdentifier<Summary> ipMhSummaryPath(final String protocol) {
        return ipMhPath(protocol).toBuilder().child(Summary.class).build();
    }

    /**
     * The ip-sh container.
     *
     * @param protocol instance name
     * @return its path
     */
    public static DataObjectIdentifier<IpSh> ipShPath(final String protocol) {
        return bfdPath(protocol).toBuilder()
            .augmentation(Bfd1.class).child(IpSh.class).build();
    }

    /**
     * The ip-mh container.
     *
     * @param protocol instance name
     * @return its path
     */
    public static DataObjectIdentifier<IpMh> ipMhPath(final String protocol) {
        return bfdPath(protocol).toBuilder()
            // the ip-mh augmentation shares the class name Bfd1 with the imported ip-sh one
            .augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922
                .Bfd1.class).child(IpMh.class).build();
    }

    /**
     * A single-hop session entry.
     *
     * @param protocol instance name
     * @param key the session key
     * @return its path
     */
    public static DataObjectIdentifier<Session> sessionPath(final String protocol, final SingleHopKey key) {
        return ipShPath(protocol).toBuilder().child(Sessions.class)
            .child(Session.class, new SessionKey(IetfInetUtil.ipAddressFor(key.destination()), key.interfaceName()))
            .build();
    }

    /**
     * A multihop session-group entry.
     *
     * @param protocol instance name
     * @param key the session key
     * @return its path
     */
    public static DataObjectIdentifier<SessionGroup> sessionGroupPath(final String protocol, final MultiHopKey key) {
        return ipMhPath(protocol).toBuilder().child(SessionGroups.class)
            .child(SessionGroup.class, new SessionGroupKey(IetfInetUtil.ipAddressFor(key.destination()),
                IetfInetUtil.ipAddressFor(key.source())))
            .build();
    }

    /**
     * The single-hop entry: configuration as applied plus every state leaf.
     *
     * @param view the session
     * @param key its key
     * @return the binding
     */
    public static Session toSession(final SessionView view, final SingleHopKey key) {
        final var config = view.config();
        final var builder = new SessionBuilder()
            .setInterface(key.interfaceName())
            .setDestAddr(IetfInetUtil.ipAddressFor(key.destination()))
            .setSourceAddr(config.source() == null ? null : IetfInetUtil.ipAddressFor(config.source()))
            .setLocalMultiplier(multiplier(config.params().detectMultiplier()))
            .setIntervalConfigType(intervals(config))
            .setDemandEnabled(config.demand())
            .setAdminDown(config.adminDown())
            .setAuthentication(authentication(config))
            .setPathType(PathIpSh.VALUE)
            .setIpEncapsulation(true)
            .setLocalDiscriminator(discriminator(view.localDiscriminator()))
            .setRemoteDiscriminator(discriminator(view.remoteDiscriminator()))
            .setRemoteMultiplier(view.remoteMultiplier() == 0 ? null : multiplier(view.remoteMultiplier()))
            .setDemandCapability(view.demandCapability())
            .setSourcePort(port(view.sourcePort()))
            .setDestPort(port(view.destPort()))
            .setSessionRunning(running(view))
            .setSessionStatistics(statistics(view, false));
        final String transport = view.transportStatus();
        if (transport != null) {
            // odl-bfd-ext transport-status (config false), the transport's augment block
            builder.addAugmentation(new Session2Builder().setTransportStatus(transport).build());
        }
        if (config.name() != null || config.description() != null || view.policy() != null) {
            // the operator's name and description, so operational readers (CLI, status page) need not join
            // config, and the stability policies' state: both in odl-bfd-ext's first augment block
            builder.addAugmentation(PolicyMapper.session(new Session1Builder().setSessionName(config.name())
                .setDescription(config.description()), view.policy()).build());
        }
        return builder.build();
    }

    /**
     * The multihop entry: the group's configuration plus its one running session.
     *
     * @param view the session
     * @param key its key
     * @return the binding
     */
    public static SessionGroup toSessionGroup(final SessionView view, final MultiHopKey key) {
        final var config = view.config();
        final var session = new SessionsBuilder()
            .setPathType(PathIpMh.VALUE)
            .setIpEncapsulation(true)
            .setLocalDiscriminator(discriminator(view.localDiscriminator()))
            .setRemoteDiscriminator(discriminator(view.remoteDiscriminator()))
            .setRemoteMultiplier(view.remoteMultiplier() == 0 ? null : multiplier(view.remoteMultiplier()))
            .setDemandCapability(view.demandCapability())
            .setSourcePort(port(view.sourcePort()))
            .setDestPort(port(view.destPort()))
            .setSessionRunning(running(view))
            .setSessionStatistics(statistics(view, true))
            .build();
        final var group = new SessionGroupBuilder();
        if (config.name() != null || config.description() != null || view.policy() != null) {
            group.addAugmentation(PolicyMapper.sessionGroup(new SessionGroup1Builder().setSessionName(config.name())
                .setDescription(config.description()), view.policy()).build());
        }
        group
            .setSourceAddr(IetfInetUtil.ipAddressFor(key.source()))
            .setDestAddr(IetfInetUtil.ipAddressFor(key.destination()))
            .setLocalMultiplier(multiplier(config.params().detectMultiplier()))
            .setIntervalConfigType(intervals(config))
            .setDemandEnabled(config.demand())
            .setAdminDown(config.adminDown())
            .setAuthentication(authentication(config))
            .setTxTtl(new Hops(Uint8.valueOf(config.txTtl())))
            .setRxTtl(new Hops(Uint8.valueOf(config.rxTtl())))
            .setSessions(List.of(session));
        final String transport = view.transportStatus();
        if (transport != null) {
            group.addAugmentation(new SessionGroup2Builder().setTransportStatus(transport).build());
        }
        return group.build();
    }

    /**
     * A summary container.
     *
     * @param counts the counts
     * @return the binding
     */
    public static Summary toSummary(final SummaryCounts counts) {
        return new SummaryBuilder()
            .setNumberOfSessions(gauge(counts.total()))
            .setNumberOfSessionsUp(gauge(counts.up()))
            .setNumberOfSessionsDown(gauge(counts.down()))
            .setNumberOfSessionsAdminDown(gauge(counts.adminDown()))
            .build();
    }

    static SessionRunning running(final SessionView view) {
        return new SessionRunningBuilder()
            .setSessionIndex(Uint32.fromIntBits(view.localDiscriminator()))
            .setLocalState(state(view.localState()))
            .setRemoteState(state(view.remoteState()))
            .setLocalDiagnostic(Diagnostic.ofValue(view.localDiagnostic().code()))
            .setRemoteDiagnostic(Diagnostic.ofValue(view.remoteDiagnostic().code()))
            .setRemoteAuthenticated(view.remoteAuthType() != null)
            .setRemoteAuthenticationType(view.remoteAuthType() == null ? null
                : AuthType.ofValue(view.remoteAuthType().code()))
            .setDetectionMode(detectionMode(view))
            .setNegotiatedTxInterval(Uint32.valueOf(view.negotiatedTxUs()))
            .setNegotiatedRxInterval(Uint32.valueOf(view.negotiatedRxUs()))
            .setDetectionTime(Uint32.valueOf(view.detectionTimeUs()))
            .setEchoTxIntervalInUse(Uint32.valueOf(view.echoTxUs()))
            .build();
    }

    static SessionStatistics statistics(final SessionView view, final boolean multiHop) {
        return HealthMapper.withGap(new SessionStatisticsBuilder(), view.largestRxGap(), multiHop)
            .setCreateTime(time(view.createTime()))
            .setLastUpTime(time(view.lastUpTime()))
            .setLastDownTime(time(view.lastDownTime()))
            .setDownCount(new Counter32(Uint32.valueOf(view.downCount())))
            .setAdminDownCount(new Counter32(Uint32.valueOf(view.adminDownCount())))
            // RFC 9314 receive-packet-count: "This includes valid and invalid received packets."
            .setReceivePacketCount(counter(view.rxPackets() + view.rxInvalid()))
            .setSendPacketCount(counter(view.txPackets()))
            .setReceiveInvalidPacketCount(counter(view.rxInvalid()))
            .setSendFailedPacketCount(counter(view.txFailed()))
            .build();
    }

    /**
     * The session-running container of a single-hop entry.
     *
     * @param protocol instance name
     * @param key the session key
     * @return its path
     */
    static DataObjectIdentifier<SessionRunning> runningPath(final String protocol, final SingleHopKey key) {
        return sessionPath(protocol, key).toBuilder().child(SessionRunning.class).build();
    }

    /**
     * The session-statistics container of a single-hop entry.
     *
     * @param protocol instance name
     * @param key the session key
     * @return its path
     */
    static DataObjectIdentifier<SessionStatistics> statisticsPath(final String protocol, final SingleHopKey key) {
        return sessionPath(protocol, key).toBuilder().child(SessionStatistics.class).build();
    }

    private static DetectionMode detectionMode(final SessionView view) {
        // RFC 9314 detection-mode as the engine runs it: demand only once both ends agreed and the
        // session is Up (RFC 5880 §6.6), echo only while the echo function runs (§6.4)
        return switch (view.detectionMode()) {
            case ASYNC_WITH_ECHO -> DetectionMode.AsyncWithEcho;
            case ASYNC_WITHOUT_ECHO -> DetectionMode.AsyncWithoutEcho;
            case DEMAND_WITH_ECHO -> DetectionMode.DemandWithEcho;
            case DEMAND_WITHOUT_ECHO -> DetectionMode.DemandWithoutEcho;
        };
    }

    private static TxRxIntervalsBuilder txRx(final SessionConfig config) {
        return new TxRxIntervalsBuilder()
            .setDesiredMinTxInterval(Uint32.valueOf(config.params().desiredMinTxUs()))
            .setRequiredMinRxInterval(Uint32.valueOf(config.params().requiredMinRxUs()));
    }

    private static IntervalConfigType intervals(final SessionConfig config) {
        return txRx(config).build();
    }

    private static @Nullable Authentication authentication(final SessionConfig config) {
        return config.keyChain() == null ? null
            : new AuthenticationBuilder().setKeyChain(config.keyChain()).setMeticulous(config.meticulous()).build();
    }

    private static State state(final org.odlbfd.api.State state) {
        return State.ofValue(state.code());
    }

    private static Multiplier multiplier(final int value) {
        return new Multiplier(Uint8.valueOf(value));
    }

    private static @Nullable Discriminator discriminator(final int value) {
        return value == 0 ? null : new Discriminator(Uint32.fromIntBits(value));
    }

    private static @Nullable PortNumber port(final int value) {
        return value == 0 ? null : new PortNumber(Uint16.valueOf(value));
    }

    private static Counter64 counter(final long value) {
        return new Counter64(Uint64.valueOf(value));
    }

    private static Gauge32 gauge(final long value) {
        return new Gauge32(Uint32.valueOf(value));
    }

    private static @Nullable DateAndTime time(final @Nullable Instant instant) {
        return instant == null ? null : new DateAndTime(instant.toString());
    }
}
