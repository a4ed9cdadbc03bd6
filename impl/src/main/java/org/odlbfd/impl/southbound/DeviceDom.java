/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.ConfigValidatorCohort;
import org.odlbfd.impl.config.KeyChainListener;
import org.odlbfd.impl.oper.OperMapper;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpMh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.SessionGroups;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpSh;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.Sessions;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.Interfaces;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.interfaces.Interface;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The device's side in DOM: the paths the southbound reads and writes through a mount point, the
 * controller's bindings turned into the normalized nodes a device takes, and the entries picked out
 * of what a device returns.
 *
 * <p>Reads take whole containers ({@code routing/control-plane-protocols}, {@code key-chains},
 * {@code interfaces}), never one list entry: ODL's NETCONF server 10.0.2 (netconf-testtool, and any
 * device built on it) fails a subtree filter that selects a {@code control-plane-protocol} by its
 * keys ({@code FilterContentValidator.getKeyValues} builds the identityref key's schema path
 * without {@code routing} and throws). Entries are then found by their keys here.
 */
final class DeviceDom {
    private static final NodeIdentifier CPP = NodeIdentifier.create(ControlPlaneProtocol.QNAME);
    private static final QName CPP_TYPE = QName.create(ControlPlaneProtocol.QNAME, "type");
    private static final QName CPP_NAME = QName.create(ControlPlaneProtocol.QNAME, "name");
    private static final NodeIdentifier BFD = NodeIdentifier.create(Bfd.QNAME);
    private static final NodeIdentifier IP_SH = NodeIdentifier.create(IpSh.QNAME);
    private static final NodeIdentifier SESSIONS = NodeIdentifier.create(Sessions.QNAME);
    private static final NodeIdentifier SESSION = NodeIdentifier.create(Session.QNAME);
    private static final QName SH_INTERFACE = QName.create(Session.QNAME, "interface");
    private static final QName SH_DEST = QName.create(Session.QNAME, "dest-addr");
    private static final NodeIdentifier IP_MH = NodeIdentifier.create(IpMh.QNAME);
    private static final NodeIdentifier GROUPS = NodeIdentifier.create(SessionGroups.QNAME);
    private static final NodeIdentifier GROUP = NodeIdentifier.create(SessionGroup.QNAME);
    private static final QName MH_SOURCE = QName.create(SessionGroup.QNAME, "source-addr");
    private static final QName MH_DEST = QName.create(SessionGroup.QNAME, "dest-addr");
    private static final NodeIdentifier KEY_CHAIN = NodeIdentifier.create(KeyChain.QNAME);
    private static final QName KEY_CHAIN_NAME = QName.create(KeyChain.QNAME, "name");
    private static final NodeIdentifier INTERFACE = NodeIdentifier.create(Interface.QNAME);
    private static final QName INTERFACE_NAME = QName.create(Interface.QNAME, "name");

    private final BindingNormalizedNodeSerializer codec;
    private final YangInstanceIdentifier protocolsPath;
    private final YangInstanceIdentifier keyChainsPath;
    private final YangInstanceIdentifier interfacesPath;

    /**
     * What a device's configuration holds of interest.
     *
     * @param entries ietf-bfd entries of the instances asked for, by where they are
     * @param chains key chains by name
     * @param interfaces names of the configured ietf-interfaces
     */
    record DeviceConfig(Map<EntryKey, MapEntryNode> entries, Map<String, MapEntryNode> chains,
            Set<String> interfaces, Set<Parent> parents) {
    }

    /**
     * A container an entry's write needs in place first: through the DOM API a write of a list entry
     * needs its parents (a NETCONF edit-config would create them, an MD-SAL datastore does not).
     *
     * @param instance the bfdv1 instance, or null for {@code key-chains}
     * @param multiHop ip-mh {@code session-groups} rather than ip-sh {@code sessions}
     */
    record Parent(@Nullable String instance, boolean multiHop) {
        static final Parent KEY_CHAINS = new Parent(null, false);
    }

    /**
     * A normalized node and where it goes.
     *
     * @param path its path
     * @param node the node
     */
    record Placed(YangInstanceIdentifier path, NormalizedNode node) {
    }

    DeviceDom(final BindingNormalizedNodeSerializer codec) {
        this.codec = requireNonNull(codec);
        protocolsPath = codec.toYangInstanceIdentifier(ConfigValidatorCohort.PROTOCOLS);
        keyChainsPath = codec.toYangInstanceIdentifier(KeyChainListener.KEY_CHAINS);
        interfacesPath = codec.toYangInstanceIdentifier(DataObjectReference.builder(Interfaces.class).build());
    }

