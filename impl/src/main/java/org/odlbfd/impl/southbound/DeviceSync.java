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
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.southbound.SyncPlan.Change;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;
import org.opendaylight.yangtools.binding.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's write queue and mirror. Everything runs on the southbound's event thread, and every
 * NETCONF operation is asynchronous, so a device that answers slowly or not at all holds up only its
 * own queue: at most one pass is in flight per device, and requests that arrive meanwhile fold into
 * one more pass. A pass reads the device's configuration, compares it with the intent
 * ({@link SyncPlan}), writes the differences in one commit (or one commit per entry when that one
 * is refused, so each refusal lands on its own entry), then reads the device's operational ietf-bfd.
 * The same pass runs when the device connects (reconciliation), when the intent changes, and every
 * poll period (drift: the configuration edited on the device, or the device restarted empty).
 */
final class DeviceSync {
    /** The southbound's side: placement and device views go there. */
    interface Sink {
        void entry(String node, Wanted wanted, EntryStatus status, @Nullable DataObject view);

        void gone(String node, Wanted wanted);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSync.class);

    private final String node;
    private final DeviceDom dom;
    private final ScheduledExecutorService loop;
    private final Sink sink;
    private final DeviceRoutes routes;
    private DeviceIntent intent;
    private final Map<EntryKey, EntryStatus> statuses = new HashMap<>();
    private final Map<EntryKey, DataObject> views = new HashMap<>();
    private final Set<String> rendered = new HashSet<>();
    private final Map<EntryKey, SyncPlan.Refused> refused = new HashMap<>();
    private @Nullable DeviceIo io;
    private String connection = "it is not in topology-netconf";
    private int generation;
    private boolean busy;
    private boolean again;
    private boolean reconnected;

    DeviceSync(final String node, final DeviceDom dom, final ScheduledExecutorService loop, final Sink sink,
            final DeviceRoutes routes) {
        this.routes = requireNonNull(routes);
        this.node = requireNonNull(node);
        this.dom = requireNonNull(dom);
        this.loop = requireNonNull(loop);
        this.sink = requireNonNull(sink);
        intent = DeviceIntent.empty(node);
    }

    String node() {
        return node;
    }

    DeviceIntent intent() {
        return intent;
    }

    /**
     * The device's static routes (placed static instances), synchronised in the same pass.
     *
     * @return its routes
     */
    DeviceRoutes routes() {
        return routes;
    }

    /**
     * New routes for the device: they wait for the next pass, which is requested.
     *
     * @param next the placed instances on this device
     * @param eventNanos when the BFD event behind them was heard, 0 for a configuration change
     */
    void updateRoutes(final Map<String, org.odlbfd.impl.routetracker.PlacedRoutes> next, final long eventNanos) {
        routes.update(next, eventNanos, waiting());
        requestSync();
    }

    boolean connected() {
        return io != null;
    }

    /**
     * The intent changed: changed entries wait for the device again, removed ones leave its mirror.
     *
     * @param next the new intent
     */
    void update(final DeviceIntent next) {
        final var previous = intent;
        intent = next;
        for (var old : previous.entries().values()) {
            final var now = next.entries().get(old.key());
            if (now == null || !sameSource(now.origin(), old.origin())) {
                sink.gone(node, old);
            }
            if (now == null) {
                statuses.remove(old.key());
                views.remove(old.key());
            } else if (!now.config().equals(old.config()) || !java.util.Objects.equals(now.error(), old.error())) {
                final var last = statuses.get(old.key());
                statuses.put(old.key(), EntryStatus.pending(waiting(), last == null ? null : last.lastSynced()));
            }
        }
        for (var old : previous.refused()) {
            if (!next.refused().contains(old)) {
                sink.gone(node, old);
            }
        }
        publish();
        requestSync();
    }

    /**
     * The device's mount point appeared: the device is connected and its schema known.
     *
     * @param deviceBroker its data broker
     * @param deviceSupport what it implements
     */
    void mounted(final DOMDataBroker deviceBroker, final DeviceSupport deviceSupport) {
        generation++;
        io = new DeviceIo(deviceBroker, deviceSupport, dom, loop);
        busy = false;
        again = false;
        reconnected = true;
        refused.clear();
        if (!deviceSupport.problems().isEmpty()) {
            LOG.warn("Device {}: {}", node, String.join("; ", deviceSupport.problems()));
        }
        requestSync();
    }

    /** The mount point went: the device is disconnected; what it held may still run there. */
    void unmounted() {
        generation++;
        io = null;
        busy = false;
        views.clear();
        for (var entry : statuses.entrySet()) {
            final var status = entry.getValue();
            entry.setValue(status.isApplied() || status.status() == PlacementStatus.Unreachable
                ? EntryStatus.unreachable("the connection to " + node + " is lost (" + connection
                    + "); the device may still run it", status.lastSynced())
                : EntryStatus.pending(waiting(), status.lastSynced()));
        }
        routes.disconnected(connection);
        publish();
    }

