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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.TickLag;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yangtools.binding.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes session state into the operational datastore. Updates from any thread are queued to one
 * writer thread, coalesced per session, and written together with the summary counters in one
 * transaction on a merging transaction chain, so a burst of transitions on thousands of sessions
 * costs a few commits, not one per transition. This class is the queue and its thread: which sessions
 * are dirty, when to flush, the commit and its lag; what one flush writes is {@link FlushBuilder}'s
 * (only what changed since a session's first write). The binding codec is warmed when the writer
 * starts ({@link CodecWarmUp}), so that a burst does not pay the codec's start.
 *
 * <p>When a commit fails the chain is replaced and everything rewritten, after a wait that doubles
 * with each failure in a row ({@link WriterChain}); updates keep being gathered meanwhile;
 * {@link #health()} tells how the writer is doing.
 *
 * <p>Sessions placed on NETCONF devices (package {@code southbound}) live in the same ietf-bfd
 * tree: their entries, built by the southbound from the device's view, come in through
 * {@link #putPlaced} and count in the summaries, so one writer owns the whole tree.
 */
public final class OperationalWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationalWriter.class);

    private final ScheduledExecutorService executor;
    // state below is confined to the executor thread
    /** The entries and what was written of them; builds each flush's transaction. */
    private final FlushBuilder builder;
    private final Map<String, Set<SessionKey>> dirty = new HashMap<>();
    /** Counter refreshes, written a chunk per transaction after the transitions. */
    private final CounterQueue counters = new CounterQueue();
    private final WriterChain chain;
    private final LongSupplier nanoTime;
    private boolean flushScheduled;
    /** A commit is under way: updates gather until it completes, then go in one transaction. */
    private boolean commitInFlight;
    private @Nullable FluentFuture<? extends CommitInfo> lastCommit;
    /** When the oldest update not yet in a commit was handed over (the writer's clock), for {@link #lag()}. */
    private long oldestPendingNanos = Long.MAX_VALUE;
    private final WriterLag lag = new WriterLag();
    /** Transactions submitted since start, for the benchmark. */
    private final AtomicLong commits = new AtomicLong();

    /**
     * Creates the writer.
     *
     * @param dataBroker the binding data broker
     */
    @Inject
    public OperationalWriter(final DataBroker dataBroker) {
        this(dataBroker, System::nanoTime);
    }

    /**
     * Creates the writer with a clock for its log rate limit, how long counters wait (CounterQueue) and
     * its {@link #lag()}; read from any thread that hands an update over.
     *
     * @param dataBroker the binding data broker
     * @param nanoTime monotonic time in nanoseconds
     */
    OperationalWriter(final DataBroker dataBroker, final LongSupplier nanoTime) {
        this(dataBroker, nanoTime, true, false);
    }

    /**
     * Creates the writer, optionally as it was before issue 12, for the benchmark's comparison.
     *
     * @param dataBroker the binding data broker
     * @param nanoTime monotonic time in nanoseconds
     * @param warmUp warm the binding codec at start
     * @param wholeEntries write every changed entry whole instead of only what changed
     */
    OperationalWriter(final DataBroker dataBroker, final LongSupplier nanoTime, final boolean warmUp,
            final boolean wholeEntries) {
        requireNonNull(dataBroker);
        this.nanoTime = requireNonNull(nanoTime);
        builder = new FlushBuilder(wholeEntries);
        executor = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-oper-writer").setDaemon(true).build());
        chain = new WriterChain(dataBroker, this::execute, executor, nanoTime, this::rewriteAll);
        if (warmUp) {
            execute(() -> CodecWarmUp.run(dataBroker));
        }
    }

    /**
     * Records the new state of a session (creating its entry if needed).
     *
     * @param view the session state
     */
    public void put(final SessionView view) {
        requireNonNull(view);
        final long queued = nanoTime.getAsLong();
        execute(() -> {
            builder.put(view);
            markDirty(view.config().protocol(), view.config().key(), queued);
        });
    }

    /**
     * Records a session's state from the periodic refresh, which mostly brings new counters. Counter
     * changes are written after any pending transition, a chunk per transaction; a change of anything
     * else (configuration without a transition, the peer's discriminator cleared by silence) goes as an
     * update. What of a refresh is kept is {@link FlushBuilder#refresh}'s to say.
     *
     * @param refreshed the session state
     */
    public void refresh(final SessionView refreshed) {
        requireNonNull(refreshed);
        final long queued = nanoTime.getAsLong();
        execute(() -> {
            final var protocol = refreshed.config().protocol();
            final var key = refreshed.config().key();
            switch (builder.refresh(refreshed)) {
                case STATISTICS -> {
                    // a session with an update pending gets its new counters with it
                    if (!dirty.getOrDefault(protocol, Set.of()).contains(key)) {
                        counters.add(protocol, key, nanoTime.getAsLong());
                        scheduleFlush();
                    }
                }
                case ENTRY -> markDirty(protocol, key, queued);
                default -> {
                    // NONE: nothing new, or no such session; RUNNING: a snapshot that crossed a transition
                }
            }
        });
    }

    /**
     * Removes a session's entry.
     *
     * @param protocol its protocol instance
     * @param key the session
     */
    public void remove(final String protocol, final SessionKey key) {
        final long queued = nanoTime.getAsLong();
        execute(() -> {
            if (builder.remove(protocol, key)) {
                counters.remove(protocol, key);
                markDirty(protocol, key, queued);
            }
        });
    }

    /**
     * Records the entry of a single-hop session a NETCONF device runs.
     *
     * @param protocol the controller's protocol instance that holds its configuration
     * @param key the session
     * @param entry the whole operational entry (configuration, the device's state, placement)
     * @param localState the device's bfd.SessionState, null when not known, for the summaries
     */
    public void putPlaced(final String protocol, final SingleHopKey key, final Session entry,
            final @Nullable State localState) {
        putPlaced(protocol, (SessionKey) key, entry, localState);
    }

    /**
     * Records the entry of a multihop session group a NETCONF device runs.
     *
     * @param protocol the controller's protocol instance that holds its configuration
     * @param key the session group
     * @param entry the whole operational entry (configuration, the device's state, placement)
     * @param localState the device's bfd.SessionState, null when not known, for the summaries
     */
    public void putPlaced(final String protocol, final MultiHopKey key, final SessionGroup entry,
            final @Nullable State localState) {
        putPlaced(protocol, (SessionKey) key, entry, localState);
    }

    private void putPlaced(final String protocol, final SessionKey key, final DataObject entry,
            final @Nullable State localState) {
        requireNonNull(entry);
        execute(() -> {
            builder.place(protocol, key, entry, localState);
            markDirty(protocol, key);
        });
    }

    /**
     * Removes the entry of a session a device ran.
     *
     * @param protocol its protocol instance
     * @param key the session
     */
    public void removePlaced(final String protocol, final SessionKey key) {
        execute(() -> {
            if (builder.unplace(protocol, key)) {
                markDirty(protocol, key);
            }
        });
    }

    /**
     * Removes every entry this writer wrote: a clean stop leaves no session behind in the
     * operational datastore (they would show as admin-down, or whatever they were, until restart).
     */
    public void removeAll() {
        execute(() -> {
            builder.keys().forEach((protocol, keys) -> dirty.computeIfAbsent(protocol, k -> new HashSet<>())
                .addAll(keys));
            builder.clear();
            counters.clear();
            if (!dirty.isEmpty()) {
                scheduleFlush();
            }
        });
    }

    /**
     * How the writer is doing.
     *
     * @return the latest health
     */
    public WriterHealth health() {
        return chain.health();
    }

    /**
     * How far the operational datastore trails the updates handed to this writer: transitions,
     * removals and other entry changes. Counter-only refreshes are left out, as they are paced a chunk
     * per transaction behind the transitions on purpose ({@link CounterQueue}).
     *
     * @return the lag record, live
     */
    public WriterLag lag() {
        return lag;
    }

    private void markDirty(final String protocol, final SessionKey key) {
        markDirty(protocol, key, nanoTime.getAsLong());
    }

    private void markDirty(final String protocol, final SessionKey key, final long queuedNanos) {
        oldestPendingNanos = Math.min(oldestPendingNanos, queuedNanos);
        dirty.computeIfAbsent(protocol, k -> new HashSet<>()).add(key);
        scheduleFlush();
    }

    /**
     * Writes as soon as no commit is under way, after the updates already queued; otherwise the
     * completion of the commit under way writes what gathered meanwhile. An isolated transition so
     * reaches the datastore at once, and a burst goes in as few transactions as the datastore's pace
     * allows (a fixed gathering delay added 20 ms to every isolated transition).
     */
    private void scheduleFlush() {
        if (!flushScheduled && !commitInFlight) {
            flushScheduled = true;
            execute(this::flush);
        }
    }

    private @Nullable FluentFuture<? extends CommitInfo> flush() {
        flushScheduled = false;
        if (dirty.isEmpty() && counters.isEmpty() || chain.retryPending()) {
            // a failed chain is replaced when its retry is due; until then updates only gather
            return null;
        }
        final var tx = chain.newTransaction();
        // the dirty entries, then counters in transactions of their own after the transitions (CounterQueue)
        builder.build(tx, dirty, counters, nanoTime);
        // Long.MAX_VALUE: a commit of counter refreshes only, which the lag leaves out
        final long oldest = oldestPendingNanos;
        oldestPendingNanos = Long.MAX_VALUE;
        commitInFlight = true;
        commits.incrementAndGet();
        final var commit = tx.commit();
        lastCommit = commit;
        commit.addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                if (oldest != Long.MAX_VALUE) {
                    lag.record(nanoTime.getAsLong() - oldest);
                }
                execute(OperationalWriter.this::committed);
            }

            @Override
            public void onFailure(final Throwable cause) {
                // the chain's own callback recovers; updates gather until then; no lag to report
                execute(() -> commitInFlight = false);
            }
        }, MoreExecutors.directExecutor());
        return commit;
    }

    private void committed() {
        commitInFlight = false;
        if (!dirty.isEmpty() || !counters.isEmpty()) {
            scheduleFlush();
        }
        chain.succeeded();
    }

    /**
     * The engine's health figures (each loop's tick lag), written under every instance's bfd with
     * its summaries at the next flush (the counters refresh brings one each period).
     *
     * @param readings the latest readings
     */
    public void engineHealth(final List<TickLag.Reading> readings) {
        execute(() -> builder.health(readings));
    }

    /** Entries written whole and in part (whole, then partial) since start, for the benchmark and tests. */
    long[] writeCounts() {
        return builder.writeCounts();
    }

    /** Transactions submitted since start, for the benchmark; exact once {@link #drain} returned. */
    long commits() {
        return commits.get();
    }

    /** A new chain replaced a failed one: what the failed chain may have lost is written again, whole. */
    private void rewriteAll() {
        builder.forgetWritten();
        counters.clear();
        builder.keys().forEach((protocol, keys) -> keys.forEach(key -> markDirty(protocol, key)));
    }

    /**
     * Waits until everything queued before this call has been committed; for tests and shutdown.
     *
     * @param timeoutMillis how long to wait at most
     * @return true when drained in time
     */
    public boolean drain(final long timeoutMillis) {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            boolean more;
            do {
                final var step = executor.submit(() -> {
                    final var flushed = flush();
                    // nothing left to write: wait for the commit that took the last updates, if any
                    return new DrainStep(flushed != null ? flushed : lastCommit, !counters.isEmpty());
                }).get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (step.commit() != null) {
                    step.commit().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                }
                more = step.more();
            } while (more);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Operational writer did not drain", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One flush of {@link #drain}: the commit to wait for, and whether counter chunks remain. */
    private record DrainStep(@Nullable FluentFuture<? extends CommitInfo> commit, boolean more) {
    }

    private void execute(final Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Operational writer closed, dropping a task", e);
        }
    }

    @Override
    public void close() {
        drain(5_000);
        executor.shutdown();
        chain.close();
    }
}
