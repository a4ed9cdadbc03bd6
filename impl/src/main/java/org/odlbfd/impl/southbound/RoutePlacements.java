/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.control.plane.protocol.StaticRoutes;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.StaticRoutes1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.placement.parms.Placement;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The odl-bfd-static-route {@code placement} status of static instances placed on devices, in the
 * controller's operational datastore (beside the next hops' state the tracker writes there). Writes
 * are batched on the southbound's loop; a failed write is written again.
 */
final class RoutePlacements implements DeviceRoutes.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(RoutePlacements.class);

    private final DataBroker dataBroker;
    private final ScheduledExecutorService loop;
    // confined to the loop
    private final Map<String, Placement> current = new HashMap<>();
    private final Map<String, Placement> dirty = new LinkedHashMap<>();
    private final Set<String> deleted = new HashSet<>();
    private boolean scheduled;

    RoutePlacements(final DataBroker dataBroker, final ScheduledExecutorService loop) {
        this.dataBroker = requireNonNull(dataBroker);
        this.loop = requireNonNull(loop);
    }

    @Override
    public void status(final String instance, final String node, final EntryStatus status) {
        final var placement = PlacedEntries.placement(node, status);
        current.put(instance, placement);
        dirty.put(instance, placement);
        deleted.remove(instance);
        schedule();
    }

    @Override
    public void gone(final String instance, final String node) {
        final var placement = current.get(instance);
        if (placement != null && node.equals(placement.getNode())) {
            current.remove(instance);
            dirty.remove(instance);
            deleted.add(instance);
            schedule();
        }
    }

    static DataObjectIdentifier<Placement> path(final String instance) {
        return RouteForm.path(instance).toBuilder().child(StaticRoutes.class).augmentation(StaticRoutes1.class)
            .child(Placement.class).build();
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            loop.execute(this::flush);
        }
    }

    private void flush() {
        scheduled = false;
        if (dirty.isEmpty() && deleted.isEmpty()) {
            return;
        }
        final var tx = dataBroker.newWriteOnlyTransaction();
        deleted.forEach(name -> tx.delete(LogicalDatastoreType.OPERATIONAL, path(name)));
        dirty.forEach((name, placement) -> tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, path(name),
            placement));
        deleted.clear();
        dirty.clear();
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                LOG.trace("Static route placements written");
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Static route placements not written, writing them again", cause);
                loop.execute(() -> {
                    dirty.putAll(current);
                    schedule();
                });
            }
        }, MoreExecutors.directExecutor());
    }
}
