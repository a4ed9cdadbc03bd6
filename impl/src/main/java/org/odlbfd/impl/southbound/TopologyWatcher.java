/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeChangeListener;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.mdsal.dom.api.DOMMountPoint;
import org.opendaylight.mdsal.dom.api.DOMMountPointListener;
import org.opendaylight.mdsal.dom.api.DOMMountPointService;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches topology-netconf: which devices are mounted (ODL's NETCONF southbound registers a mount
 * point for a connected device whose schema it has resolved, and removes it when the session goes),
 * and each node's connection-status (connecting, connected, unable-to-connect), which the pending
 * and unreachable messages quote. In DOM, with QNames from the controller's schema, so that odl-bfd
 * does not depend on netconf's generated bindings; without NETCONF southbound nothing is watched.
 */
final class TopologyWatcher implements DOMMountPointListener, DOMDataTreeChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopologyWatcher.class);
    private static final QNameModule NETWORK_TOPOLOGY = QNameModule.of(
        XMLNamespace.of("urn:TBD:params:xml:ns:yang:network-topology"), org.opendaylight.yangtools.yang.common
            .Revision.of("2013-10-21"));
    private static final XMLNamespace NETCONF_NODE = XMLNamespace.of("urn:opendaylight:netconf-node-topology");
    private static final QName TOPOLOGY = QName.create(NETWORK_TOPOLOGY, "topology");
    private static final QName NODE = QName.create(NETWORK_TOPOLOGY, "node");
    private static final QName NODE_ID = QName.create(NETWORK_TOPOLOGY, "node-id");
    /** The topology ODL's NETCONF southbound keeps its devices in. */
    static final String TOPOLOGY_NETCONF = "topology-netconf";

    private final YangInstanceIdentifier topologyPath;
    private final QName netconfNode;
    private final QName connectionStatus;
    private final BiConsumer<String, DOMMountPoint> mounted;
    private final Consumer<String> unmounted;
    private final BiConsumer<String, @Nullable String> status;
    private final DOMMountPointService mounts;
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final List<Registration> registrations = new ArrayList<>();

    private TopologyWatcher(final QNameModule netconf, final DOMMountPointService mounts,
            final BiConsumer<String, DOMMountPoint> mounted, final Consumer<String> unmounted,
            final BiConsumer<String, @Nullable String> status) {
        topologyPath = YangInstanceIdentifier.builder()
            .node(QName.create(NETWORK_TOPOLOGY, "network-topology"))
            .node(TOPOLOGY)
            .nodeWithKey(TOPOLOGY, QName.create(NETWORK_TOPOLOGY, "topology-id"), TOPOLOGY_NETCONF)
            .build();
        netconfNode = QName.create(netconf, "netconf-node");
        connectionStatus = QName.create(netconf, "connection-status");
        this.mounts = mounts;
        this.mounted = mounted;
        this.unmounted = unmounted;
        this.status = status;
    }

    /**
     * Starts watching, when the controller runs NETCONF southbound.
     *
     * @param context the controller's schema
     * @param domBroker the controller's DOM data broker
     * @param mounts the mount point service
     * @param mounted a device's mount point appeared (node-id, mount point)
     * @param unmounted a device's mount point went (node-id)
     * @param status a node's connection-status changed (node-id, status or null when the node went)
     * @return the watcher, or empty without netconf-node-topology in the schema
     */
    static Optional<TopologyWatcher> start(final EffectiveModelContext context, final DOMDataBroker domBroker,
            final DOMMountPointService mounts, final BiConsumer<String, DOMMountPoint> mounted,
            final Consumer<String> unmounted, final BiConsumer<String, @Nullable String> status) {
        final var netconf = context.findModules(NETCONF_NODE).stream().findFirst();
        if (netconf.isEmpty() || context.findModule(NETWORK_TOPOLOGY).isEmpty()) {
            LOG.warn("NETCONF southbound (odl-netconf-topology) is not installed: sessions placed on devices stay "
                + "pending");
            return Optional.empty();
        }
        final var watcher = new TopologyWatcher(netconf.orElseThrow().getQNameModule(), mounts, mounted, unmounted,
            status);
        final var changes = domBroker.extension(DOMDataBroker.DataTreeChangeExtension.class);
        if (changes != null) {
            watcher.registrations.add(changes.registerTreeChangeListener(
                DOMDataTreeIdentifier.of(LogicalDatastoreType.OPERATIONAL, watcher.topologyPath), watcher));
        }
        watcher.registrations.add(mounts.registerProvisionListener(watcher));
        return Optional.of(watcher);
    }

    /**
     * The mount point of a node, if it is mounted now.
     *
     * @param node the node-id
     * @return its mount point
     */
    Optional<DOMMountPoint> mountPoint(final String node) {
        return mounts.getMountPoint(nodePath(node));
    }

    /**
     * A node's last connection-status.
     *
     * @param node the node-id
     * @return its status, or null when the node is not in topology-netconf
     */
    @Nullable String status(final String node) {
        return statuses.get(node);
    }

    YangInstanceIdentifier nodePath(final String node) {
        return topologyPath.node(NODE).node(NodeIdentifierWithPredicates.of(NODE, NODE_ID, node));
    }

    private @Nullable String nodeOf(final YangInstanceIdentifier path) {
        final var args = path.getPathArguments();
        if (args.size() != topologyPath.getPathArguments().size() + 2 || !topologyPath.contains(path)) {
            return null;
        }
        return args.getLast() instanceof NodeIdentifierWithPredicates id && id.getValue(NODE_ID) != null
            ? id.getValue(NODE_ID).toString() : null;
    }

    @Override
    public void onMountPointCreated(final DOMMountPoint mountPoint) {
        final var node = nodeOf(mountPoint.getIdentifier());
        if (node != null) {
            mounted.accept(node, mountPoint);
        }
    }

    @Override
    public void onMountPointRemoved(final YangInstanceIdentifier path) {
        final var node = nodeOf(path);
        if (node != null) {
            unmounted.accept(node);
        }
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeCandidate> changes) {
        final var after = changes.getLast().getRootNode().dataAfter();
        final var now = new HashMap<String, String>();
        if (after instanceof DataContainerNode topology
                && topology.childByArg(NodeIdentifier.create(NODE)) instanceof MapNode nodes) {
            for (var entry : nodes.body()) {
                final var id = entry.name().getValue(NODE_ID);
                if (id != null) {
                    now.put(id.toString(), connection(entry));
                }
            }
        }
        for (var gone : List.copyOf(statuses.keySet())) {
            if (!now.containsKey(gone)) {
                statuses.remove(gone);
                status.accept(gone, null);
            }
        }
        now.forEach((node, value) -> {
            if (!value.equals(statuses.put(node, value))) {
                status.accept(node, value);
            }
        });
    }

    private String connection(final NormalizedNode node) {
        if (node instanceof DataContainerNode entry
                && entry.childByArg(NodeIdentifier.create(netconfNode)) instanceof DataContainerNode netconf) {
            final var leaf = netconf.childByArg(NodeIdentifier.create(connectionStatus));
            if (leaf != null) {
                return String.valueOf(leaf.body());
            }
        }
        return "unknown";
    }

    @Override
    public void onInitialData() {
        // no topology yet: nothing to report
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
    }
}
