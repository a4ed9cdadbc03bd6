/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How the operational-state writer is doing, for monitoring: whether its last commit succeeded,
 * how many failed in a row and in all, and when it retries. A writer that keeps failing still
 * serves the engine; only the operational datastore (RESTCONF {@code content=nonconfig}) is stale.
 *
 * @param healthy true when the last commit succeeded (or none failed yet)
 * @param consecutiveFailures failed commits since the last success
 * @param totalFailures failed commits since start
 * @param commits successful commits since start
 * @param lastFailure when the last failure happened, or null
 * @param lastError the last failure's message, or null
 * @param retryDelayMillis how long the writer waits before the next attempt; 0 when healthy
 */
public record WriterHealth(boolean healthy, long consecutiveFailures, long totalFailures, long commits,
        @Nullable Instant lastFailure, @Nullable String lastError, long retryDelayMillis) {
    /** A writer that has not failed. */
    public static final WriterHealth INITIAL = new WriterHealth(true, 0, 0, 0, null, null, 0);
}
