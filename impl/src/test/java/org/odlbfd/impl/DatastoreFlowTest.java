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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.BfdConfigListener;
import org.odlbfd.impl.oper.OperMapper;
import org.odlbfd.impl.oper.OperationalWriter;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.Diagnostic;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.PathIpSh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Configuration written to a real in-memory MD-SAL datastore flows through the listener and the
 * agent into operational state, and leaves it again on delete.
 */
class DatastoreFlowTest extends AbstractConcurrentDataBrokerTest {
    private static final SingleHopKey SH = new SingleHopKey("eth0", InetAddresses.forString("192.0.2.2"));
    private static final MultiHopKey MH = new MultiHopKey(InetAddresses.forString("198.51.100.1"),
        InetAddresses.forString("198.51.100.2"));

    private OperationalWriter writer;
    private EmbeddedAgent agent;
    private BfdConfigListener listener;

    DatastoreFlowTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        writer = new OperationalWriter(getDataBroker());
        agent = new EmbeddedAgent(writer);
        listener = new BfdConfigListener(getDataBroker(), agent);
    }

    @AfterEach
    void stop() {
        listener.close();
        agent.close();
        writer.close();
    }

    @Test
    void sessionsAppearInOperationalAndLeaveOnDelete() throws Exception {
        final var shPath = OperMapper.sessionPath("bfd", SH);
        final var mhPath = OperMapper.sessionGroupPath("bfd", MH);
        writeConfig(shPath, new SessionBuilder().setInterface("eth0")
            .setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2"))
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(4))).build());
        writeConfig(mhPath, new SessionGroupBuilder().setSourceAddr(IetfInetUtil.ipAddressFor("198.51.100.1"))
            .setDestAddr(IetfInetUtil.ipAddressFor("198.51.100.2")).setRxTtl(new Hops(Uint8.valueOf(250))).build());

        final var session = awaitOper(shPath).orElseThrow();
        assertNotEquals(0L, session.getLocalDiscriminator().getValue().toJava());
        assertEquals(PathIpSh.VALUE, session.getPathType());
        assertEquals(3784, session.getDestPort().getValue().toJava());
        assertEquals(State.Down, session.getSessionRunning().getLocalState());
        assertEquals(Diagnostic.None, session.getSessionRunning().getLocalDiagnostic());
        assertNotNull(session.getSessionStatistics().getCreateTime());
        assertEquals(4, session.getLocalMultiplier().getValue().toJava());

        final var group = awaitOper(mhPath).orElseThrow();
        final var mhSession = group.getSessions().get(0);
        assertEquals(4784, mhSession.getDestPort().getValue().toJava());
        assertNotEquals(session.getLocalDiscriminator(), mhSession.getLocalDiscriminator());

        final var summary = awaitOper(OperMapper.bfdSummaryPath("bfd")).orElseThrow();
        assertEquals(2, summary.getNumberOfSessions().getValue().toJava());
        assertEquals(2, summary.getNumberOfSessionsDown().getValue().toJava());
        assertEquals(1, read(OperMapper.ipShSummaryPath("bfd")).orElseThrow().getNumberOfSessions().getValue()
            .toJava());
        assertEquals(1, read(OperMapper.ipMhSummaryPath("bfd")).orElseThrow().getNumberOfSessions().getValue()
            .toJava());

        // a change keeps the discriminator: the peer must never see it move
        writeConfig(shPath, new SessionBuilder().setInterface("eth0")
            .setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2"))
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(7))).build());
        awaitCondition(() -> read(shPath).map(s -> s.getLocalMultiplier().getValue().toJava() == 7).orElse(false));
        assertEquals(session.getLocalDiscriminator(), read(shPath).orElseThrow().getLocalDiscriminator());

        deleteConfig(shPath);
        awaitCondition(() -> read(shPath).isEmpty());
        assertTrue(read(mhPath).isPresent());
        assertEquals(1, read(OperMapper.bfdSummaryPath("bfd")).orElseThrow().getNumberOfSessions().getValue()
            .toJava());

        deleteConfig(mhPath);
        awaitCondition(() -> read(OperMapper.protocolPath("bfd")).isEmpty());
    }

    @Test
    void replayedNotificationsChangeNothing() throws Exception {
        final var shPath = OperMapper.sessionPath("bfd", SH);
        final var session = new SessionBuilder().setInterface("eth0")
            .setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2")).build();
        writeConfig(shPath, session);
        final var first = awaitOper(shPath).orElseThrow();
        // the same data written again must not re-create the session (same discriminator, same create time)
        writeConfig(shPath, session);
        writeConfig(shPath, session);
        assertTrue(writer.drain(5_000));
        final var again = read(shPath).orElseThrow();
        assertEquals(first.getLocalDiscriminator(), again.getLocalDiscriminator());
        assertEquals(first.getSessionStatistics().getCreateTime(), again.getSessionStatistics().getCreateTime());
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

    private <T extends DataObject> Optional<T> awaitOper(final DataObjectIdentifier<T> path) throws Exception {
        awaitCondition(() -> read(path).isPresent());
        return read(path);
    }

    private void awaitCondition(final Check check) throws Exception {
        // bounded: 250 x 20 ms; the writer flushes every 20 ms
        for (int i = 0; i < 250; i++) {
            assertTrue(writer.drain(5_000));
            if (check.holds()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("condition not reached in 5 s");
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