    YangInstanceIdentifier protocolsPath() {
        return protocolsPath;
    }

    YangInstanceIdentifier keyChainsPath() {
        return keyChainsPath;
    }

    YangInstanceIdentifier interfacesPath() {
        return interfacesPath;
    }

    /**
     * An ietf-bfd entry in normalized form.
     *
     * @param key where it goes
     * @param config the binding (ip-sh {@code Session} or ip-mh {@code SessionGroup})
     * @return path and node
     */
    Placed entry(final EntryKey key, final DataObject config) {
        final var result = switch (key.session()) {
            case SingleHopKey sh -> codec.toNormalizedDataObject(OperMapper.sessionPath(key.instance(), sh),
                (Session) config);
            case MultiHopKey mh -> codec.toNormalizedDataObject(OperMapper.sessionGroupPath(key.instance(), mh),
                (SessionGroup) config);
        };
        return new Placed(result.path(), result.node());
    }

    /**
     * The path of an ietf-bfd entry.
     *
     * @param key where it is
     * @return its path
     */
    YangInstanceIdentifier entryPath(final EntryKey key) {
        return switch (key.session()) {
            case SingleHopKey sh -> codec.toYangInstanceIdentifier(OperMapper.sessionPath(key.instance(), sh));
            case MultiHopKey mh -> codec.toYangInstanceIdentifier(OperMapper.sessionGroupPath(key.instance(), mh));
        };
    }

    /**
     * A key chain in normalized form.
     *
     * @param chain the controller's chain
     * @return path and node
     */
    Placed chain(final KeyChain chain) {
        final var result = codec.toNormalizedDataObject(DataObjectIdentifier.builder(KeyChains.class)
            .child(KeyChain.class, chain.key()).build(), chain);
        return new Placed(result.path(), result.node());
    }

    /**
     * Picks what matters out of a device's configuration.
     *
     * @param protocols its {@code routing/control-plane-protocols}
     * @param chains its {@code key-chains}
     * @param interfaces its {@code interfaces}
     * @param instances the bfdv1 instances whose entries are wanted
     * @return the entries, chains and interface names
     */
    DeviceConfig parseConfig(final Optional<NormalizedNode> protocols, final Optional<NormalizedNode> chains,
            final Optional<NormalizedNode> interfaces, final Set<String> instances) {
        final var entries = new HashMap<EntryKey, MapEntryNode>();
        final var parents = new HashSet<Parent>();
        for (var cpp : mapEntries(protocols.orElse(null), CPP)) {
            if (Bfdv1.QNAME.equals(cpp.name().getValue(CPP_TYPE))) {
                final var instance = String.valueOf(cpp.name().getValue(CPP_NAME));
                final var bfd = child(cpp, BFD);
                if (child(child(bfd, IP_SH), SESSIONS) != null) {
                    parents.add(new Parent(instance, false));
                }
                if (child(child(bfd, IP_MH), GROUPS) != null) {
                    parents.add(new Parent(instance, true));
                }
            }
        }
        if (chains.isPresent()) {
            parents.add(Parent.KEY_CHAINS);
        }
        forEachEntry(protocols, instances, (key, entry) -> entries.put(key, entry.node()));
        final var chainMap = new HashMap<String, MapEntryNode>();
        for (var entry : mapEntries(chains.orElse(null), KEY_CHAIN)) {
            chainMap.put(String.valueOf(entry.name().getValue(KEY_CHAIN_NAME)), entry);
        }
        final var names = new HashSet<String>();
        for (var entry : mapEntries(interfaces.orElse(null), INTERFACE)) {
            names.add(String.valueOf(entry.name().getValue(INTERFACE_NAME)));
        }
        return new DeviceConfig(entries, chainMap, names, parents);
    }

