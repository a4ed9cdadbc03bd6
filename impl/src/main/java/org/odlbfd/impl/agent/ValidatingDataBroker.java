/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.util.concurrent.FluentFuture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.TransactionCommitFailedException;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.mdsal.dom.api.DOMDataTreeReadTransaction;
import org.opendaylight.mdsal.dom.api.DOMDataTreeReadWriteTransaction;
import org.opendaylight.mdsal.dom.api.DOMTransactionChain;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * The remote agent's DOM data broker: mdsal's serialized in-memory broker plus the commit-cohort
 * extension it lacks ({@code InMemoryDOMDataStore} has no cohorts; only the controller's clustered
 * datastore does). With it, the same {@code ConfigValidatorCohort} that guards the controller refuses
 * invalid ietf-bfd configuration a NETCONF {@code <commit>} brings to the agent.
 *
 * <p>Every write transaction is a read-write one underneath, so that at commit the subtree a cohort
 * watches can be read as the transaction leaves it. The cohort sees that subtree's whole state before
 * and after (the committed snapshot and the transaction's view), which is all the BFD validator uses;
 * its child nodes are the container delta. Commits that touch a watched subtree are checked and
 * committed one at a time, so the "before" a cohort judges is the state the commit lands on.
 * Transaction chains are passed through unchecked: only the operational writer uses them.
 */
final class ValidatingDataBroker implements DOMDataBroker {
    private final DOMDataBroker delegate;
    private final Supplier<EffectiveModelContext> modelContext;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final ReentrantLock commitLock = new ReentrantLock();
    private final List<Extension> extensions;

    private record Watch(DOMDataTreeIdentifier tree, DOMDataTreeCommitCohort cohort) {
        boolean touchedBy(final LogicalDatastoreType store, final YangInstanceIdentifier path) {
            return tree.datastore() == store && (tree.path().contains(path) || path.contains(tree.path()));
        }
    }

    ValidatingDataBroker(final DOMDataBroker delegate, final Supplier<EffectiveModelContext> modelContext) {
        this.delegate = requireNonNull(delegate);
        this.modelContext = requireNonNull(modelContext);
        extensions = ImmutableList.<Extension>builder().addAll(delegate.supportedExtensions())
            .add((CommitCohortExtension) this::registerCommitCohort).build();
    }

    private Registration registerCommitCohort(final DOMDataTreeIdentifier path, final DOMDataTreeCommitCohort cohort) {
        final var watch = new Watch(path, cohort);
        watches.add(watch);
        return () -> watches.remove(watch);
    }

    @Override
    public List<Extension> supportedExtensions() {
        return extensions;
    }

    @Override
    public DOMDataTreeReadTransaction newReadOnlyTransaction() {
        return delegate.newReadOnlyTransaction();
    }

    @Override
    public DOMDataTreeReadWriteTransaction newWriteOnlyTransaction() {
        return newReadWriteTransaction();
    }

    @Override
    public DOMDataTreeReadWriteTransaction newReadWriteTransaction() {
        return new CheckedTransaction(this, delegate.newReadWriteTransaction());
    }

    @Override
    public DOMTransactionChain createTransactionChain() {
        return delegate.createTransactionChain();
    }

    @Override
    public DOMTransactionChain createMergingTransactionChain() {
        return delegate.createMergingTransactionChain();
    }

    /**
     * Commits {@code tx} after asking the cohorts of every watched subtree it wrote to.
     *
     * @param tx the transaction, its writes done
     * @param writes what it wrote to: (datastore, path) pairs
     * @return the commit's outcome; a refusal is the cohort's exception
     */
    FluentFuture<? extends CommitInfo> commit(final DOMDataTreeReadWriteTransaction tx,
            final List<DOMDataTreeIdentifier> writes) {
        final var concerned = watches.stream()
            .filter(watch -> writes.stream().anyMatch(write -> watch.touchedBy(write.datastore(), write.path())))
            .toList();
        if (concerned.isEmpty()) {
            return tx.commit();
        }
        commitLock.lock();
        try {
            for (var watch : concerned) {
                final var candidate = candidate(tx, watch.tree());
                watch.cohort().canCommit(tx.getIdentifier(), modelContext.get(), List.of(candidate)).get();
            }
            return FluentFutures.immediateFluentFuture(tx.commit().get());
        } catch (ExecutionException e) {
            tx.cancel();
            final var cause = e.getCause();
            return FluentFutures.immediateFailedFluentFuture(cause instanceof TransactionCommitFailedException failed
                ? failed : new TransactionCommitFailedException("commit failed", cause));
        } catch (InterruptedException e) {
            tx.cancel();
            Thread.currentThread().interrupt();
            return FluentFutures.immediateFailedFluentFuture(new TransactionCommitFailedException("interrupted", e));
        } finally {
            commitLock.unlock();
        }
    }

    private DOMDataTreeCandidate candidate(final DOMDataTreeReadWriteTransaction tx, final DOMDataTreeIdentifier tree)
            throws InterruptedException, ExecutionException {
        final NormalizedNode after = tx.read(tree.datastore(), tree.path()).get().orElse(null);
        final NormalizedNode before;
        try (var snapshot = delegate.newReadOnlyTransaction()) {
            before = snapshot.read(tree.datastore(), tree.path()).get().orElse(null);
        }
        // a watch on the whole datastore (the BFD cohort's) is named like the datastore's root container
        final var name = tree.path().isEmpty() ? new NodeIdentifier(SchemaContext.NAME)
            : tree.path().getLastPathArgument();
        final var rootNode = SubtreeChange.of(name, before, after);
        return new DOMDataTreeCandidate() {
            @Override
            public DOMDataTreeIdentifier getRootPath() {
                return tree;
            }

            @Override
            public DataTreeCandidateNode getRootNode() {
                return rootNode;
            }
        };
    }
}