    /**
     * The node's connection-status in topology-netconf, for the messages of waiting entries.
     *
     * @param status connecting, connected, unable-to-connect, or null when the node is gone
     */
    void connection(final @Nullable String status) {
        connection = status == null ? "it is not in topology-netconf" : "connection-status " + status;
        if (io == null) {
            for (var entry : statuses.entrySet()) {
                final var old = entry.getValue();
                entry.setValue(old.status() == PlacementStatus.Pending
                    ? EntryStatus.pending(waiting(), old.lastSynced())
                    : EntryStatus.unreachable("the connection to " + node + " is lost (" + connection
                        + "); the device may still run it", old.lastSynced()));
            }
            routes.disconnected(connection);
            publish();
        }
    }

    /** Runs a pass unless one is under way, in which case one more follows it. */
    void requestSync() {
        if (io == null || bfdIdle() && routes.idle()) {
            // not connected, or nothing of ours on this device: no NETCONF traffic
            return;
        }
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        again = false;
        runPass();
    }

    /**
     * A device notification changed an entry's state: show it at once.
     *
     * @param key the entry
     * @param view the entry's new view
     */
    void notified(final EntryKey key, final DataObject view) {
        final var wanted = intent.entries().get(key);
        if (wanted != null && io != null) {
            views.put(key, view);
            sink.entry(node, wanted, statuses.getOrDefault(key, EntryStatus.pending(waiting(), null)), view);
        }
    }

    /**
     * The current view of an entry, for notifications to update.
     *
     * @param key the entry
     * @return its view, or null
     */
    @Nullable DataObject view(final EntryKey key) {
        return views.get(key);
    }

    /** Whether two origins are the same session of the same intent (its settings may differ). */
    private static boolean sameSource(final Wanted.Origin first, final Wanted.Origin second) {
        return switch (first) {
            case Wanted.Origin.Placed pa -> second instanceof Wanted.Origin.Placed pb
                && pa.protocol().equals(pb.protocol()) && pa.key().equals(pb.key());
            case Wanted.Origin.LinkEnd la -> second instanceof Wanted.Origin.LinkEnd lb && la.link().equals(lb.link())
                && la.endA() == lb.endA();
        };
    }

    private String waiting() {
        return io == null ? "waiting for " + node + " to connect: " + connection
            : "being written to " + node;
    }

    private boolean bfdIdle() {
        return intent.entries().isEmpty() && intent.refused().isEmpty() && rendered.isEmpty();
    }

    /** Static routes first (they follow BFD events, so they are the hurry), then the BFD sessions. */
    private void runPass() {
        final int pass = generation;
        on(routes.pass(requireNonNull(io).broker()), pass, done -> {
            if (bfdIdle()) {
                finishPass();
            } else {
                runBfdPass();
            }
        });
    }

