/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.CommitInfo;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Empty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the tracker computes into the operational datastore: the RIBs (each written whole:
 * RFC 8349's route list has no key), each configured route's next-hop state leaves, the
 * interfaces' BFD status; and publishes a next-hops-changed notification per route whose next hops
 * in use changed. Updates are gathered for {@value #FLUSH_DELAY_MS} ms and committed together on a
 * merging transaction chain, re-created (and everything rewritten) after a failure.
 */
public final class RibWriter implements RouteOutput {
    private static final Logger LOG = LoggerFactory.getLogger(RibWriter.class);
    /** Small against any detection time; long enough to gather a burst (1,000 routes on one Down). */
    static final long FLUSH_DELAY_MS = 2;

    private final DataBroker dataBroker;
    private final NotificationPublishService notifications;
    private final LatencyLog latency;
    private final ScheduledExecutorService executor;
    /**
     * Publishes next-hops-changed: each offer serializes the notification on the caller's thread,
     * which for a thousand routes at once took longer than writing the RIB, so not on the writer's.
     */
    private final java.util.concurrent.ExecutorService publisher;
    private final java.time.Instant started = java.time.Instant.now();
    // confined to the executor's thread
    private final Map<String, Map<Prefix, RouteState>> ribs = new HashMap<>();
    private final Map<String, Boolean> ribFamilies = new HashMap<>();
    private final Set<String> dirtyRibs = new HashSet<>();
    private final Map<RouteId, Optional<RouteState>> dirtyRoutes = new LinkedHashMap<>();
    private final Map<String, Set<Prefix>> instanceRoutes = new HashMap<>();
    private final Set<String> goneInstances = new HashSet<>();
    private Map<String, InterfaceStatus.Status> interfaces = Map.of();
    private final Set<String> dirtyInterfaces = new HashSet<>();
    private final List<long[]> pendingEvents = new ArrayList<>();
    private TransactionChain chain;
    private boolean flushScheduled;
    private com.google.common.util.concurrent.FluentFuture<? extends CommitInfo> lastCommit =
        com.google.common.util.concurrent.FluentFuture.from(
            com.google.common.util.concurrent.Futures.immediateFuture(CommitInfo.empty()));

    /**
     * Creates the writer.
     *
     * @param dataBroker the binding data broker
     * @param notifications where next-hops-changed goes
     * @param latency where commit latencies go
     */
    public RibWriter(final DataBroker dataBroker, final NotificationPublishService notifications,
            final LatencyLog latency) {
        this.dataBroker = requireNonNull(dataBroker);
        this.notifications = requireNonNull(notifications);
        this.latency = requireNonNull(latency);
        executor = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-rib-writer").setDaemon(true).build());
        publisher = Executors.newSingleThreadExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-route-notifications").setDaemon(true).build());
        chain = newChain();
    }

    @Override
    public void routesChanged(final List<RouteChange> changes, final long eventNanos) {
        final List<RouteChange> copy = List.copyOf(changes);
        executor.execute(() -> {
            int inUse = 0;
            final List<RouteChange> notify = new ArrayList<>();
            for (RouteChange change : copy) {
                final RouteState after = change.after();
                final RouteState last = after != null ? after : requireNonNull(change.before());
                final String rib = RibMapper.ribName(last.vrf(), last.prefix().ipv4());
                final var routes = ribs.computeIfAbsent(rib, k -> new LinkedHashMap<>());
                ribFamilies.put(rib, last.prefix().ipv4());
                final boolean changed = after != null && after.active()
                    ? !after.equals(routes.put(last.prefix(), after)) : routes.remove(last.prefix()) != null;
                if (changed) {
                    dirtyRibs.add(rib);
                }
                dirtyRoutes.put(change.id(), Optional.ofNullable(after));
                final var mine = instanceRoutes.computeIfAbsent(change.id().instance(), k -> new HashSet<>());
                if (after != null) {
                    mine.add(change.id().prefix());
                    goneInstances.remove(change.id().instance());
                } else if (mine.remove(change.id().prefix()) && mine.isEmpty()) {
                    // the instance's last route: its whole operational entry goes
                    instanceRoutes.remove(change.id().instance());
                    goneInstances.add(change.id().instance());
                }
                if (change.inUseChanged()) {
                    inUse++;
                    notify.add(change);
                }
            }
            if (!notify.isEmpty()) {
                publisher.execute(() -> notify.forEach(this::publish));
            }
            if (eventNanos != 0) {
                pendingEvents.add(new long[] {eventNanos, inUse});
            }
            schedule();
        });
    }

    @Override
    public void interfaces(final Map<String, InterfaceStatus.Status> statuses) {
        final var copy = Map.copyOf(statuses);
        executor.execute(() -> {
            for (var name : interfaces.keySet()) {
                if (!copy.containsKey(name)) {
                    dirtyInterfaces.add(name);
                }
            }
            for (var entry : copy.entrySet()) {
                if (!entry.getValue().equals(interfaces.get(entry.getKey()))) {
                    dirtyInterfaces.add(entry.getKey());
                }
            }
            interfaces = copy;
            schedule();
        });
    }

    private void publish(final RouteChange change) {
        if (notifications.offerNotification(ChangeNotifications.of(change)) == NotificationPublishService.REJECTED) {
            LOG.warn("next-hops-changed for {} dropped: the notification queue is full", change.id());
        }
    }

    private void schedule() {
        if (!flushScheduled) {
            flushScheduled = true;
            executor.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushScheduled = false;
        if (dirtyRibs.isEmpty() && dirtyRoutes.isEmpty() && dirtyInterfaces.isEmpty() && goneInstances.isEmpty()) {
            return;
        }
        final long start = System.nanoTime();
        final WriteTransaction tx = chain.newWriteOnlyTransaction();
        for (String rib : dirtyRibs) {
            final var routes = ribs.getOrDefault(rib, Map.of());
            if (routes.isEmpty()) {
                tx.delete(LogicalDatastoreType.OPERATIONAL, RibMapper.ribPath(rib));
                ribs.remove(rib);
            } else {
                tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, RibMapper.ribPath(rib),
                    RibMapper.rib(rib, ribFamilies.get(rib), routes.values()));
            }
        }
        for (var entry : dirtyRoutes.entrySet()) {
            if (!goneInstances.contains(entry.getKey().instance())) {
                write(tx, StateMapper.routePath(entry.getKey()), entry.getValue().map(StateMapper::route).orElse(null));
            }
        }
        for (String instance : goneInstances) {
            tx.delete(LogicalDatastoreType.OPERATIONAL, StateMapper.protocolPath(instance));
        }
        goneInstances.clear();
        for (String name : dirtyInterfaces) {
            final var status = interfaces.get(name);
            if (status == null || status.link() == null) {
                // the entry was ours (nothing else in the controller writes operational interfaces); a
                // link the kernel does not know has no if-index, which RFC 8343 requires: no entry
                tx.delete(LogicalDatastoreType.OPERATIONAL, RibMapper.interfacePath(name));
            } else {
                tx.mergeParentStructureMerge(LogicalDatastoreType.OPERATIONAL, RibMapper.interfacePath(name),
                    RibMapper.interfaceStatus(name, status, status.link(), started));
            }
        }
        final int routes = dirtyRoutes.size();
        dirtyRibs.clear();
        dirtyRoutes.clear();
        dirtyInterfaces.clear();
        final List<long[]> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        final long built = System.nanoTime();
        lastCommit = tx.commit();
        lastCommit.addCallback(new FutureCallback<CommitInfo>() {
            @Override
            public void onSuccess(final CommitInfo result) {
                final String detail = routes + " route state(s) written: transaction built in "
                    + (built - start) / 1_000_000 + " ms, committed in " + (System.nanoTime() - built) / 1_000_000
                    + " ms";
                for (long[] event : events) {
                    latency.record(LatencyLog.Stage.RIB, event[0], (int) event[1], detail);
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("Operational RIB write of {} route(s) failed", routes, cause);
            }
        }, MoreExecutors.directExecutor());
    }

    @SuppressWarnings("unchecked")
    private static <T extends DataObject> void write(final WriteTransaction tx, final DataObjectIdentifier<T> path,
            final DataObject data) {
        if (data == null) {
            tx.delete(LogicalDatastoreType.OPERATIONAL, path);
        } else {
            tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL, path, (T) data);
        }
    }

    private TransactionChain newChain() {
        final var created = dataBroker.createMergingTransactionChain();
        created.addCallback(new FutureCallback<Empty>() {
            @Override
            public void onSuccess(final Empty result) {
                LOG.debug("RIB transaction chain closed");
            }

            @Override
            public void onFailure(final Throwable cause) {
                LOG.warn("RIB transaction chain failed, rewriting the operational RIB", cause);
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
        dirtyRibs.addAll(ribs.keySet());
        dirtyInterfaces.addAll(interfaces.keySet());
        schedule();
    }

    /**
     * Waits until everything queued before this call is committed; for tests and shutdown.
     *
     * @param timeoutMillis at most this long
     * @return true when drained
     */
    public boolean drain(final long timeoutMillis) {
        try {
            executor.submit(this::flush).get(timeoutMillis, TimeUnit.MILLISECONDS);
            executor.submit(() -> lastCommit).get(timeoutMillis, TimeUnit.MILLISECONDS)
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("RIB writer did not drain", e);
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
        publisher.shutdown();
        chain.close();
    }
}
