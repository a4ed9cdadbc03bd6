/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

/**
 * The {@code max-sessions} setting (etc/org.odlbfd.agent.cfg): how many BFD sessions (ip-sh
 * sessions plus ip-mh session groups, over all bfdv1 instances) the configuration may hold. Each
 * costs about 90-115 KiB of heap in all (datastore entries, engine, sockets), so the default is
 * sized to the heap. Only growth past the limit is refused: a configuration already above it (the
 * limit was lowered) may still shrink or change.
 */
final class SessionLimit implements TransitionRule {
    /** Heap the controller needs with no session at all (boot, RESTCONF, datastore), measured at ~250 MiB. */
    static final long BASELINE_BYTES = 256L << 20;
    /** Heap budget per session: above the 90-115 KiB measured in all, datastore trees included. */
    static final long PER_SESSION_BYTES = 128L << 10;

    private final int max;

    /**
     * Creates the rule.
     *
     * @param max the limit
     */
    SessionLimit(final int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max-sessions must be positive, not " + max);
        }
        this.max = max;
    }

    /**
     * The default of max-sessions for a heap: half the heap (ZGC needs head room to collect
     * concurrently) less the baseline, at {@link #PER_SESSION_BYTES} each; at least 100.
     *
     * @param maxHeapBytes the JVM's maximum heap
     * @return the limit
     */
    static int heapSized(final long maxHeapBytes) {
        final long budget = (maxHeapBytes / 2 - BASELINE_BYTES) / PER_SESSION_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(100, budget));
    }

    @Override
    public void check(final ConfigView before, final ConfigView after, final Violations violations) {
        final int count = after.sessions().size();
        if (count > max && count > before.sessions().size()) {
            violations.add("bfd", "the configuration would hold " + count + " BFD sessions (ip-sh sessions and "
                + "ip-mh session-groups of all bfdv1 instances), above this controller's max-sessions=" + max
                + " (etc/org.odlbfd.agent.cfg)");
        }
    }
}