    private void runBfdPass() {
        final int pass = generation;
        final var device = requireNonNull(io);
        final var deviceSupport = device.support();
        final var target = intent;
        final var managed = new HashSet<>(rendered);
        managed.addAll(target.instances());
        if (!deviceSupport.routing()) {
            // no ietf-routing/ietf-bfd on the device: nothing to read, every entry fails saying so
            final var nothing = dom.parseConfig(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), Set.of());
            SyncPlan.of(target, deviceSupport, nothing, Set.of(), dom, Map.of(), Instant.now()).failed()
                .forEach((key, why) -> statuses.put(key, EntryStatus.failed(why, lastSynced(key))));
            finishPass();
            return;
        }
        on(device.readConfig(), pass, read -> {
            final var config = dom.parseConfig(read.get(0), read.get(1), read.get(2), managed);
            final var now = Instant.now();
            refused.keySet().retainAll(target.entries().keySet());
            final var plan = SyncPlan.of(target, deviceSupport, config, managed, dom, refused, now);
            for (var key : plan.matched()) {
                statuses.put(key, EntryStatus.applied(now));
            }
            plan.failed().forEach((key, why) -> statuses.put(key, EntryStatus.failed(why, lastSynced(key))));
            rendered.addAll(target.instances());
            if (plan.changes().isEmpty()) {
                reconnected = false;
                readState(pass, managed);
            } else {
                write(pass, plan.changes(), config, managed);
            }
        });
    }

    private void write(final int pass, final List<Change> changes, final DeviceDom.DeviceConfig config,
            final Set<String> managed) {
        final var why = reconnected ? "reconciled after connecting" : "corrected";
        on(requireNonNull(io).commit(changes), pass, ok -> {
            final var now = Instant.now();
            for (var change : changes) {
                LOG.info("Device {}: {} {}: {}", node, why, change.key(), change.what());
                if (intent.entries().containsKey(change.key())) {
                    statuses.put(change.key(), EntryStatus.applied(now));
                }
            }
            reconnected = false;
            readState(pass, managed);
        }, failure -> {
            if (changes.size() == 1) {
                refused(changes.getFirst(), config, failure);
                readState(pass, managed);
            } else {
                // find out which entries the device refuses: one commit each
                writeEach(pass, new ArrayList<>(changes), config, managed);
            }
        });
    }

    private void writeEach(final int pass, final List<Change> left, final DeviceDom.DeviceConfig config,
            final Set<String> managed) {
        if (left.isEmpty()) {
            reconnected = false;
            readState(pass, managed);
            return;
        }
        final var change = left.removeFirst();
        final var rest = new ArrayList<>(left);
        left.clear();
        on(requireNonNull(io).commit(List.of(change)), pass, ok -> {
            LOG.info("Device {}: {} {}: {}", node, reconnected ? "reconciled after connecting" : "corrected",
                change.key(), change.what());
            if (intent.entries().containsKey(change.key())) {
                statuses.put(change.key(), EntryStatus.applied(Instant.now()));
            }
            writeEach(pass, rest, config, managed);
        }, failure -> {
            refused(change, config, failure);
            writeEach(pass, rest, config, managed);
        });
    }

    private void refused(final Change change, final DeviceDom.DeviceConfig config, final Throwable failure) {
        final var text = requireNonNull(io).refusal(node, change, config, failure);
        LOG.warn("Device {} refused {} ({}): {}", node, change.key(), change.what(), text);
        if (intent.entries().containsKey(change.key())) {
            statuses.put(change.key(), EntryStatus.failed(text, lastSynced(change.key())));
            refused.put(change.key(), new SyncPlan.Refused(change.edits(), Set.copyOf(config.interfaces()),
                Set.copyOf(config.chains().keySet()), Instant.now(), text));
        }
    }

    private void readState(final int pass, final Set<String> managed) {
        on(requireNonNull(io).readState(), pass, read -> {
            final var decoded = dom.decodeOper(read, managed,
                (key, why) -> LOG.debug("Device {}: state of {} not decoded: {}", node, key, why));
            views.keySet().retainAll(intent.entries().keySet());
            for (var key : intent.entries().keySet()) {
                final var view = decoded.get(key);
                if (view == null) {
                    views.remove(key);
                } else {
                    views.put(key, view);
                }
            }
            finishPass();
        }, failure -> {
            LOG.debug("Device {}: operational state not read: {}", node, DeviceErrors.text(failure));
            finishPass();
        });
    }

    private void finishPass() {
        publish();
        busy = false;
        if (again) {
            requestSync();
        }
    }

    private void publish() {
        for (var wanted : intent.entries().values()) {
            final var status = statuses.computeIfAbsent(wanted.key(), key -> EntryStatus.pending(waiting(), null));
            sink.entry(node, wanted, status, views.get(wanted.key()));
        }
        for (var wanted : intent.refused()) {
            sink.entry(node, wanted, EntryStatus.failed(requireNonNull(wanted.error()), null), null);
        }
    }

    private @Nullable Instant lastSynced(final EntryKey key) {
        final var status = statuses.get(key);
        return status == null ? null : status.lastSynced();
    }

    /** A step to run on the event thread when the future succeeds, unless the device went meanwhile. */
    @FunctionalInterface
    private interface Step<T> {
        void run(T value);
    }

    private <T> void on(final ListenableFuture<T> future, final int pass, final Step<T> success) {
        on(future, pass, success, failure -> {
            LOG.warn("Device {}: {}", node, DeviceErrors.text(failure));
            busy = false;
            if (again) {
                requestSync();
            }
        });
    }

    private <T> void on(final ListenableFuture<T> future, final int pass, final Step<T> success,
            final Step<Throwable> failure) {
        Futures.addCallback(future, new FutureCallback<T>() {
            @Override
            public void onSuccess(final T result) {
                if (pass == generation) {
                    success.run(result);
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (pass == generation) {
                    failure.run(cause);
                }
            }
        }, loop);
    }

    /**
     * Forgets everything about the device (its node left every intent and topology).
     *
     * @return the entries it mirrored, for the caller to remove
     */
    Map<EntryKey, Wanted> close() {
        generation++;
        io = null;
        final var entries = new LinkedHashMap<>(intent.entries());
        intent = DeviceIntent.empty(node);
        return entries;
    }
}