    /**
     * The structure a parent needs, to merge before writing entries below it.
     *
     * @param parent the parent
     * @return path and node to merge
     */
    Placed parent(final Parent parent) {
        if (parent.instance() == null) {
            return new Placed(keyChainsPath, ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(NodeIdentifier.create(KeyChains.QNAME)).build());
        }
        final var id = NodeIdentifierWithPredicates.of(ControlPlaneProtocol.QNAME,
            Map.of(CPP_TYPE, Bfdv1.QNAME, CPP_NAME, parent.instance()));
        final var list = parent.multiHop()
            ? ImmutableNodes.newContainerBuilder().withNodeIdentifier(IP_MH).withChild(ImmutableNodes
                .newContainerBuilder().withNodeIdentifier(GROUPS).build()).build()
            : ImmutableNodes.newContainerBuilder().withNodeIdentifier(IP_SH).withChild(ImmutableNodes
                .newContainerBuilder().withNodeIdentifier(SESSIONS).build()).build();
        return new Placed(protocolsPath.node(CPP).node(id), ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(id)
            .withChild(ImmutableNodes.leafNode(CPP_TYPE, Bfdv1.QNAME))
            .withChild(ImmutableNodes.leafNode(CPP_NAME, parent.instance()))
            .withChild(ImmutableNodes.newContainerBuilder().withNodeIdentifier(BFD).withChild(list).build())
            .build());
    }

    /**
     * Decodes a device's operational ietf-bfd entries into bindings (configuration and state leaves).
     * An entry the controller's bindings cannot decode is left out, and the failure handed back.
     *
     * @param protocols the device's operational {@code routing/control-plane-protocols}
     * @param instances the bfdv1 instances whose entries are wanted
     * @param failed gets each entry that could not be decoded, with the reason
     * @return bindings ({@code Session} or {@code SessionGroup}) by where they are
     */
    Map<EntryKey, DataObject> decodeOper(final Optional<NormalizedNode> protocols, final Set<String> instances,
            final BiConsumer<EntryKey, String> failed) {
        final var result = new HashMap<EntryKey, DataObject>();
        forEachEntry(protocols, instances, (key, entry) -> {
            try {
                final var decoded = codec.fromNormalizedNode(entry.path(), entry.node());
                if (decoded != null) {
                    result.put(key, decoded.getValue());
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                failed.accept(key, e.getMessage());
            }
        });
        return result;
    }

    private record Found(YangInstanceIdentifier path, MapEntryNode node) {
    }

    private void forEachEntry(final Optional<NormalizedNode> protocols, final Set<String> instances,
            final BiConsumer<EntryKey, Found> consumer) {
        final var root = protocols.orElse(null);
        for (var cpp : mapEntries(root, CPP)) {
            final var name = cpp.name().getValue(CPP_NAME);
            if (!Bfdv1.QNAME.equals(cpp.name().getValue(CPP_TYPE)) || !instances.contains(String.valueOf(name))) {
                continue;
            }
            final var instance = String.valueOf(name);
            final var base = protocolsPath.node(CPP).node(cpp.name()).node(BFD);
            final var bfd = child(cpp, BFD);
            final var shSessions = child(child(bfd, IP_SH), SESSIONS);
            for (var entry : mapEntries(shSessions, SESSION)) {
                final var key = shKey(entry);
                if (key != null) {
                    consumer.accept(new EntryKey(instance, key), new Found(
                        base.node(IP_SH).node(SESSIONS).node(SESSION).node(entry.name()), entry));
                }
            }
            final var groups = child(child(bfd, IP_MH), GROUPS);
            for (var entry : mapEntries(groups, GROUP)) {
                final var key = mhKey(entry);
                if (key != null) {
                    consumer.accept(new EntryKey(instance, key), new Found(
                        base.node(IP_MH).node(GROUPS).node(GROUP).node(entry.name()), entry));
                }
            }
        }
    }

    private static @Nullable SessionKey shKey(final MapEntryNode entry) {
        final var ifname = entry.name().getValue(SH_INTERFACE);
        final var dest = Addresses.parse(entry.name().getValue(SH_DEST));
        return ifname == null || dest == null ? null : new SingleHopKey(ifname.toString(), dest);
    }

    private static @Nullable SessionKey mhKey(final MapEntryNode entry) {
        final var source = Addresses.parse(entry.name().getValue(MH_SOURCE));
        final var dest = Addresses.parse(entry.name().getValue(MH_DEST));
        return source == null || dest == null ? null : new MultiHopKey(source, dest);
    }

    private static @Nullable NormalizedNode child(final @Nullable NormalizedNode parent, final NodeIdentifier id) {
        return parent instanceof DataContainerNode container ? container.childByArg(id) : null;
    }

    private static Iterable<MapEntryNode> mapEntries(final @Nullable NormalizedNode parent, final NodeIdentifier id) {
        return child(parent, id) instanceof MapNode map ? map.body() : java.util.List.of();
    }
}
