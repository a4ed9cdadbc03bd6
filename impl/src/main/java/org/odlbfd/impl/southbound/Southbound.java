/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.impl.config.BfdConfigListener;
import org.odlbfd.impl.config.KeyChainListener;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.routetracker.DeviceRouteSink;
import org.odlbfd.impl.routetracker.LatencyLog;
import org.odlbfd.impl.routetracker.PlacedRoutes;
import org.odlbfd.impl.southbound.Wanted.Origin;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMMountPoint;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.opendaylight.mdsal.dom.api.DOMSchemaService;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.NotificationParms;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Links;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.Link;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BFD on NETCONF devices: sessions placed on them (odl-bfd-ext {@code placement/node}) and both ends
 * of odl-bfd-ext links are rendered into each device's ietf-bfd through its topology-netconf mount
 * point, and the devices' views come back into the controller's operational datastore.
 *
 * <p>One event thread owns all the state here; listeners hand it their changes, and every NETCONF
 * operation is asynchronous, so each device is its own queue ({@link DeviceSync}) and a slow device
 * delays no other. The configuration is re-read into per-device intents ({@link Intents}) on every
 * change; each device compares its intent with what it holds.
 */
public final class Southbound implements DeviceSync.Sink, DeviceRouteSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Southbound.class);
    /** Poll period when none is configured (agent cfg {@code device-poll-ms}). */
    public static final long DEFAULT_POLL_MS = 5_000;
    private static final DataObjectReference<Links> LINKS = DataObjectReference.builder(Links.class).build();

    private final ScheduledExecutorService loop;
    private final DeviceDom dom;
    private final BindingNormalizedNodeSerializer codec;
    private final PlacedEntries placed;
    private final LinkStates linkStates;
    private final long pollMillis;
    private final RoutePlacements routePlacements;
    private final LatencyLog latency;
    private final List<Registration> registrations = new ArrayList<>();
    // state below is confined to the loop thread
    private final Map<String, ControlPlaneProtocol> protocols = new LinkedHashMap<>();
    private final Map<String, KeyChain> chains = new HashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, DeviceSync> devices = new HashMap<>();
    private final Map<String, Registration> notifications = new HashMap<>();
    private final Map<Owner, String> owners = new HashMap<>();
    /** The nodes that had placed static routes at the last {@link #placed}. */
    private final java.util.Set<String> routeNodes = new java.util.HashSet<>();
    private @Nullable TopologyWatcher topology;

    /** Who runs a placed session now: (protocol, key). */
    private record Owner(String protocol, SessionKey key) {
    }

    /**
     * Starts the southbound.
     *
     * @param dataBroker the binding data broker (configuration in, link state out)
     * @param domBroker the DOM data broker (topology-netconf connection status)
     * @param mounts the DOM mount point service (devices)
     * @param schema the controller's schema (is NETCONF southbound there?)
     * @param codec the binding codec (bindings to device DOM and back)
     * @param writer the ietf-bfd operational writer (placed sessions' entries)
     * @param pollMillis how often each device is compared and its state read; 0 for the default
     */
    public Southbound(final DataBroker dataBroker, final DOMDataBroker domBroker, final DOMMountPointService mounts,
            final DOMSchemaService schema, final BindingNormalizedNodeSerializer codec, final OperationalWriter writer,
            final long pollMillis) {
        this(dataBroker, domBroker, mounts, schema, codec, writer, pollMillis, new LatencyLog());
    }

    /**
     * Starts the southbound.
     *
     * @param dataBroker the binding data broker (configuration in, link state out)
     * @param domBroker the DOM data broker (topology-netconf connection status)
     * @param mounts the DOM mount point service (devices)
     * @param schema the controller's schema (is NETCONF southbound there?)
     * @param codec the binding codec (bindings to device DOM and back)
     * @param writer the ietf-bfd operational writer (placed sessions' entries)
     * @param pollMillis how often each device is compared and its state read; 0 for the default
     * @param latency where the BFD event to device commit figures of placed static routes go
     */
    @Inject
    public Southbound(final DataBroker dataBroker, final DOMDataBroker domBroker, final DOMMountPointService mounts,
            final DOMSchemaService schema, final BindingNormalizedNodeSerializer codec, final OperationalWriter writer,
            final long pollMillis, final LatencyLog latency) {
        this.codec = requireNonNull(codec);
        this.latency = requireNonNull(latency);
        this.pollMillis = pollMillis > 0 ? pollMillis : DEFAULT_POLL_MS;
        loop = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-southbound").setDaemon(true).build());
        dom = new DeviceDom(codec);
        placed = new PlacedEntries(writer);
        linkStates = new LinkStates(dataBroker, loop);
        routePlacements = new RoutePlacements(dataBroker, loop);
        loop.execute(() -> topology = TopologyWatcher.start(schema.getGlobalContext(), domBroker, mounts,
            (node, mount) -> loop.execute(() -> mounted(node, mount)),
            node -> loop.execute(() -> unmounted(node)),
            (node, status) -> loop.execute(() -> connection(node, status))).orElse(null));
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            BfdConfigListener.PROTOCOLS, (DataTreeChangeListener<ControlPlaneProtocol>) changes -> {
                final var copy = List.copyOf(changes);
                loop.execute(() -> {
                    for (var change : copy) {
                        final var root = change.getRootNode();
                        final var after = root.dataAfter();
                        if (after == null) {
                            protocols.remove(requireNonNull(root.dataBefore()).requireName());
                        } else {
                            protocols.put(after.requireName(), after);
                        }
                    }
                    recompute();
                });
            }));
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            KeyChainListener.KEY_CHAINS, (DataTreeChangeListener<KeyChains>) changes -> {
                final var after = changes.getLast().getRootNode().dataAfter();
                loop.execute(() -> {
                    chains.clear();
                    if (after != null) {
                        chains.putAll(after.nonnullKeyChain().values().stream()
                            .collect(java.util.stream.Collectors.toMap(KeyChain::requireName, chain -> chain)));
                    }
                    recompute();
                });
            }));
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION, LINKS,
            (DataTreeChangeListener<Links>) changes -> {
                final var after = changes.getLast().getRootNode().dataAfter();
                loop.execute(() -> {
                    links.clear();
                    if (after != null) {
                        after.nonnullLink().values().forEach(link -> links.put(link.requireName(), link));
                    }
                    linkStates.configured(links);
                    recompute();
                });
            }));
        LOG.info("BFD southbound started: devices polled every {} ms", this.pollMillis);
    }

    private void recompute() {
        final var intents = Intents.build(protocols.values(), chains, List.copyOf(links.values()));
        owners.clear();
        intents.forEach((node, intent) -> intent.entries().values().forEach(wanted -> {
            if (wanted.origin() instanceof Origin.Placed origin) {
                owners.put(new Owner(origin.protocol(), origin.key()), node);
            }
        }));
        for (var node : intents.keySet()) {
            device(node);
        }
        for (var device : devices.values()) {
            final var next = intents.getOrDefault(device.node(), DeviceIntent.empty(device.node()));
            if (!next.equals(device.intent())) {
                device.update(next);
            }
        }
    }

    private DeviceSync device(final String node) {
        return device(node, true);
    }

    private DeviceSync device(final String node, final boolean findMount) {
        var device = devices.get(node);
        if (device == null) {
            device = new DeviceSync(node, dom, loop, this, new DeviceRoutes(node, codec, loop, routePlacements,
                latency));
            devices.put(node, device);
            final var created = device;
            // spread the devices' polls over the period instead of polling all at once
            loop.scheduleWithFixedDelay(created::requestSync,
                ThreadLocalRandom.current().nextLong(pollMillis) + pollMillis, pollMillis, TimeUnit.MILLISECONDS);
            if (topology != null) {
                device.connection(topology.status(node));
                if (findMount) {
                    topology.mountPoint(node).ifPresent(mount -> mounted(node, mount));
                }
            }
        }
        return device;
    }

    private void connection(final String node, final @Nullable String status) {
        final var device = devices.get(node);
        if (device != null) {
            device.connection(status);
        }
    }

    private void mounted(final String node, final DOMMountPoint mount) {
        final var device = device(node, false);
        final var broker = mount.getService(DOMDataBroker.class).orElse(null);
        final var schema = mount.getService(DOMSchemaService.class).orElse(null);
        if (broker == null || schema == null) {
            LOG.warn("Device {} is mounted without a data broker or schema (schemaless?): it cannot be configured",
                node);
            return;
        }
        final var context = schema.getGlobalContext();
        LOG.info("Device {} is mounted", node);
        final var old = notifications.remove(node);
        if (old != null) {
            old.close();
        }
        final var registration = DeviceNotifications.start(node, mount, context, codec,
            notification -> loop.execute(() -> notified(node, notification)));
        if (registration != null) {
            notifications.put(node, registration);
        }
        device.routes().mounted(RouteSupport.of(context));
        device.mounted(broker, DeviceSupport.of(context));
    }

    private void unmounted(final String node) {
        LOG.info("Device {} is no longer mounted", node);
        final var registration = notifications.remove(node);
        if (registration != null) {
            registration.close();
        }
        final var device = devices.get(node);
        if (device != null) {
            device.unmounted();
        }
    }

    private void notified(final String node, final NotificationParms notification) {
        final var device = devices.get(node);
        final var key = NotificationViews.key(notification);
        if (device == null || key == null) {
            return;
        }
        for (var wanted : device.intent().entries().values()) {
            if (wanted.key().session().equals(key)) {
                device.notified(wanted.key(), NotificationViews.apply(device.view(wanted.key()), wanted.config(),
                    notification));
            }
        }
        // the notification carries the state; a pass reads what it does not (intervals, counters)
        device.requestSync();
    }

    /**
     * The routes of static instances placed on devices (from the route tracker): each device's share
     * goes into its queue.
     *
     * @param instances every placed instance
     * @param eventNanos when the BFD event behind the change was heard, 0 for a configuration change
     */
    @Override
    public void placed(final Map<String, PlacedRoutes> instances, final long eventNanos) {
        final var copy = Map.copyOf(instances);
        loop.execute(() -> {
            final Map<String, Map<String, PlacedRoutes>> byNode = new LinkedHashMap<>();
            copy.values().forEach(one -> byNode.computeIfAbsent(one.node(), k -> new HashMap<>())
                .put(one.instance(), one));
            for (var node : routeNodes) {
                if (!byNode.containsKey(node)) {
                    device(node).updateRoutes(Map.of(), eventNanos);
                }
            }
            byNode.forEach((node, routes) -> device(node).updateRoutes(routes, eventNanos));
            routeNodes.clear();
            routeNodes.addAll(byNode.keySet());
        });
    }

    @Override
    public void entry(final String node, final Wanted wanted, final EntryStatus status,
            final @Nullable DataObject view) {
        switch (wanted.origin()) {
            case Origin.Placed origin -> {
                if (node.equals(owners.get(new Owner(origin.protocol(), origin.key())))) {
                    placed.put(origin, node, status, view);
                }
            }
            case Origin.LinkEnd end -> linkStates.end(end, node, status, view);
        }
    }

    @Override
    public void gone(final String node, final Wanted wanted) {
        switch (wanted.origin()) {
            case Origin.Placed origin -> {
                if (!owners.containsKey(new Owner(origin.protocol(), origin.key()))) {
                    placed.remove(origin);
                }
            }
            case Origin.LinkEnd end -> linkStates.gone(end, node);
        }
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
        loop.execute(() -> {
            if (topology != null) {
                topology.close();
            }
            notifications.values().forEach(Registration::close);
            notifications.clear();
        });
        loop.shutdown();
        try {
            if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
