/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.TickLag;
import org.odlbfd.impl.session.ReceiveGap;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionStatistics1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionStatistics2;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.engine.health.LoopKey;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint16;

/**
 * The health figures in the operational datastore (odl-bfd-ext, issue 12): a session's largest
 * receive gap travels in its session-statistics (a partial write, never the whole entry), and each
 * engine loop's tick lag sits under the instance's bfd container.
 */
class HealthWriteTest extends AbstractConcurrentDataBrokerTest {
    private static final SingleHopKey SH = new SingleHopKey("eth0", InetAddresses.forString("2001:db8::2"));
    private static final MultiHopKey MH = new MultiHopKey(InetAddresses.forString("192.0.2.1"),
        InetAddresses.forString("192.0.2.2"));
    private static final long AT = Instant.parse("2026-11-26T10:00:05Z").toEpochMilli();

    private OperationalWriter writer;

    HealthWriteTest() {
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

    private static Views up(final SessionKeyViews key) {
        return key.views().peer(0x77, 3).state(State.UP, State.UP).upAt(1_000).intervals(300_000, 900_000);
    }

    /** Which entry a view is built for. */
    private enum SessionKeyViews {
        SINGLE, MULTI;

        Views views() {
            return Views.of(this == SINGLE ? SH : MH);
        }
    }

    @Test
    void aGrowingGapIsAStatisticsWrite() {
        writer.put(up(SessionKeyViews.SINGLE).counters(10, 10).build());
        assertTrue(writer.drain(5_000));
        assertNull(statisticsSh().augmentation(SessionStatistics2.class), "no gap seen yet: no leaves");
        final long[] before = writer.writeCounts();

        writer.put(up(SessionKeyViews.SINGLE).counters(20, 20).gap(new ReceiveGap(270_000, 900_000, AT)).build());
        assertTrue(writer.drain(5_000));
        assertArrayEquals(new long[] {before[0], before[1] + 1}, writer.writeCounts(),
            "the gap goes with session-statistics, not with the whole entry");
        final var gap = statisticsSh().augmentation(SessionStatistics2.class);
        assertEquals(270_000, gap.getLargestRxGap().longValue());
        assertEquals(900_000, gap.getDetectionTimeAtLargestRxGap().longValue());
        assertEquals(0, new BigDecimal("30.0").compareTo(gap.getLargestRxGapPercent().decimalValue()));
        assertEquals("2026-11-26T10:00:05Z", gap.getLargestRxGapTime().getValue());

        // cleared statistics: the leaves go
        writer.put(up(SessionKeyViews.SINGLE).build());
        assertTrue(writer.drain(5_000));
        assertNull(statisticsSh().augmentation(SessionStatistics2.class));
    }

    @Test
    void aMultihopSessionHasItsOwnAugment() {
        writer.put(up(SessionKeyViews.MULTI).gap(new ReceiveGap(1_350_000, 900_000, AT)).build());
        assertTrue(writer.drain(5_000));
        final var group = read(OperMapper.sessionGroupPath(Views.PROTOCOL, MH)).orElseThrow();
        final var gap = group.nonnullSessions().get(0).getSessionStatistics().augmentation(SessionStatistics1.class);
        assertEquals(1_350_000, gap.getLargestRxGap().longValue());
        assertEquals(0, new BigDecimal("150.0").compareTo(gap.getLargestRxGapPercent().decimalValue()));
    }

    @Test
    void eachLoopsTickLagSitsUnderTheInstance() {
        final var figures = new TickLag.Figures(1_000, 15, 255, 4_100);
        writer.engineHealth(List.of(new TickLag.Reading(0, figures, new TickLag.Figures(100, 7, 31, 40)),
            new TickLag.Reading(1, new TickLag.Figures(0, 0, 0, 0), new TickLag.Figures(0, 0, 0, 0))));
        writer.put(up(SessionKeyViews.SINGLE).build());
        assertTrue(writer.drain(5_000));
        final var health = read(HealthMapper.engineHealthPath(Views.PROTOCOL)).orElseThrow();
        assertEquals(2, health.nonnullLoop().size());
        final var loop0 = health.nonnullLoop().get(new LoopKey(Uint16.ZERO));
        assertEquals(1_000, loop0.getTickLagSinceStart().getTimerRuns().getValue().longValue());
        assertEquals(255, loop0.getTickLagSinceStart().getP99().longValue());
        assertEquals(4_100, loop0.getTickLagSinceStart().getMax().longValue());
        assertEquals(31, loop0.getTickLagRecent().getP99().longValue());

        // the next refresh brings new figures
        writer.engineHealth(List.of(new TickLag.Reading(0, figures, new TickLag.Figures(200, 9, 50, 60))));
        writer.refresh(up(SessionKeyViews.SINGLE).counters(5, 5).build());
        assertTrue(writer.drain(5_000));
        final var later = read(HealthMapper.engineHealthPath(Views.PROTOCOL)).orElseThrow();
        assertEquals(1, later.nonnullLoop().size());
        assertEquals(60, later.nonnullLoop().get(new LoopKey(Uint16.ZERO)).getTickLagRecent().getMax().longValue());
    }

    private org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session
            .SessionStatistics statisticsSh() {
        return read(OperMapper.sessionPath(Views.PROTOCOL, SH)).orElseThrow().getSessionStatistics();
    }

    private <T extends DataObject> Optional<T> read(final DataObjectIdentifier<T> path) {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.OPERATIONAL, path).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }
}
