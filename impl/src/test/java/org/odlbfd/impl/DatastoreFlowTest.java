/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.config.BfdConfigListener;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.metrics.TransitionCounter;
import org.odlbfd.impl.oper.OperMapper;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.oper.StatePublisher;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.SessionConfig;
import org.odlbfd.impl.transport.TransportConfig;
import org.odlbfd.impl.transport.UdpTransport;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.Diagnostic;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.SinglehopNotification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.PathIpSh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Configuration written to a real in-memory MD-SAL datastore runs a real session: the listener
 * hands it to the embedded agent, whose engine talks over loopback UDP to a second engine; state,
 * timers, counters and notifications come back into the operational datastore, and a delete tells
 * the peer AdminDown before the entry goes.
 */
class DatastoreFlowTest extends AbstractConcurrentDataBrokerTest {
    // loopback only (network safety); ports off the standard ones so nothing else on the host answers
    private static final TransportConfig PORTS = new TransportConfig(27784, 27784, 28784, 28784, 27785, 27785,
        50301, 50302, 1 << 20);
    private static final String CONTROLLER = "127.0.0.5";
    private static final String PEER = "127.0.0.6";
    private static final SingleHopKey SH = new SingleHopKey("lo", InetAddresses.forString(PEER));
    // a multihop session with no peer: it stays Down (its packets go to an unused loopback port)
    private static final MultiHopKey MH = new MultiHopKey(InetAddresses.forString("127.0.0.7"),
        InetAddresses.forString("127.0.0.8"));

    private final NotificationRecorder notifications = new NotificationRecorder();
    private OperationalWriter writer;
    private StatePublisher publisher;
    private EmbeddedAgent agent;
    private BfdConfigListener listener;
    private UdpTransport peerTransport;
    private BfdEngine peer;

    DatastoreFlowTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        writer = new OperationalWriter(getDataBroker());
        publisher = new StatePublisher(writer, notifications);
        agent = new EmbeddedAgent(publisher, KeyProvider.NONE, 1, PORTS, 200, new TransitionCounter());
        listener = new BfdConfigListener(getDataBroker(), agent);
        peerTransport = UdpTransport.create(1, PORTS);
        peer = new BfdEngine(peerTransport.schedulers(), Clock.SYSTEM, peerTransport::sink, KeyProvider.NONE, 7,
            new EngineObserver() { });
        peerTransport.attach(peer);
    }

    @AfterEach
    void stop() {
        listener.close();
        agent.close();
        writer.close();
        peerTransport.close();
    }

    @Test
    void sessionComesUpWithNegotiatedTimersAndLeavesWithAdminDown() throws Exception {
        final var peerConfig = SessionConfig.of("peer", new SingleHopKey("lo", InetAddresses.forString(CONTROLLER)),
            InetAddresses.forString(PEER), new org.odlbfd.api.SessionParams(100_000, 200_000, 3));
        assertTrue(peerTransport.open(peerConfig));
        peer.configure(peerConfig).get(5, TimeUnit.SECONDS);

        final var shPath = OperMapper.sessionPath("bfd", SH);
        writeConfig(shPath, shSession(300_000, 4));
        // Up first comes with the peer's slow 1 s rate (RFC 5880 §6.8.3); its Poll then brings 100 ms
        final Session up = await(shPath, s -> s.getSessionRunning().getLocalState() == State.Up
            && s.getSessionRunning().getDetectionTime().toJava() < 3_000_000L);
        // RFC 5880 §6.8.2: we send at max(our desired tx 300 ms, peer's required rx 200 ms)
        assertEquals(300_000L, up.getSessionRunning().getNegotiatedTxInterval().toJava());
        // RFC 5880 §6.8.4: detection = peer's Detect Mult (3) x max(our rx 300 ms, peer's tx 100 ms)
        assertEquals(900_000L, up.getSessionRunning().getDetectionTime().toJava());
        assertEquals(3, up.getRemoteMultiplier().getValue().toJava());
        assertEquals(peer.snapshot(peerConfig.key()).get(5, TimeUnit.SECONDS).localDiscr(),
            up.getRemoteDiscriminator().getValue().intValue());
        assertEquals(State.Up, up.getSessionRunning().getRemoteState());
        assertNotNull(up.getSessionStatistics().getLastUpTime());
        assertEquals(PathIpSh.VALUE, up.getPathType());
        // the engine reports the RFC 5881 port; this test's transport maps it to a private one
        assertEquals(3784, up.getDestPort().getValue().toJava());
        final var summary = awaitPresent(OperMapper.bfdSummaryPath("bfd"));
        assertEquals(1, summary.getNumberOfSessionsUp().getValue().toJava());

        // counters arrive on the refresh period
        await(shPath, s -> s.getSessionStatistics().getReceivePacketCount().getValue().longValue() >= 3);

        final SinglehopNotification notification = notifications.await(SinglehopNotification.class,
            n -> n.getNewState() == State.Up);
        assertEquals("lo", notification.getInterface());
        assertEquals(up.getLocalDiscriminator(), notification.getLocalDiscr());
        assertEquals(PathIpSh.VALUE, notification.getPathType());
        assertNotNull(notification.getTimeOfLastStateChange());

        // a timer change renegotiates through Poll/Final (RFC 5880 §6.5) with no flap
        writeConfig(shPath, shSession(600_000, 4));
        final Session slower = await(shPath, s -> s.getSessionRunning().getDetectionTime().toJava() == 1_800_000L);
        assertEquals(State.Up, slower.getSessionRunning().getLocalState());
        assertEquals(0L, slower.getSessionStatistics().getDownCount().getValue().toJava());

        // RFC 5880 §6.8.16: the peer hears AdminDown, then the entry goes
        deleteConfig(shPath);
        awaitCondition(() -> read(shPath).isEmpty());
        final var peerView = peer.snapshot(peerConfig.key()).get(5, TimeUnit.SECONDS);
        assertEquals(org.odlbfd.api.State.DOWN, peerView.localState());
        assertEquals(org.odlbfd.api.Diagnostic.NEIGHBOR_DOWN, peerView.localDiag());
        assertEquals(org.odlbfd.api.State.ADMIN_DOWN, peerView.remoteState());
        awaitCondition(() -> read(OperMapper.protocolPath("bfd")).isEmpty());
    }

    @Test
    void sessionsWithoutPeerStayDownAndSummariesCount() throws Exception {
        final var shPath = OperMapper.sessionPath("bfd", SH);
        final var mhPath = OperMapper.sessionGroupPath("bfd", MH);
        writeConfig(shPath, shSession(300_000, 4));
        writeConfig(mhPath, new SessionGroupBuilder().setSourceAddr(IetfInetUtil.ipAddressFor("127.0.0.7"))
            .setDestAddr(IetfInetUtil.ipAddressFor("127.0.0.8")).setRxTtl(new Hops(Uint8.valueOf(250))).build());

        final var session = awaitPresent(shPath);
        assertNotEquals(0L, session.getLocalDiscriminator().getValue().toJava());
        assertEquals(State.Down, session.getSessionRunning().getLocalState());
        assertEquals(Diagnostic.None, session.getSessionRunning().getLocalDiagnostic());
        assertNotNull(session.getSessionStatistics().getCreateTime());
        assertEquals(4, session.getLocalMultiplier().getValue().toJava());

        final var group = awaitPresent(mhPath);
        final var mhSession = group.getSessions().get(0);
        assertEquals(4784, mhSession.getDestPort().getValue().toJava());
        assertNotEquals(session.getLocalDiscriminator(), mhSession.getLocalDiscriminator());
        assertEquals(250, group.getRxTtl().getValue().toJava());

        awaitCondition(() -> read(OperMapper.bfdSummaryPath("bfd"))
            .map(s -> s.getNumberOfSessions().getValue().toJava() == 2).orElse(false));
        final var summary = read(OperMapper.bfdSummaryPath("bfd")).orElseThrow();
        assertEquals(2, summary.getNumberOfSessionsDown().getValue().toJava());
        assertEquals(1, read(OperMapper.ipShSummaryPath("bfd")).orElseThrow().getNumberOfSessions().getValue()
            .toJava());
        assertEquals(1, read(OperMapper.ipMhSummaryPath("bfd")).orElseThrow().getNumberOfSessions().getValue()
            .toJava());

        // a change keeps the discriminator and the create time: the peer must never see it move
        writeConfig(shPath, shSession(300_000, 7));
        awaitCondition(() -> read(shPath).map(s -> s.getLocalMultiplier().getValue().toJava() == 7).orElse(false));
        final var changed = read(shPath).orElseThrow();
        assertEquals(session.getLocalDiscriminator(), changed.getLocalDiscriminator());
        assertEquals(session.getSessionStatistics().getCreateTime(), changed.getSessionStatistics().getCreateTime());

        deleteConfig(shPath);
        awaitCondition(() -> read(shPath).isEmpty());
        assertTrue(read(mhPath).isPresent());
        deleteConfig(mhPath);
        awaitCondition(() -> read(OperMapper.protocolPath("bfd")).isEmpty());
        assertTrue(notifications.all().isEmpty(), "no transition, no notification: " + notifications.all());
    }

    @Test
    void replayedNotificationsChangeNothing() throws Exception {
        final var shPath = OperMapper.sessionPath("bfd", SH);
        final var session = shSession(300_000, 3);
        writeConfig(shPath, session);
        final var first = awaitPresent(shPath);
        // the same data written again must not re-create the session (same discriminator, same create time)
        writeConfig(shPath, session);
        writeConfig(shPath, session);
        assertTrue(writer.drain(5_000));
        final var again = read(shPath).orElseThrow();
        assertEquals(first.getLocalDiscriminator(), again.getLocalDiscriminator());
        assertEquals(first.getSessionStatistics().getCreateTime(), again.getSessionStatistics().getCreateTime());
    }

    private static Session shSession(final long intervalUs, final int multiplier) {
        return new SessionBuilder().setInterface("lo")
            .setDestAddr(IetfInetUtil.ipAddressFor(PEER))
            .setSourceAddr(IetfInetUtil.ipAddressFor(CONTROLLER))
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(multiplier)))
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(intervalUs))
                .setRequiredMinRxInterval(Uint32.valueOf(intervalUs)).build())
            .build();
    }

    private <T extends DataObject> void writeConfig(final DataObjectIdentifier<T> path, final T data)
            throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION, path, data);
        tx.commit().get(5, TimeUnit.SECONDS);
    }

    private void deleteConfig(final DataObjectIdentifier<?> path) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, path);
        tx.commit().get(5, TimeUnit.SECONDS);
    }

    private <T extends DataObject> Optional<T> read(final DataObjectIdentifier<T> path) throws Exception {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.OPERATIONAL, path).get(5, TimeUnit.SECONDS);
        }
    }

    private <T extends DataObject> T awaitPresent(final DataObjectIdentifier<T> path) throws Exception {
        awaitCondition(() -> read(path).isPresent());
        return read(path).orElseThrow();
    }

    private <T extends DataObject> T await(final DataObjectIdentifier<T> path,
            final java.util.function.Predicate<T> check) throws Exception {
        awaitCondition(() -> read(path).map(check::test).orElse(false));
        return read(path).orElseThrow();
    }

    private void awaitCondition(final Check check) throws Exception {
        // bounded: 500 x 20 ms; session bring-up runs at the 1 s slow rate (RFC 5880 §6.8.3)
        for (int i = 0; i < 500; i++) {
            assertTrue(writer.drain(5_000));
            if (check.holds()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("condition not reached in 10 s; notifications " + List.copyOf(notifications.all()));
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
