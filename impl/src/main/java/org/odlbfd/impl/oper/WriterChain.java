/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.yangtools.yang.common.Empty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operational writer's transaction chain and its recovery: when a commit fails the chain fails,
 * and a new one replaces it after a wait that doubles with each failure in a row (20 ms up to 10 s);
 * then the writer rewrites everything it holds, whole, since the failed chain may have lost any of
 * it. The first failure of a run is logged with its stack trace, then one summary a minute
 * ({@link FaultTracker}). Confined to the writer's thread, except {@link #health()}.
 */
final class WriterChain {
    private static final Logger LOG = LoggerFactory.getLogger(WriterChain.class);

    private final DataBroker dataBroker;
    /** The writer's thread, which runs the chain callbacks. */
    private final Executor writerThread;
    /** The same thread's scheduler, for the retry. */
    private final ScheduledExecutorService scheduler;
    /** Marks everything dirty once a new chain is in place. */
    private final Runnable rewriteAll;
    private final FaultTracker faults;
    private TransactionChain chain;
    private boolean retryPending;
    private volatile WriterHealth health = WriterHealth.INITIAL;

    WriterChain(final DataBroker dataBroker, final Executor writerThread, final ScheduledExecutorService scheduler,
            final LongSupplier nanoTime, final Runnable rewriteAll) {
        this.dataBroker = requireNonNull(dataBroker);
        this.writerThread = requireNonNull(writerThread);
        this.scheduler = requireNonNull(scheduler);
        this.rewriteAll = requireNonNull(rewriteAll);
        faults = new FaultTracker(nanoTime);
        chain = newChain();
    }

    /** A failed chain waits for its retry: until then updates only gather. */
    boolean retryPending() {
        return retryPending;
    }

    WriteTransaction newTransaction() {
        return chain.newWriteOnlyTransaction();
    }

    /** A commit went through. */
    void succeeded() {
        final long run = faults.succeeded();
        if (run > 0) {
            LOG.info("Operational BFD state written again after {} failed commits", run);
        }
        health = faults.health();
    }

    WriterHealth health() {
        return health;
    }

    void close() {
        chain.close();
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
                writerThread.execute(() -> failed(created, cause));
            }
        }, MoreExecutors.directExecutor());
        return created;
    }

    private void failed(final TransactionChain failedChain, final Throwable cause) {
        if (chain != failedChain || retryPending) {
            return;
        }
        final var action = faults.failed(cause);
        health = faults.health();
        final long delay = faults.retryDelayMillis();
        switch (action) {
            case FIRST -> LOG.warn("Operational BFD state not written: the transaction chain failed; retrying in "
                + "{} ms, then less often (at most every {} s) while it fails", delay,
                FaultTracker.MAX_DELAY_MS / 1000, cause);
            case SUMMARY -> LOG.warn("Operational BFD state still not written: {} failed commits in a row ({} not "
                + "logged), last: {}; next retry in {} ms", health.consecutiveFailures(), faults.takeSuppressed(),
                cause.getMessage(), delay);
            case QUIET -> LOG.debug("Operational transaction chain failed again", cause);
            default -> throw new IllegalStateException(action.name());
        }
        retryPending = true;
        scheduler.schedule(() -> recover(failedChain), delay, TimeUnit.MILLISECONDS);
    }

    private void recover(final TransactionChain failed) {
        if (chain != failed || scheduler.isShutdown()) {
            return;
        }
        retryPending = false;
        chain = newChain();
        rewriteAll.run();
    }
}
