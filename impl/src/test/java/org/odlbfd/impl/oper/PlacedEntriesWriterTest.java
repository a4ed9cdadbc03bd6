/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunningBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.placement.parms.PlacementBuilder;

/**
 * Sessions placed on devices share the ietf-bfd operational tree with the embedded agent's: one
 * writer, one set of summaries.
 */
class PlacedEntriesWriterTest extends AbstractConcurrentDataBrokerTest {
    private static final SingleHopKey KEY = new SingleHopKey("eth0", InetAddresses.forString("192.0.2.2"));
    private OperationalWriter writer;

    PlacedEntriesWriterTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        writer = new OperationalWriter(getDataBroker());
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    @Test
    void aPlacedEntryIsWrittenCountedAndRemoved() throws Exception {
        final var entry = new SessionBuilder().setInterface("eth0").setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2"))
            .setSessionRunning(new SessionRunningBuilder().setLocalState(
                org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State.Up).build())
            .addAugmentation(new Session2Builder().setPlacement(new PlacementBuilder().setNode("r1")
                .setStatus(PlacementStatus.Applied).build()).build())
            .build();
        writer.putPlaced("bfd1", KEY, entry, State.UP);
        assertTrue(writer.drain(5_000));
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            final var read = tx.read(LogicalDatastoreType.OPERATIONAL, OperMapper.sessionPath("bfd1", KEY))
                .get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(PlacementStatus.Applied, read.augmentation(Session2.class).getPlacement().getStatus());
            final var summary = tx.read(LogicalDatastoreType.OPERATIONAL, OperMapper.bfdSummaryPath("bfd1"))
                .get(5, TimeUnit.SECONDS).orElseThrow();
            assertEquals(1, summary.getNumberOfSessions().getValue().intValue());
            assertEquals(1, summary.getNumberOfSessionsUp().getValue().intValue());
        }
        // the embedded agent letting go of the same key (a session moved to a device) keeps the device's entry
        writer.remove("bfd1", KEY);
        assertTrue(writer.drain(5_000));
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            assertTrue(tx.exists(LogicalDatastoreType.OPERATIONAL, OperMapper.sessionPath("bfd1", KEY))
                .get(5, TimeUnit.SECONDS));
        }
        writer.removePlaced("bfd1", KEY);
        assertTrue(writer.drain(5_000));
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            assertFalse(tx.exists(LogicalDatastoreType.OPERATIONAL, OperMapper.protocolPath("bfd1"))
                .get(5, TimeUnit.SECONDS), "no session left: the instance's operational entry goes");
        }
    }

    @Test
    void unknownStatesCountAsDown() {
        assertEquals(new SummaryCounts(4, 1, 2, 1),
            SummaryCounts.ofStates(Arrays.asList(State.UP, null, State.ADMIN_DOWN, State.INIT)));
    }
}
