/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Sums what each shard reports on its own loop into engine-wide figures: the reject counts no
 * session was charged with (indexed by {@link RejectReason#ordinal()}) and {@link EngineStats}.
 */
final class ShardFigures {
    /** One shard's share of {@link BfdEngine#stats()}, taken on its loop. */
    record Part(List<SessionSnapshot> snapshots, long[] rejects, long[] lateness) {
    }

    private ShardFigures() {
    }

    /** The shards' unattributed reject counts, summed per reason. */
    static long[] sumRejects(final List<long[]> parts) {
        final long[] sum = new long[RejectReason.values().length];
        for (long[] part : parts) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += part[i];
            }
        }
        return sum;
    }

    /**
     * The counts by reason, a reason that never happened left out, with the drops of the bounded
     * hand-off between loops (they never reach a shard) as {@link RejectReason#OVERLOAD}.
     */
    static Map<RejectReason, Long> byReason(final long[] counts, final long overloadDrops) {
        final Map<RejectReason, Long> map = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            if (counts[reason.ordinal()] != 0) {
                map.put(reason, counts[reason.ordinal()]);
            }
        }
        if (overloadDrops != 0) {
            map.merge(RejectReason.OVERLOAD, overloadDrops, Long::sum);
        }
        return map;
    }

    static EngineStats merge(final List<Part> parts, final long overloadDrops) {
        final long[] unattributed = sumRejects(parts.stream().map(Part::rejects).toList());
        final Map<RejectReason, Long> rejects = byReason(unattributed, overloadDrops);
        long sessions = 0;
        long up = 0;
        long rx = 0;
        long tx = 0;
        long invalid = Arrays.stream(unattributed).sum() + overloadDrops;
        for (Part part : parts) {
            for (SessionSnapshot snap : part.snapshots()) {
                sessions++;
                up += snap.localState() == State.UP ? 1 : 0;
                rx += snap.statistics().rxPackets();
                tx += snap.statistics().txPackets();
                invalid += snap.statistics().rxInvalid();
                snap.statistics().rxInvalidByReason()
                    .forEach((reason, count) -> rejects.merge(reason, count, Long::sum));
            }
        }
        final long[] lateness = parts.stream().map(Part::lateness).flatMapToLong(Arrays::stream).toArray();
        return EngineStats.of(sessions, up, rx, tx, invalid, lateness, rejects);
    }
}
