/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.southbound.SyncPlan.Change;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The NETCONF operations of one pass, through a mounted device's data broker: each returns at once
 * with a future (ODL's NETCONF client is asynchronous), bounded by a backstop timeout.
 */
final class DeviceIo {
    /** ODL's NETCONF client times requests out after 60 s by default; ours is a backstop. */
    private static final long OPERATION_TIMEOUT_S = 90;

    private final DOMDataBroker broker;
    private final DeviceSupport support;
    private final DeviceDom dom;
    private final ScheduledExecutorService loop;

    DeviceIo(final DOMDataBroker broker, final DeviceSupport support, final DeviceDom dom,
            final ScheduledExecutorService loop) {
        this.broker = requireNonNull(broker);
        this.support = requireNonNull(support);
        this.dom = requireNonNull(dom);
        this.loop = requireNonNull(loop);
    }

    DeviceSupport support() {
        return support;
    }

    DOMDataBroker broker() {
        return broker;
    }

    /**
     * Reads the device's configuration: control-plane-protocols, key-chains and interfaces, the last
     * two only when the device implements their modules.
     *
     * @return the three containers, in that order
     */
    ListenableFuture<List<Optional<NormalizedNode>>> readConfig() {
        final var tx = broker.newReadOnlyTransaction();
        final var protocols = timed(tx.read(LogicalDatastoreType.CONFIGURATION, dom.protocolsPath()));
        final ListenableFuture<Optional<NormalizedNode>> chains = support.keyChain()
            ? timed(tx.read(LogicalDatastoreType.CONFIGURATION, dom.keyChainsPath()))
            : Futures.immediateFuture(Optional.empty());
        final ListenableFuture<Optional<NormalizedNode>> interfaces = support.interfaces()
            ? timed(tx.read(LogicalDatastoreType.CONFIGURATION, dom.interfacesPath()))
            : Futures.immediateFuture(Optional.empty());
        tx.close();
        return Futures.allAsList(protocols, chains, interfaces);
    }

    /**
     * Reads the device's operational control-plane-protocols (a NETCONF {@code <get>}).
     *
     * @return the container
     */
    ListenableFuture<Optional<NormalizedNode>> readState() {
        final var tx = broker.newReadOnlyTransaction();
        final var oper = timed(tx.read(LogicalDatastoreType.OPERATIONAL, dom.protocolsPath()));
        tx.close();
        return oper;
    }

    /**
     * Writes changes in one commit; an edit shared by several changes (a key chain) is sent once.
     *
     * @param changes the changes
     * @return the commit
     */
    ListenableFuture<?> commit(final List<Change> changes) {
        final var tx = broker.newWriteOnlyTransaction();
        final var done = new HashSet<>();
        for (var change : changes) {
            for (var edit : change.edits()) {
                if (!done.add(edit.path())) {
                    continue;
                }
                if (edit.node() == null) {
                    tx.delete(LogicalDatastoreType.CONFIGURATION, edit.path());
                } else if (edit.merge()) {
                    tx.merge(LogicalDatastoreType.CONFIGURATION, edit.path(), edit.node());
                } else {
                    tx.put(LogicalDatastoreType.CONFIGURATION, edit.path(), edit.node());
                }
            }
        }
        return timed(tx.commit());
    }

    /**
     * The device's words about a refused change, and what the controller knows of the likely cause.
     *
     * @param node the device
     * @param change the refused change
     * @param config the device's configuration when it refused
     * @param failure what the commit failed with
     * @return the text for placement/error-message
     */
    String refusal(final String node, final Change change, final DeviceDom.DeviceConfig config,
            final Throwable failure) {
        final var text = node + " refused it: " + DeviceErrors.text(failure);
        if (change.key().session() instanceof SingleHopKey sh && support.interfaces()
                && !config.interfaces().contains(sh.interfaceName())) {
            return text + " (interface " + sh.interfaceName() + " is not configured in " + node
                + "'s ietf-interfaces; RFC 9314 ip-sh sessions refer to it, and the controller does not create it)";
        }
        return text;
    }

    private <T> ListenableFuture<T> timed(final ListenableFuture<T> future) {
        return Futures.withTimeout(future, OPERATION_TIMEOUT_S, TimeUnit.SECONDS, loop);
    }
}
