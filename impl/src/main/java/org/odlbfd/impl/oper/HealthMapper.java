/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.odlbfd.impl.engine.TickLag;
import org.odlbfd.impl.session.ReceiveGap;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionStatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Counter64;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Bfd2;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionStatistics1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionStatistics2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.EngineHealth;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.EngineHealthBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.engine.health.Loop;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.engine.health.LoopBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.engine.health.loop.TickLagRecent;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.engine.health.loop.TickLagRecentBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.engine.health.loop.TickLagSinceStart;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.engine.health.loop.TickLagSinceStartBuilder;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Binding mapping of the health figures (PERF-NOTES rule 6, odl-bfd-ext): a session's largest
 * receive gap in its session-statistics (so the writer's incremental writes carry it with the
 * counters), and each engine loop's tick lag under the instance's bfd container.
 */
final class HealthMapper {
    private HealthMapper() {
    }

    /**
     * Adds the receive-gap leaves to a session-statistics builder, when a gap was seen.
     *
     * @param builder the statistics
     * @param gap the largest gap
     * @param multiHop whether the entry is an ip-mh session (each path type has its own augment)
     * @return the builder
     */
    static SessionStatisticsBuilder withGap(final SessionStatisticsBuilder builder, final ReceiveGap gap,
            final boolean multiHop) {
        if (gap.detectionTimeUs() == 0) {
            return builder;
        }
        final Uint64 gapUs = Uint64.valueOf(gap.gapUs());
        final Uint64 detectionUs = Uint64.valueOf(gap.detectionTimeUs());
        final Decimal64 percent = Decimal64.valueOf(BigDecimal.valueOf(gap.gapUs() * 100L)
            .divide(BigDecimal.valueOf(gap.detectionTimeUs()), 1, RoundingMode.HALF_UP));
        final DateAndTime at = new DateAndTime(Instant.ofEpochMilli(gap.atMillis()).toString());
        return builder.addAugmentation(multiHop
            ? new SessionStatistics1Builder().setLargestRxGap(gapUs).setDetectionTimeAtLargestRxGap(detectionUs)
                .setLargestRxGapPercent(percent).setLargestRxGapTime(at).build()
            : new SessionStatistics2Builder().setLargestRxGap(gapUs).setDetectionTimeAtLargestRxGap(detectionUs)
                .setLargestRxGapPercent(percent).setLargestRxGapTime(at).build());
    }

    /**
     * The engine-health container under an instance's bfd.
     *
     * @param protocol instance name
     * @return its path
     */
    static DataObjectIdentifier<EngineHealth> engineHealthPath(final String protocol) {
        return OperMapper.bfdPath(protocol).toBuilder().augmentation(Bfd2.class).child(EngineHealth.class).build();
    }

    /**
     * Each loop's tick lag.
     *
     * @param readings the engine's readings
     * @return the container
     */
    static EngineHealth engineHealth(final List<TickLag.Reading> readings) {
        return new EngineHealthBuilder().setLoop(readings.stream().map(reading -> new LoopBuilder()
                .setIndex(Uint16.valueOf(reading.loop()))
                .setTickLagSinceStart(sinceStart(reading.sinceStart()))
                .setTickLagRecent(recent(reading.recent()))
                .build())
            .collect(Collectors.toMap(Loop::key, loop -> loop)))
            .build();
    }

    private static TickLagSinceStart sinceStart(final TickLag.Figures figures) {
        return new TickLagSinceStartBuilder().setTimerRuns(new Counter64(Uint64.valueOf(figures.count())))
            .setP50(Uint64.valueOf(figures.p50Us())).setP99(Uint64.valueOf(figures.p99Us()))
            .setMax(Uint64.valueOf(figures.maxUs())).build();
    }

    private static TickLagRecent recent(final TickLag.Figures figures) {
        return new TickLagRecentBuilder().setTimerRuns(new Counter64(Uint64.valueOf(figures.count())))
            .setP50(Uint64.valueOf(figures.p50Us())).setP99(Uint64.valueOf(figures.p99Us()))
            .setMax(Uint64.valueOf(figures.maxUs())).build();
    }
}
