/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;

/**
 * Everything the controller wants in one device's ietf-bfd: the entries, and the key chains they use
 * as the controller holds them. Immutable; a new one replaces it whenever the intent changes.
 *
 * @param node the topology-netconf node-id
 * @param entries the ietf-bfd entries by where they go
 * @param chains the key chains the entries name, by name (a chain the controller lacks is absent,
 *     and its entries carry an error: the device's copy of such an entry is left as it is)
 * @param refused link ends that cannot be rendered because their entry is already taken on the device
 */
record DeviceIntent(String node, Map<EntryKey, Wanted> entries, Map<String, KeyChain> chains, List<Wanted> refused) {
    DeviceIntent {
        requireNonNull(node);
        entries = Map.copyOf(entries);
        chains = Map.copyOf(chains);
        refused = List.copyOf(refused);
    }

    /**
     * Nothing for this device.
     *
     * @param node the node-id
     * @return an empty intent
     */
    static DeviceIntent empty(final String node) {
        return new DeviceIntent(node, Map.of(), Map.of(), List.of());
    }

    /**
     * The control-plane-protocol instances the intent writes to.
     *
     * @return instance names
     */
    Set<String> instances() {
        return entries.keySet().stream().map(EntryKey::instance).collect(Collectors.toUnmodifiableSet());
    }
}
