/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.time.Instant;
import java.util.function.LongSupplier;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Failures of the operational writer's commits: how long to wait before retrying (exponential,
 * bounded), whether a failure deserves a log line (the first of a run, then one summary a minute),
 * and the resulting {@link WriterHealth}. Not thread-safe: the writer's thread owns it.
 */
final class FaultTracker {
    /** First retry delay: the writer's own gathering delay. */
    static final long FIRST_DELAY_MS = 20;
    /** Longest retry delay: a datastore that stays broken is polled every 10 s, not every 20 ms. */
    static final long MAX_DELAY_MS = 10_000;
    /** At most one log line per this period while failures continue. */
    static final long LOG_PERIOD_NS = 60_000_000_000L;

    private final LongSupplier nanoTime;
    private long consecutive;
    private long total;
    private long commits;
    private long suppressed;
    private long lastLogNs;
    private @Nullable Instant lastFailure;
    private @Nullable String lastError;

    FaultTracker(final LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** What to do about one failure. */
    enum LogAction {
        /** The first failure of a run: log it with its stack trace. */
        FIRST,
        /** A minute has passed since the last line: log a summary. */
        SUMMARY,
        /** Count it only. */
        QUIET
    }

    /**
     * Records a failed commit.
     *
     * @param cause why
     * @return whether and how to log it
     */
    LogAction failed(final Throwable cause) {
        consecutive++;
        total++;
        lastFailure = Instant.now();
        lastError = String.valueOf(cause.getMessage());
        final long now = nanoTime.getAsLong();
        if (consecutive == 1) {
            lastLogNs = now;
            suppressed = 0;
            return LogAction.FIRST;
        }
        if (now - lastLogNs >= LOG_PERIOD_NS) {
            lastLogNs = now;
            return LogAction.SUMMARY;
        }
        suppressed++;
        return LogAction.QUIET;
    }

    /**
     * Records a successful commit.
     *
     * @return how many commits had failed in a row before it (0: nothing to report)
     */
    long succeeded() {
        final long run = consecutive;
        consecutive = 0;
        commits++;
        return run;
    }

    /**
     * Failures not logged since the last line.
     *
     * @return the count, reset by the next summary
     */
    long takeSuppressed() {
        final long count = suppressed;
        suppressed = 0;
        return count;
    }

    /**
     * The wait before the next attempt: 20 ms after the first failure, doubling, at most 10 s.
     *
     * @return milliseconds, 0 when the last commit succeeded
     */
    long retryDelayMillis() {
        if (consecutive == 0) {
            return 0;
        }
        final int doublings = (int) Math.min(consecutive - 1, 20);
        return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << doublings);
    }

    WriterHealth health() {
        return new WriterHealth(consecutive == 0, consecutive, total, commits, lastFailure, lastError,
            retryDelayMillis());
    }
}
