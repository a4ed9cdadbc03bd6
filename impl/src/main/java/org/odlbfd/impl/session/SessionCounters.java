/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Per-session statistics (ietf-bfd session-statistics and a little more). Written only on the
 * session's thread; read through {@link #snapshot()}.
 */
public final class SessionCounters {
    private final long[] rejected = new long[RejectReason.values().length];
    private final long createTimeMillis;
    private long rxPackets;
    private long txPackets;
    private long txFailed;
    private long echoTx;
    private long echoRx;
    private long downCount;
    private long adminDownCount;
    private long lastUpMillis;
    private long lastDownMillis;
    private ReceiveGap largestGap = ReceiveGap.NONE;

    /**
     * Starts counting.
     *
     * @param createTimeMillis when the session was created
     */
    public SessionCounters(final long createTimeMillis) {
        this.createTimeMillis = createTimeMillis;
    }

    void rx() {
        rxPackets++;
    }

    void tx(final boolean ok) {
        if (ok) {
            txPackets++;
        } else {
            txFailed++;
        }
    }

    void echoTx(final boolean ok) {
        if (ok) {
            echoTx++;
        } else {
            txFailed++;
        }
    }

    void echoRx() {
        echoRx++;
    }

    /**
     * A valid packet closed a gap after a packet received while Up: kept when it is the largest
     * share of its Detection Time so far (allocates only then).
     */
    void gap(final long gapNanos, final long detectionNanos, final Clock clock) {
        final long gapUs = gapNanos / 1000;
        final long detectionUs = detectionNanos / 1000;
        if (largestGap.smallerThan(gapUs, detectionUs)) {
            largestGap = new ReceiveGap(gapUs, detectionUs, clock.currentTimeMillis());
        }
    }

    void rejected(final RejectReason reason) {
        rejected[reason.ordinal()]++;
    }

    void up(final long nowMillis) {
        lastUpMillis = nowMillis;
    }

    void down(final long nowMillis) {
        downCount++;
        lastDownMillis = nowMillis;
    }

    void adminDown(final long nowMillis) {
        adminDownCount++;
        lastDownMillis = nowMillis;
    }

    /**
     * Zeroes every count (packets, discards, failures, echo, Down and AdminDown transitions). The
     * times (creation, last Up, last Down) stay: they describe the session, not traffic.
     */
    void clear() {
        Arrays.fill(rejected, 0);
        rxPackets = 0;
        txPackets = 0;
        txFailed = 0;
        echoTx = 0;
        echoRx = 0;
        downCount = 0;
        adminDownCount = 0;
        largestGap = ReceiveGap.NONE;
    }

    /**
     * Copies the counters.
     *
     * @return an immutable copy
     */
    public Snapshot snapshot() {
        final Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
        long invalid = 0;
        for (RejectReason reason : RejectReason.values()) {
            final long count = rejected[reason.ordinal()];
            invalid += count;
            if (count != 0) {
                byReason.put(reason, count);
            }
        }
        return new Snapshot(rxPackets, txPackets, invalid, Map.copyOf(byReason), txFailed, downCount, adminDownCount,
            createTimeMillis, lastUpMillis, lastDownMillis, echoTx, echoRx, largestGap);
    }

    /**
     * Counter values at one moment.
     *
     * @param rxPackets valid packets received
     * @param txPackets packets sent
     * @param rxInvalid packets discarded, all reasons
     * @param rxInvalidByReason packets discarded by reason (absent means zero)
     * @param txFailed packets that could not be sent
     * @param downCount transitions to Down
     * @param adminDownCount transitions to AdminDown
     * @param createTimeMillis creation time, epoch ms
     * @param lastUpMillis last time Up was reached, 0 if never
     * @param lastDownMillis last time Up was left, 0 if never
     * @param echoTxPackets Echo packets sent (not counted in txPackets, which counts Control packets)
     * @param echoRxPackets our Echo packets that came back
     * @param largestGap the largest receive gap against the Detection Time
     */
    public record Snapshot(long rxPackets, long txPackets, long rxInvalid, Map<RejectReason, Long> rxInvalidByReason,
            long txFailed, long downCount, long adminDownCount, long createTimeMillis, long lastUpMillis,
            long lastDownMillis, long echoTxPackets, long echoRxPackets, ReceiveGap largestGap) {
        /**
         * Copies the map.
         *
         * @param rxPackets rx
         * @param txPackets tx
         * @param rxInvalid invalid
         * @param rxInvalidByReason invalid by reason
         * @param txFailed tx failures
         * @param downCount downs
         * @param adminDownCount admin downs
         * @param createTimeMillis created
         * @param lastUpMillis last up
         * @param lastDownMillis last down
         * @param echoTxPackets echo sent
         * @param echoRxPackets echo returned
         * @param largestGap largest receive gap
         */
        public Snapshot {
            rxInvalidByReason = Map.copyOf(rxInvalidByReason);
            requireNonNull(largestGap);
        }

        /**
         * Discards for one reason.
         *
         * @param reason reason
         * @return count
         */
        public long rejected(final RejectReason reason) {
            return rxInvalidByReason.getOrDefault(reason, 0L);
        }
    }
}
