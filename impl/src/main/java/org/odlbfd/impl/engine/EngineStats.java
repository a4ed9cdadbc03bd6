/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.util.Arrays;
import java.util.Map;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Engine-wide figures. Lateness: how long after the detection deadline a Down was declared.
 *
 * @param sessions sessions
 * @param up sessions Up
 * @param rxPackets valid packets received
 * @param txPackets packets sent
 * @param rxInvalid packets discarded, per session and unattributable
 * @param latenessP50Us median detection lateness
 * @param latenessP99Us 99th percentile
 * @param latenessMaxUs maximum
 * @param rejects discarded packets by reason, per-session and unattributable counts together
 */
public record EngineStats(long sessions, long up, long rxPackets, long txPackets, long rxInvalid,
        long latenessP50Us, long latenessP99Us, long latenessMaxUs, Map<RejectReason, Long> rejects) {
    /**
     * Copies the map.
     *
     * @param sessions sessions
     * @param up sessions Up
     * @param rxPackets valid packets received
     * @param txPackets packets sent
     * @param rxInvalid packets discarded
     * @param latenessP50Us median detection lateness
     * @param latenessP99Us 99th percentile
     * @param latenessMaxUs maximum
     * @param rejects discarded packets by reason
     */
    public EngineStats {
        rejects = Map.copyOf(rejects);
    }

    static EngineStats of(final long sessions, final long up, final long rx, final long tx, final long invalid,
            final long[] latenessNanos, final Map<RejectReason, Long> rejects) {
        final long[] sorted = latenessNanos.clone();
        Arrays.sort(sorted);
        return new EngineStats(sessions, up, rx, tx, invalid, percentile(sorted, 50), percentile(sorted, 99),
            sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000, rejects);
    }

    /**
     * The count of one reason.
     *
     * @param reason reason
     * @return count
     */
    public long rejected(final RejectReason reason) {
        return rejects.getOrDefault(reason, 0L);
    }

    private static long percentile(final long[] sorted, final int pct) {
        if (sorted.length == 0) {
            return 0;
        }
        final int index = (int) Math.min(sorted.length - 1, (long) Math.ceil(sorted.length * pct / 100.0) - 1);
        return sorted[Math.max(0, index)] / 1000;
    }
}
