/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import com.google.common.net.InetAddresses;
import java.time.Instant;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.config.SessionConfig;
import org.odlbfd.impl.engine.DetectionMode;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.session.ReceiveGap;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the binding codec generate, before the first burst needs them, the classes it writes
 * session entries with. The codec builds a serializer for each binding class the first time it
 * meets one; with the JIT still cold that took about 1.5 s for the first 1,000 entries against
 * 0.17 s later (issue 12). Here single-hop entries and multihop groups, every leaf and
 * augmentation set, go whole and then in part into a transaction that is cancelled, so nothing
 * reaches the datastore: the binding adapter serializes at each write, not at commit.
 *
 * <p>They go {@link #ENTRIES} times, not once: generating the codec's classes is not all the first
 * burst paid. In the controller the writer's thread spent 0.5 ms of CPU per whole entry in the first
 * burst's first transactions against 0.07-0.2 ms later, its code still interpreted while the JIT
 * compiled it, and during a burst the thread gets a core only 5-15 % of the time (issue 12: a
 * 1,000-session bring-up keeps both cores of the box busy), so every millisecond of its CPU became
 * about ten of lag. A few hundred entries take the per-entry code past the JIT's compile thresholds
 * at start, once, off the burst.
 */
final class CodecWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(CodecWarmUp.class);
    /** A name no bfdv1 instance is likely to have; nothing is committed under it anyway. */
    private static final String PROTOCOL = "odl-bfd-codec-warm-up";
    /** Single-hop entries brought Up at start, twice whole and once in part (multihop groups: a tenth). */
    static final int ENTRIES = 300;

    private CodecWarmUp() {
        // static only
    }

    /**
     * Serializes the sample entries in a transaction that is then cancelled; a failure only costs the
     * first burst its speed.
     *
     * @param dataBroker where the transaction comes from
     * @return the entry writes made, none when the warm-up failed
     */
    static Writes run(final DataBroker dataBroker) {
        final long start = System.nanoTime();
        try {
            final var writes = serialize(dataBroker);
            LOG.info("Binding codec warmed for operational BFD entries in {} ms ({})",
                (System.nanoTime() - start) / 1_000_000, writes);
            return writes;
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.info("Binding codec not warmed for operational BFD entries", e);
            return new Writes(0, 0);
        }
    }

    /**
     * Entry writes the warm-up made.
     *
     * @param whole entries written whole
     * @param partial entries written in part
     */
    record Writes(long whole, long partial) {
    }

    private static Writes serialize(final DataBroker dataBroker) {
        final var tx = dataBroker.newWriteOnlyTransaction();
        final var delta = new EntryDelta(false);
        try {
            for (int i = 0; i < ENTRIES; i++) {
                final var sh = new SingleHopKey("eth0",
                    InetAddresses.forString("2001:db8::" + Integer.toHexString(i + 2)));
                // as a session comes Up: created (whole), the peer learned (whole), Up (in part)
                final var created = view(sh, State.DOWN, 0);
                final var learned = view(sh, State.DOWN, 0x5eed);
                delta.write(tx, PROTOCOL, sh, null, created, i > 0);
                delta.write(tx, PROTOCOL, sh, created, learned, true);
                delta.write(tx, PROTOCOL, sh, learned, view(sh, State.UP, 0x5eed), true);
                if (i % 10 == 0) {
                    final var mh = new MultiHopKey(InetAddresses.forString("192.0.2.1"),
                        InetAddresses.forString("198.51.100." + (i / 10 + 1)));
                    final var mhBefore = view(mh, State.DOWN, 0);
                    delta.write(tx, PROTOCOL, mh, null, mhBefore, i > 0);
                    delta.write(tx, PROTOCOL, mh, mhBefore, view(mh, State.UP, 0x5eed), true);
                }
            }
            tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, OperMapper.bfdSummaryPath(PROTOCOL),
                OperMapper.toSummary(new SummaryCounts(1, 1, 0, 0)));
        } finally {
            tx.cancel();
        }
        return new Writes(delta.fullWrites(), delta.partialWrites());
    }

    private static SessionView view(final org.odlbfd.api.SessionKey key, final State state, final int remote) {
        final boolean multihop = key instanceof MultiHopKey;
        final var config = new SessionConfig(PROTOCOL, key, multihop ? ((MultiHopKey) key).source()
            : InetAddresses.forString("2001:db8::1"), new SessionParams(300_000, 300_000, 3), false, false, "chain",
            true, AuthType.METICULOUS_KEYED_SHA1, 255, multihop ? 250 : 255, "warm-up",
            "codec warm-up", 0, 0, false, 0, 0, PolicyConfig.NONE);
        final var now = Instant.now();
        return new SessionView(config, 0x1234, remote, remote == 0 ? 0 : 3, false, 49152, 3784, state, state,
            Diagnostic.NONE, Diagnostic.NONE, remote == 0 ? null : AuthType.METICULOUS_KEYED_SHA1,
            DetectionMode.ASYNC_WITHOUT_ECHO, 300_000, 300_000, 900_000, 0, now, state == State.UP ? now : null, now,
            1, 0, 10, 10, 1, 0, "warm-up: no socket",
            // the policy leaves too, so a session's first damping does not pay for their codec
            // (the same in every view, so that Up is written in part as in a real session)
            new PolicySnapshot(State.DOWN, "warm-up", true, 1_000, 1, 1, 2, 2, 2, 600_000,
                600_000, 1, true, true, 1), ReceiveGap.NONE);
    }
}
