/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.PathType;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yangtools.yang.common.Empty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes session state into the operational datastore. Updates from any thread are queued to one
 * writer thread, coalesced per session, and written together with the summary counters in one
 * transaction on a merging transaction chain, so a burst of transitions on thousands of sessions
 * costs a few commits, not one per transition.
 */
public final class OperationalWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationalWriter.class);
    /** How long updates are gathered before a write; small against any BFD detection time. */
    private static final long FLUSH_DELAY_MS = 20;

    private final DataBroker dataBroker;
    private final ScheduledExecutorService executor;
    // state below is confined to the executor thread
    private final Map<String, Map<SessionKey, SessionView>> current = new HashMap<>();
    private final Map<String, Set<SessionKey>> dirty = new HashMap<>();
    private TransactionChain chain;
    private boolean flushScheduled;
    /** When the oldest update not yet in a commit was handed over (System.nanoTime), for {@link #lag()}. */
    private long oldestPendingNanos = Long.MAX_VALUE;
    private final WriterLag lag = new WriterLag();

    /**
     * Creates the writer.
     *
     * @param dataBroker the binding data broker
     */
    @Inject
    public OperationalWriter(final DataBroker dataBroker) {
        this.dataBroker = requireNonNull(dataBroker);
        executor = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-oper-writer").setDaemon(true).build());
        chain = newChain();
    }

    /**
     * Records the new state of a session (creating its entry if needed).
     *
     * @param view the session state
     */
    public void put(final SessionView view) {
        requireNonNull(view);
        final long queued = System.nanoTime();
        executor.execute(() -> {
            final var protocol = view.config().protocol();
            current.computeIfAbsent(protocol, k -> new HashMap<>()).put(view.config().key(), view);
            markDirty(protocol, view.config().key(), queued);
        });
    }

    /**
     * Removes a session's entry.
     *
     * @param protocol its protocol instance
     * @param key the session
     */
    public void remove(final String protocol, final SessionKey key) {
        final long queued = System.nanoTime();
        executor.execute(() -> {
            final var sessions = current.get(protocol);
            if (sessions != null && sessions.remove(key) != null) {
                markDirty(protocol, key, queued);
            }
        });
    }

    /**
     * How far the operational datastore trails the updates handed to this writer.
     *
     * @return the lag record, live
     */
    public WriterLag lag() {
        return lag;
    }

    private void markDirty(final String protocol, final SessionKey key, final long queuedNanos) {
        oldestPendingNanos = Math.min(oldestPendingNanos, queuedNanos);
        dirty.computeIfAbsent(protocol, k -> new HashSet<>()).add(key);
        if (!flushScheduled) {
            flushScheduled = true;
            executor.schedule(() -> {
                flush();
            }, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private @Nullable FluentFuture<? extends CommitInfo> flush() {
        flushScheduled = false;
        if (dirty.isEmpty()) {
            return null;
        }
        final var tx = chain.newWriteOnlyTransaction();
        for (var entry : dirty.entrySet()) {
            writeProtocol(tx, entry.getKey(), entry.getValue());
        }
        dirty.clear();
        final long oldest = oldestPendingNanos;
        oldestPendingNanos = Long.MAX_VALUE;
        final var commit = tx.commit();
        commit.addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                lag.record(System.nanoTime() - oldest);
            }

            @Override
            public void onFailure(final Throwable cause) {
                // the chain's own callback recovers; a failed commit has no lag to report
            }
        }, MoreExecutors.directExecutor());
        return commit;
    }

    private void writeProtocol(final WriteTransaction tx, final String protocol, final Set<SessionKey> keys) {
        final var sessions = current.getOrDefault(protocol, Map.of());
        if (sessions.isEmpty()) {
            // no session left: the protocol instance disappears from the operational view
            tx.delete(LogicalDatastoreType.OPERATIONAL, OperMapper.protocolPath(protocol));
            current.remove(protocol);
            return;
        }
        for (var key : keys) {
            final var view = sessions.get(key);
            switch (key) {
                case SingleHopKey sh -> {
                    final var path = OperMapper.sessionPath(protocol, sh);
                    if (view == null) {
                        tx.delete(LogicalDatastoreType.OPERATIONAL, path);
                    } else {
                        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, path,
                            OperMapper.toSession(view, sh));
                    }
                }
                case MultiHopKey mh -> {
                    final var path = OperMapper.sessionGroupPath(protocol, mh);
                    if (view == null) {
                        tx.delete(LogicalDatastoreType.OPERATIONAL, path);
                    } else {
                        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, path,
                            OperMapper.toSessionGroup(view, mh));
                    }
                }
            }
        }
        writeSummaries(tx, protocol, sessions);
    }

    private static void writeSummaries(final WriteTransaction tx, final String protocol,
            final Map<SessionKey, SessionView> sessions) {
        final var all = sessions.values();
        final var sh = all.stream().filter(v -> v.config().key().pathType() == PathType.IP_SINGLE_HOP).toList();
        final var mh = all.stream().filter(v -> v.config().key().pathType() == PathType.IP_MULTI_HOP).toList();
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, OperMapper.bfdSummaryPath(protocol),
            OperMapper.toSummary(SummaryCounts.of(all)));
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, OperMapper.ipShSummaryPath(protocol),
            OperMapper.toSummary(SummaryCounts.of(sh)));
        tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, OperMapper.ipMhSummaryPath(protocol),
            OperMapper.toSummary(SummaryCounts.of(mh)));
    }

    private TransactionChain newChain() {
        final var created = dataBroker.createMergingTransactionChain();
        created.addCallback(new FutureCallback<Empty>() {
            @Override
            public void onSuccess(final Empty result) {
                LOG.debug("Operational transaction chain closed");
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Operational transaction chain failed, rewriting all BFD state", cause);
                executor.execute(() -> recover(created));
            }
        }, MoreExecutors.directExecutor());
        return created;
    }

    private void recover(final TransactionChain failed) {
        if (chain != failed || executor.isShutdown()) {
            return;
        }
        chain = newChain();
        for (var entry : current.entrySet()) {
            for (var key : entry.getValue().keySet()) {
                markDirty(entry.getKey(), key, System.nanoTime());
            }
        }
    }

    /**
     * Waits until everything queued before this call has been committed; for tests and shutdown.
     *
     * @param timeoutMillis how long to wait at most
     * @return true when drained in time
     */
    public boolean drain(final long timeoutMillis) {
        try {
            final var commit = executor.submit(this::flush).get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (commit != null) {
                commit.get(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Operational writer did not drain", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        drain(5_000);
        executor.shutdown();
        chain.close();
    }
}
