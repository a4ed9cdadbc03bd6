/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one step (one pairing, one interval, one N) measured.
 *
 * @param pairing     "agent-agent", "agent-frr" (our agent in A, FRR in B) or "frr-frr"
 * @param intervalMs  tx = rx interval, multiplier {@link ScaleConfig#MULT}
 * @param count       sessions configured on each end
 * @param bringUpMs   time from start until both ends counted {@code count} sessions Up, -1 if they never did
 * @param heldMs      how long the hold lasted (shorter than asked when a false Down ended it)
 * @param falseDowns  Up to Down transitions on either end during the hold
 * @param upAtEnd     sessions Up on the end with fewer, at the end of the hold
 * @param cpuA        CPU microseconds (utime + stime) end A used during the hold
 * @param pktsA       control packets end A sent + received during the hold
 * @param cpuB        same for end B
 * @param pktsB       same for end B
 * @param detectUs    A's per-session delay from SIGKILL of B to its Down event, sorted; empty if A cannot say
 * @param detected    sessions A took Down within the detection wait
 * @param allDownMs   time from SIGKILL of B until A counted every session Down (polled every 50-500 ms), -1 if not
 * @param lateness    A's own detection lateness figures after the kill (agent {@code stats}), or n/a
 * @param note        why the step stopped early, or empty
 */
record StepResult(String pairing, int intervalMs, int count, long bringUpMs, long heldMs, long falseDowns,
        long upAtEnd, long cpuA, long pktsA, long cpuB, long pktsB, long[] detectUs, long detected, long allDownMs,
        String lateness, String note) {

    StepResult {
        detectUs = detectUs.clone();
        Arrays.sort(detectUs);
    }

    static StepResult notUp(final String pairing, final int intervalMs, final int count, final long upAtEnd,
            final String note) {
        return new StepResult(pairing, intervalMs, count, -1, 0, 0, upAtEnd, 0, 0, 0, 0, new long[0], 0, -1, "n/a",
            note);
    }

    static long[] toArray(final List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Held: all Up, the whole hold, no false Down, all still Up at the end. */
    boolean clean(final int holdS) {
        return bringUpMs >= 0 && heldMs >= holdS * 1000L && falseDowns == 0 && upAtEnd == count;
    }

    long detectionTimeMs() {
        return (long) intervalMs * ScaleConfig.MULT;
    }

    static double perPacket(final long cpuUs, final long packets) {
        return packets <= 0 ? Double.NaN : (double) cpuUs / packets;
    }

    /** Nearest-rank percentile of the kill-to-Down delays in microseconds, -1 if none. */
    long detectPercentile(final int pct) {
        if (detectUs.length == 0) {
            return -1;
        }
        final int rank = (int) Math.ceil(detectUs.length * pct / 100.0);
        return detectUs[Math.max(0, Math.min(detectUs.length - 1, rank - 1))];
    }

    @Override
    public long[] detectUs() {
        return detectUs.clone();
    }

    String line(final int holdS) {
        final String[] ends = pairing.split("-");
        return String.format(Locale.ROOT, "STEP %-11s %3d ms x%d N=%-5d %s bringup=%dms held=%.1fs falseDown=%d"
            + " upAtEnd=%d | cpu us/pkt: A(%s)=%.2f B(%s)=%.2f both=%.2f (pkts A=%d B=%d, %.0f pps/end)"
            + " | kill B -> A Down: %d/%d, p50=%s p99=%s max=%s, all down after %dms (DT=%dms)"
            + " | A lateness after deadline: %s%s",
            pairing, intervalMs, ScaleConfig.MULT, count, clean(holdS) ? "HELD  " : "FAILED", bringUpMs,
            heldMs / 1000.0, falseDowns, upAtEnd, ends[0], perPacket(cpuA, pktsA), ends[1], perPacket(cpuB, pktsB),
            perPacket(cpuA + cpuB, pktsA + pktsB), pktsA, pktsB, heldMs == 0 ? 0.0 : pktsA * 1000.0 / heldMs,
            detected, count, ms(detectPercentile(50)), ms(detectPercentile(99)), ms(detectPercentile(100)),
            allDownMs, detectionTimeMs(), lateness, note.isEmpty() ? "" : " | " + note);
    }

    static String ms(final long micros) {
        return micros < 0 ? "n/a" : String.format(Locale.ROOT, "%.1fms", micros / 1000.0);
    }
}
