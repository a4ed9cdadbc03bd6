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
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.routetracker.LatencyLog;
import org.odlbfd.impl.routetracker.NextHopConfig;
import org.odlbfd.impl.routetracker.PlacedRoutes;
import org.odlbfd.impl.routetracker.Prefix;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static routes of one device (controller-driven tracking, issue 11): the placed instances'
 * routes in use now, compared with the device's RFC 8349 configuration and corrected by one
 * commit. A step of the device's {@link DeviceSync} pass, so routes and BFD sessions share the
 * device's one queue (and its NETCONF lock), the pass on connect (reconciliation) and the poll
 * (drift); a slow device delays no other.
 */
final class DeviceRoutes {
    /** Where the instances' placement status goes. */
    interface Sink {
        void status(String instance, String node, EntryStatus status);

        void gone(String instance, String node);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRoutes.class);
    private static final long TIMEOUT_S = 90;
    /** A refused write is not sent again for this long while nothing changes. */
    private static final Duration RETRY = Duration.ofSeconds(60);

    private final String node;
    private final BindingNormalizedNodeSerializer codec;
    private final ScheduledExecutorService loop;
    private final Sink sink;
    private final LatencyLog latency;
    // confined to the southbound's loop thread
    private Map<String, PlacedRoutes> intent = Map.of();
    private long eventNanos;
    private final Map<String, EntryStatus> statuses = new HashMap<>();
    private final Set<String> rendered = new LinkedHashSet<>();
    private final Map<String, Refusal> refused = new HashMap<>();
    private RouteSupport support = RouteSupport.NONE;
    private boolean reconnected;

    private record Refusal(Map<Prefix, Set<NextHopConfig>> wanted, Instant at, String text) {
    }

    DeviceRoutes(final String node, final BindingNormalizedNodeSerializer codec, final ScheduledExecutorService loop,
            final Sink sink, final LatencyLog latency) {
        this.node = requireNonNull(node);
        this.codec = requireNonNull(codec);
        this.loop = requireNonNull(loop);
        this.sink = requireNonNull(sink);
        this.latency = requireNonNull(latency);
    }

    /** Whether nothing of ours is (or was) on the device: no traffic needed. */
    boolean idle() {
        return intent.isEmpty() && rendered.isEmpty();
    }

    /**
     * New routes for this device.
     *
     * @param next the placed instances on it
     * @param heardNanos when the BFD event behind them was heard, 0 for a configuration change
     * @param waiting why changed instances wait
     */
    void update(final Map<String, PlacedRoutes> next, final long heardNanos, final String waiting) {
        for (var name : intent.keySet()) {
            if (!next.containsKey(name)) {
                statuses.remove(name);
                refused.remove(name);
                sink.gone(name, node);
            }
        }
        for (var entry : next.entrySet()) {
            if (!entry.getValue().equals(intent.get(entry.getKey()))) {
                final var last = statuses.get(entry.getKey());
                put(entry.getKey(), EntryStatus.pending(waiting, last == null ? null : last.lastSynced()));
            }
        }
        intent = Map.copyOf(next);
        if (heardNanos != 0) {
            eventNanos = heardNanos;
        }
    }

    void mounted(final RouteSupport deviceSupport) {
        support = deviceSupport;
        reconnected = true;
        refused.clear();
    }

    /**
     * The device is not connected.
     *
     * @param why the connection's status, for the messages
     */
    void disconnected(final String why) {
        for (var name : intent.keySet()) {
            final var old = statuses.get(name);
            put(name, old != null && (old.isApplied() || old.status() == PlacementStatus.Unreachable)
                ? EntryStatus.unreachable("the connection to " + node + " is lost (" + why
                    + "); the device may still hold the routes", old.lastSynced())
                : EntryStatus.pending("waiting for " + node + " to connect: " + why, old == null ? null
                    : old.lastSynced()));
        }
    }

    /**
     * One pass: read the managed instances, write the differences in one commit.
     *
     * @param broker the device's data broker
     * @return done (never failed: failures land in the status)
     */
    ListenableFuture<?> pass(final DOMDataBroker broker) {
        if (idle()) {
            return Futures.immediateFuture(null);
        }
        final var target = intent;
        final long event = eventNanos;
        final List<String> managed = new ArrayList<>(target.keySet());
        rendered.stream().filter(name -> !target.containsKey(name)).forEach(managed::add);
        // the whole container, not the keyed entries: a subtree filter on the identityref key (type
        // rt:static) finds nothing on netconfd, so a keyed read would see every instance as missing
        final var tx = broker.newReadOnlyTransaction();
        final var protocols = codec.toYangInstanceIdentifier(RouteForm.PROTOCOLS);
        final var read = tx.read(LogicalDatastoreType.CONFIGURATION, protocols);
        tx.close();
        final ListenableFuture<?> done = Futures.transformAsync(timed(read),
            container -> compareAndWrite(broker, target, event, managed, entries(container, managed)), loop);
        return Futures.catching(done, Throwable.class, failure -> {
            LOG.warn("Device {}: static routes not synchronised: {}", node, DeviceErrors.text(failure));
            return null;
        }, MoreExecutors.directExecutor());
    }

    /** The managed instances' entries in the device's control-plane-protocols, in order. */
    private List<Optional<NormalizedNode>> entries(final Optional<NormalizedNode> container,
            final List<String> managed) {
        final List<Optional<NormalizedNode>> result = new ArrayList<>();
        final var list = container.filter(DataContainerNode.class::isInstance).map(DataContainerNode.class::cast)
            .flatMap(data -> Optional.ofNullable(data.childByArg(new NodeIdentifier(ControlPlaneProtocol.QNAME))))
            .filter(MapNode.class::isInstance).map(MapNode.class::cast);
        for (var name : managed) {
            final var key = (NodeIdentifierWithPredicates) codec.toYangInstanceIdentifier(RouteForm.path(name))
                .getLastPathArgument();
            result.add(list.flatMap(map -> Optional.ofNullable((NormalizedNode) map.childByArg(key))));
        }
        return result;
    }

