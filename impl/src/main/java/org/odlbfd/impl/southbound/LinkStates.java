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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.southbound.Wanted.Origin;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Links;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.Link;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.LinkBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.LinkKey;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.State;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code odl-bfd-ext:links/link[name]} in the operational datastore: the link as configured,
 * and in {@code state} both ends' views and the mismatches between them ({@link LinkViews}). Runs
 * on the southbound's event thread; updates are gathered for a few milliseconds and written in one
 * transaction.
 */
final class LinkStates {
    private static final Logger LOG = LoggerFactory.getLogger(LinkStates.class);
    private static final long FLUSH_DELAY_MS = 20;

    private final DataBroker dataBroker;
    private final ScheduledExecutorService loop;
    private final Map<String, Link> links = new HashMap<>();
    private final Map<String, LinkViews.End> endsA = new HashMap<>();
    private final Map<String, LinkViews.End> endsB = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> deleted = new HashSet<>();
    private boolean scheduled;

    LinkStates(final DataBroker dataBroker, final ScheduledExecutorService loop) {
        this.dataBroker = requireNonNull(dataBroker);
        this.loop = requireNonNull(loop);
    }

    /**
     * The configured links changed.
     *
     * @param config every link by name
     */
    void configured(final Map<String, Link> config) {
        for (var name : Set.copyOf(links.keySet())) {
            if (!config.containsKey(name)) {
                links.remove(name);
                endsA.remove(name);
                endsB.remove(name);
                dirty.remove(name);
                deleted.add(name);
            }
        }
        for (var entry : config.entrySet()) {
            links.put(entry.getKey(), entry.getValue());
            deleted.remove(entry.getKey());
            changed(entry.getKey());
        }
    }

    /**
     * One end's placement or device view changed.
     *
     * @param end the end
     * @param node its device
     * @param status its placement
     * @param view the device's operational entry, or null
     */
    void end(final Origin.LinkEnd end, final String node, final EntryStatus status, final @Nullable DataObject view) {
        if (!links.containsKey(end.link())) {
            return;
        }
        final var facts = new LinkViews.End(node, status.status(), status.error(),
            status.lastSynced() == null ? null : new DateAndTime(status.lastSynced().toString()),
            view instanceof Session session ? session : null, end.localDiscriminator(), end.remoteDiscriminator());
        (end.endA() ? endsA : endsB).put(end.link(), facts);
        changed(end.link());
    }

    /**
     * An end left its device (the link's end moved, or the link went).
     *
     * @param end the end
     * @param node the device it left
     */
    void gone(final Origin.LinkEnd end, final String node) {
        final var ends = end.endA() ? endsA : endsB;
        final var facts = ends.get(end.link());
        if (facts != null && facts.node().equals(node)) {
            ends.remove(end.link());
            changed(end.link());
        }
    }

    private void changed(final String name) {
        if (!links.containsKey(name)) {
            return;
        }
        dirty.add(name);
        schedule();
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            loop.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        scheduled = false;
        if (dirty.isEmpty() && deleted.isEmpty()) {
            return;
        }
        final var tx = dataBroker.newWriteOnlyTransaction();
        for (var name : deleted) {
            tx.delete(LogicalDatastoreType.OPERATIONAL, linkPath(name));
        }
        for (var name : dirty) {
            final var link = links.get(name);
            if (link != null) {
                // the whole entry: the operational datastore checks the link's mandatory leaves too
                tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, linkPath(name),
                    new LinkBuilder(link).setState(state(link, endsA.get(name), endsB.get(name))).build());
            }
        }
        deleted.clear();
        dirty.clear();
        tx.commit().addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                LOG.trace("Link states written");
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Link states not written, writing them again", cause);
                loop.execute(() -> {
                    dirty.addAll(links.keySet());
                    schedule();
                });
            }
        }, MoreExecutors.directExecutor());
    }

    private static State state(final Link link, final LinkViews.@Nullable End endA,
            final LinkViews.@Nullable End endB) {
        return LinkViews.state(endA != null ? endA : unknown(link.getEndA() == null ? "" : link.getEndA().getNode()),
            endB != null ? endB : unknown(link.getEndB() == null ? "" : link.getEndB().getNode()));
    }

    private static LinkViews.End unknown(final @Nullable String node) {
        return new LinkViews.End(node == null ? "" : node, null, null, null, null, 0, 0);
    }

    static DataObjectIdentifier<Link> linkPath(final String name) {
        return DataObjectIdentifier.builder(Links.class).child(Link.class, new LinkKey(name)).build();
    }

}
