/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.BfdInstance;
import org.odlbfd.impl.config.ConfigMapper;
import org.odlbfd.impl.config.Placements;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.odlbfd.impl.southbound.Wanted.Origin;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionExtParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.Link;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * The controller's intent for every device, from its configuration: ietf-bfd sessions and session
 * groups with odl-bfd-ext {@code placement/node}, odl-bfd-ext links, and the ietf-key-chain chains
 * they name. Pure: the same configuration gives the same intents (link discriminators included).
 */
final class Intents {
    private final Map<String, Map<EntryKey, Wanted>> entries = new LinkedHashMap<>();
    private final Map<String, List<Wanted>> refused = new HashMap<>();
    private final Map<String, Set<Long>> staticDiscriminators = new HashMap<>();

    private Intents() {
    }

    /**
     * Builds the intent of every device named anywhere.
     *
     * @param protocols the controller's control-plane-protocol instances
     * @param chains the controller's key chains by name
     * @param links the odl-bfd-ext links
     * @return intents by node-id
     */
    static Map<String, DeviceIntent> build(final Collection<ControlPlaneProtocol> protocols,
            final Map<String, KeyChain> chains, final List<Link> links) {
        final var intents = new Intents();
        for (var protocol : protocols) {
            intents.protocol(protocol);
        }
        for (var rendered : LinkRenderer.render(links, intents.staticDiscriminators)) {
            intents.add(rendered.node(), rendered.wanted());
        }
        final var result = new LinkedHashMap<String, DeviceIntent>();
        for (var node : intents.refused.keySet()) {
            intents.entries.computeIfAbsent(node, k -> new LinkedHashMap<>());
        }
        for (var entry : intents.entries.entrySet()) {
            final var node = entry.getKey();
            final var wanted = new LinkedHashMap<EntryKey, Wanted>();
            final var used = new HashMap<String, KeyChain>();
            for (var item : entry.getValue().values()) {
                final var chainName = item.keyChain();
                if (chainName != null && item.error() == null) {
                    final var chain = chains.get(chainName);
                    if (chain == null) {
                        // the validator refuses a missing chain; this guards a chain deleted since
                        item = new Wanted(item.key(), item.config(), chainName, item.needsExt(), item.origin(),
                            "key-chain " + chainName + " does not exist on the controller, so it cannot be "
                                + "rendered to " + node);
                    } else {
                        used.put(chainName, chain);
                    }
                }
                wanted.put(item.key(), item);
            }
            result.put(node, new DeviceIntent(node, wanted, used, intents.refused.getOrDefault(node, List.of())));
        }
        return result;
    }

    private void protocol(final ControlPlaneProtocol protocol) {
        final var bfd = BfdInstance.bfd(protocol);
        if (bfd == null) {
            return;
        }
        final var name = protocol.requireName();
        BfdInstance.forEachSession(bfd, (session, interfaceAuth) -> {
            final var node = Placements.node(session);
            if (node != null) {
                final var key = new SingleHopKey(session.requireInterface(),
                    ConfigMapper.toInet(session.requireDestAddr()));
                placed(node, name, key, session, DeviceForm.session(session, interfaceAuth, true));
            }
        }, group -> {
            final var node = Placements.node(group);
            if (node != null) {
                final var key = new MultiHopKey(ConfigMapper.toInet(group.requireSourceAddr()),
                    ConfigMapper.toInet(group.requireDestAddr()));
                placed(node, name, key, group, DeviceForm.group(group, true));
            }
        });
    }

    private void placed(final String node, final String protocol, final org.odlbfd.api.SessionKey key,
            final DataObject intent, final DataObject config) {
        final var ext = extOf(config);
        if (ext != null && ext.getStaticLocalDiscriminator() != null) {
            staticDiscriminators.computeIfAbsent(node, k -> new HashSet<>())
                .add(ext.getStaticLocalDiscriminator().getValue().toJava());
        }
        add(node, new Wanted(new EntryKey(protocol, key), config, DeviceForm.keyChain(config),
            DeviceForm.needsExt(config), new Origin.Placed(protocol, key, intent), null));
    }

    private void add(final String node, final Wanted wanted) {
        final var onNode = entries.computeIfAbsent(node, k -> new LinkedHashMap<>());
        final var other = onNode.get(wanted.key());
        if (other == null) {
            onNode.put(wanted.key(), wanted);
            return;
        }
        // placed sessions come first and keep their place; a link end that lands on the same entry of
        // the same device is refused, and says with what
        refused.computeIfAbsent(node, k -> new ArrayList<>()).add(new Wanted(wanted.key(), wanted.config(),
            wanted.keyChain(), wanted.needsExt(), wanted.origin(),
            "session " + wanted.key() + " on " + node + " is already rendered for " + describe(other.origin())));
    }

    private static String describe(final Origin origin) {
        return switch (origin) {
            case Origin.Placed placed -> "the session placed from protocol " + placed.protocol();
            case Origin.LinkEnd end -> "link " + end.link() + " end " + (end.endA() ? "A" : "B");
        };
    }

    private static @Nullable SessionExtParms extOf(final DataObject config) {
        for (var augmentation : ((org.opendaylight.yangtools.binding.Augmentable<?>) config).augmentations()
                .values()) {
            if (augmentation instanceof SessionExtParms ext) {
                return ext;
            }
        }
        return null;
    }
}