    private ListenableFuture<?> compareAndWrite(final DOMDataBroker broker, final Map<String, PlacedRoutes> target,
            final long event, final List<String> managed, final List<Optional<NormalizedNode>> read) {
        final var now = Instant.now();
        final List<Write> writes = new ArrayList<>();
        for (int i = 0; i < managed.size(); i++) {
            final var name = managed.get(i);
            final var path = RouteForm.path(name);
            final var device = read.get(i).map(data -> (ControlPlaneProtocol) codec.fromNormalizedNode(
                codec.toYangInstanceIdentifier(path), data).getValue()).orElse(null);
            final var placed = target.get(name);
            if (placed == null) {
                if (device != null) {
                    writes.add(new Write(name, codec.toYangInstanceIdentifier(path), null,
                        "remove the instance (no longer placed here)", null));
                }
                rendered.remove(name);
                continue;
            }
            final var missing = support.missing(placed);
            if (missing != null) {
                put(name, EntryStatus.failed(missing, lastSynced(name)));
                continue;
            }
            final var wanted = RouteForm.wanted(placed);
            final List<String> errors = new ArrayList<>();
            final var held = RouteForm.held(device, errors);
            if (device != null && held.equals(wanted)) {
                put(name, EntryStatus.applied(now));
                continue;
            }
            final var before = refused.get(name);
            if (before != null && before.wanted().equals(wanted) && now.isBefore(before.at().plus(RETRY))) {
                put(name, EntryStatus.failed(before.text(), lastSynced(name)));
                continue;
            }
            final var desired = codec.toNormalizedDataObject(path, RouteForm.protocol(placed));
            writes.add(new Write(name, desired.path(), desired.node(), describe(held, wanted), wanted));
        }
        final var why = reconnected ? "reconciled after connecting" : "corrected";
        reconnected = false;
        return writeEach(broker, writes, event, why);
    }

    /**
     * One instance's write: the whole instance put, or deleted.
     *
     * @param wanted what it renders, null for a delete
     */
    private record Write(String name, YangInstanceIdentifier path, @Nullable NormalizedNode data, String what,
            @Nullable Map<Prefix, Set<NextHopConfig>> wanted) {
    }

    /** One commit per instance, in turn, so that a refused instance holds up no other one. */
    private ListenableFuture<?> writeEach(final DOMDataBroker broker, final List<Write> writes, final long event,
            final String why) {
        if (writes.isEmpty()) {
            return Futures.immediateFuture(null);
        }
        final var write = writes.getFirst();
        final var rest = writes.subList(1, writes.size());
        final var tx = broker.newWriteOnlyTransaction();
        if (write.data() == null) {
            tx.delete(LogicalDatastoreType.CONFIGURATION, write.path());
        } else {
            tx.put(LogicalDatastoreType.CONFIGURATION, write.path(), write.data());
        }
        final ListenableFuture<Boolean> committed = Futures.transform(timed(tx.commit()), info -> Boolean.TRUE,
            MoreExecutors.directExecutor());
        final ListenableFuture<Boolean> judged = Futures.catching(committed, Throwable.class, failure -> {
            final var text = node + " refused it: " + DeviceErrors.text(failure);
            LOG.warn("Device {} refused the static routes of {} ({}): {}", node, write.name(), write.what(), text);
            if (write.wanted() != null) {
                refused.put(write.name(), new Refusal(write.wanted(), Instant.now(), text));
                put(write.name(), EntryStatus.failed(text, lastSynced(write.name())));
            }
            return Boolean.FALSE;
        }, loop);
        return Futures.transformAsync(judged, ok -> {
            if (ok) {
                LOG.info("Device {}: {} static routes of {}: {}", node, why, write.name(), write.what());
                if (write.wanted() != null) {
                    rendered.add(write.name());
                    refused.remove(write.name());
                    put(write.name(), EntryStatus.applied(Instant.now()));
                    if (event != 0 && event == eventNanos) {
                        latency.record(LatencyLog.Stage.DEVICE, event, write.wanted().size(), node);
                        eventNanos = 0;
                    }
                }
            }
            return writeEach(broker, rest, event, why);
        }, loop);
    }

    private static String describe(final Map<Prefix, Set<NextHopConfig>> held,
            final Map<Prefix, Set<NextHopConfig>> wanted) {
        final List<String> parts = new ArrayList<>();
        wanted.forEach((prefix, hops) -> {
            final var have = held.get(prefix);
            if (!hops.equals(have)) {
                parts.add(prefix + (have == null ? " added" : " next hops " + names(have) + " -> " + names(hops)));
            }
        });
        held.keySet().stream().filter(prefix -> !wanted.containsKey(prefix))
            .forEach(prefix -> parts.add(prefix + " removed"));
        return parts.isEmpty() ? "instance created" : String.join("; ", parts);
    }

    private static String names(final Set<NextHopConfig> hops) {
        return hops.stream().map(NextHopConfig::describe).sorted().toList().toString();
    }

    private void put(final String name, final EntryStatus status) {
        if (!status.equals(statuses.put(name, status))) {
            sink.status(name, node, status);
        }
    }

    private @Nullable Instant lastSynced(final String name) {
        final var status = statuses.get(name);
        return status == null ? null : status.lastSynced();
    }

    private <T> ListenableFuture<T> timed(final ListenableFuture<T> future) {
        return Futures.withTimeout(future, TIMEOUT_S, TimeUnit.SECONDS, loop);
    }
}
