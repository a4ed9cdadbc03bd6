/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FluentFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.mdsal.dom.api.DOMDataTreeReadWriteTransaction;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * A read-write transaction of the {@link ValidatingDataBroker} that remembers where it wrote, so that
 * its commit asks exactly the cohorts watching those subtrees.
 */
final class CheckedTransaction implements DOMDataTreeReadWriteTransaction {
    private final ValidatingDataBroker broker;
    private final DOMDataTreeReadWriteTransaction delegate;
    private final List<DOMDataTreeIdentifier> writes = new ArrayList<>();

    CheckedTransaction(final ValidatingDataBroker broker, final DOMDataTreeReadWriteTransaction delegate) {
        this.broker = requireNonNull(broker);
        this.delegate = requireNonNull(delegate);
    }

    @Override
    public Object getIdentifier() {
        return delegate.getIdentifier();
    }

    @Override
    public FluentFuture<Optional<NormalizedNode>> read(final LogicalDatastoreType store,
            final YangInstanceIdentifier path) {
        return delegate.read(store, path);
    }

    @Override
    public FluentFuture<Boolean> exists(final LogicalDatastoreType store, final YangInstanceIdentifier path) {
        return delegate.exists(store, path);
    }

    @Override
    public void put(final LogicalDatastoreType store, final YangInstanceIdentifier path, final NormalizedNode data) {
        delegate.put(store, path, data);
        wrote(store, path);
    }

    @Override
    public void merge(final LogicalDatastoreType store, final YangInstanceIdentifier path, final NormalizedNode data) {
        delegate.merge(store, path, data);
        wrote(store, path);
    }

    @Override
    public void delete(final LogicalDatastoreType store, final YangInstanceIdentifier path) {
        delegate.delete(store, path);
        wrote(store, path);
    }

    private synchronized void wrote(final LogicalDatastoreType store, final YangInstanceIdentifier path) {
        writes.add(DOMDataTreeIdentifier.of(store, path));
    }

    @Override
    public FluentFuture<?> completionFuture() {
        return delegate.completionFuture();
    }

    @Override
    public FluentFuture<? extends CommitInfo> commit() {
        final List<DOMDataTreeIdentifier> written;
        synchronized (this) {
            written = List.copyOf(writes);
        }
        return broker.commit(delegate, written);
    }

    @Override
    public boolean cancel() {
        return delegate.cancel();
    }
}
