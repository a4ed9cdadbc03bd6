/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.config.ConfigMapper;
import org.odlbfd.impl.oper.OperMapper;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.oper.StatePublisher;
import org.odlbfd.impl.transport.TransportConfig;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The embedded agent and the operational writer on the in-memory datastore, with faults: a datastore
 * whose commits fail (the writer backs off instead of retrying every 20 ms, and says so in its
 * health), a clean stop (no session is left behind in the operational datastore), and the view of
 * running discriminators the commit cohort reads.
 */
class AgentDatastoreFaultsTest extends AbstractConcurrentDataBrokerTest {
    // loopback only; ports off the standard ones and off DatastoreFlowTest's
    private static final TransportConfig PORTS = new TransportConfig(37784, 37784, 38784, 38784, 37785, 37785,
        50311, 50312, 1 << 20);
    private static final SingleHopKey SH = new SingleHopKey("lo", InetAddresses.forString("127.0.0.16"));

    private FlakyDataBroker flaky;
    private OperationalWriter writer;
    private EmbeddedAgent agent;

    AgentDatastoreFaultsTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        flaky = new FlakyDataBroker(getDataBroker());
        writer = new OperationalWriter(flaky.broker());
        agent = new EmbeddedAgent(new StatePublisher(writer, new NotificationRecorder()), KeyProvider.NONE, 1, PORTS,
            60_000);
    }

    @AfterEach
    void stop() {
        agent.close();
        writer.close();
    }

    private void configure() {
        agent.apply(ConfigMapper.singleHop("bfd", new SessionBuilder().setInterface("lo")
            .setDestAddr(IetfInetUtil.ipAddressFor("127.0.0.16")).setSourceAddr(IetfInetUtil.ipAddressFor("127.0.0.15"))
            .build()));
    }

    @Test
    void aFailingDatastoreIsRetriedWithBackOffAndReported() throws Exception {
        flaky.failures.set(Integer.MAX_VALUE);
        configure();
        await(() -> writer.health().consecutiveFailures() >= 3);
        Thread.sleep(1_500);
        // 20 + 40 + ... ms: about 7 attempts in 1.5 s where a fixed 20 ms retry made about 75
        final int attempts = flaky.attempts.get();
        assertTrue(attempts <= 12, () -> attempts + " commit attempts in about 1.5 s");
        final var failing = writer.health();
        assertFalse(failing.healthy());
        assertTrue(failing.retryDelayMillis() >= 320, failing::toString);
        assertTrue(failing.lastError().contains("injected"), failing::toString);

        // the datastore comes back: the writer notices on its next attempt and writes the session
        flaky.failures.set(0);
        await(() -> read(OperMapper.sessionPath("bfd", SH)).isPresent());
        await(() -> writer.health().healthy());
        final var recovered = writer.health();
        assertEquals(0, recovered.consecutiveFailures());
        assertTrue(recovered.totalFailures() >= 3 && recovered.commits() >= 1, recovered::toString);
    }

    @Test
    void aCleanStopLeavesNoSessionBehind() throws Exception {
        configure();
        await(() -> read(OperMapper.sessionPath("bfd", SH)).isPresent());
        agent.close();
        assertTrue(writer.drain(5_000));
        // the peer was told AdminDown; the entry must not linger as admin-down
        assertEquals(Optional.empty(), read(OperMapper.protocolPath("bfd")));
    }

    @Test
    void theAgentShowsTheDiscriminatorsItRuns() throws Exception {
        configure();
        await(() -> agent.running().containsKey(SH));
        await(() -> read(OperMapper.sessionPath("bfd", SH)).isPresent());
        final long written = read(OperMapper.sessionPath("bfd", SH)).orElseThrow().getLocalDiscriminator()
            .getValue().toJava();
        assertEquals(written, Integer.toUnsignedLong(agent.running().get(SH)));
        agent.remove("bfd", SH);
        await(() -> !agent.running().containsKey(SH));
    }

    private <T extends DataObject> Optional<T> read(final DataObjectIdentifier<T> path) {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.OPERATIONAL, path).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException {
        // bounded: 500 x 20 ms
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 10 s");
    }
}
