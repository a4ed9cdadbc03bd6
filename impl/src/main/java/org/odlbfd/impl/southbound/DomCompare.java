/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;

/**
 * Compares an entry the controller wants with the device's copy, leaf by leaf, as values rather
 * than as trees: a device may leave out a leaf that holds its YANG default (NETCONF with-defaults
 * "trim" or "explicit") or return it ("report-all"), may write an IPv6 address in another form,
 * and may hold leaves of its own vendor's modules, which the controller neither renders nor judges.
 * A key string the device does not return (ietf-key-chain marks it nacm:default-deny-all) is not
 * taken for a difference either: the controller cannot see it, so it cannot tell.
 */
final class DomCompare {
    /** Leaf defaults of RFC 9314 (ietf-bfd-types, ietf-bfd-ip-mh), RFC 8177 and odl-bfd-ext, by path in the entry. */
    private static final Map<String, Object> DEFAULTS = Map.of(
        "local-multiplier", Uint8.valueOf(3),
        "desired-min-tx-interval", Uint32.valueOf(1_000_000),
        "required-min-rx-interval", Uint32.valueOf(1_000_000),
        "min-interval", Uint32.valueOf(1_000_000),
        "demand-enabled", Boolean.FALSE,
        "admin-down", Boolean.FALSE,
        "authentication/meticulous", Boolean.FALSE,
        "tx-ttl", Uint8.valueOf(255),
        "passive", Boolean.FALSE,
        "echo/enabled", Boolean.FALSE);
    /** The one RFC 8177 default inside a key chain. */
    private static final String ACCEPT_TOLERANCE = "accept-tolerance/duration";
    private static final String KEY_STRING = "key-string/";

    private DomCompare() {
        // static only
    }

    /**
     * How the device's copy differs from what the controller wants.
     *
     * @param wanted the controller's entry
     * @param device the device's copy
     * @param judged the namespaces the controller renders (others on the device are its own)
     * @return one line per differing leaf; empty when they are the same
     */
    static List<String> differences(final MapEntryNode wanted, final MapEntryNode device,
            final Set<XMLNamespace> judged) {
        final var want = flatten(wanted, judged);
        final var have = flatten(device, judged);
        final var result = new ArrayList<String>();
        final var paths = new TreeSet<>(want.keySet());
        paths.addAll(have.keySet());
        for (var path : paths) {
            final var mine = orDefault(path, want.get(path));
            final var theirs = orDefault(path, have.get(path));
            if (theirs == null && mine != null && path.contains(KEY_STRING)) {
                // a secret the device does not show
                continue;
            }
            if (!Objects.equals(mine, theirs)) {
                result.add(path + ": device " + (theirs == null ? "has none" : theirs) + ", wanted "
                    + (mine == null ? "none" : mine));
            }
        }
        return result;
    }

    private static @Nullable Object orDefault(final String path, final @Nullable Object value) {
        if (value != null) {
            return value;
        }
        if (path.endsWith(ACCEPT_TOLERANCE)) {
            return Uint32.ZERO;
        }
        return DEFAULTS.get(path);
    }

    /**
     * The leaves of an entry by path, below the entry (its keys included).
     *
     * @param entry a list entry
     * @param judged namespaces to look at
     * @return values by path; defaults are not filled in
     */
    static Map<String, Object> flatten(final MapEntryNode entry, final Set<XMLNamespace> judged) {
        final var result = new TreeMap<String, Object>();
        walk(entry, "", judged, result);
        return result;
    }

    private static void walk(final DataContainerNode node, final String prefix, final Set<XMLNamespace> judged,
            final Map<String, Object> out) {
        for (var child : node.body()) {
            final QName name = child.name().getNodeType();
            if (!judged.contains(name.getNamespace())) {
                continue;
            }
            final var path = prefix + name.getLocalName();
            switch (child) {
                case LeafNode<?> leaf -> out.put(path, value(leaf.body()));
                case LeafSetNode<?> set -> out.put(path, set.body().stream().map(e -> value(e.body()))
                    .map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)));
                // a choice has no node of its own in the data: its case's leaves belong to the parent
                case ChoiceNode choice -> walk(choice, prefix, judged, out);
                case MapNode map -> {
                    for (var entry : map.body()) {
                        walk(entry, path + keyText(entry.name()) + "/", judged, out);
                    }
                }
                case UnkeyedListNode list -> {
                    int index = 0;
                    for (var entry : list.body()) {
                        walk(entry, path + "[" + index++ + "]/", judged, out);
                    }
                }
                case DataContainerNode container -> walk(container, path + "/", judged, out);
                default -> out.put(path, String.valueOf(child.body()));
            }
        }
    }

    private static String keyText(final NodeIdentifierWithPredicates id) {
        return id.entrySet().stream().map(e -> e.getKey().getLocalName() + "=" + value(e.getValue()))
            .sorted().collect(Collectors.joining(",", "[", "]"));
    }

    /** Identities by namespace and name (not revision); IP literals in one textual form. */
    private static Object value(final Object value) {
        if (value instanceof QName qname) {
            return qname.getNamespace() + ":" + qname.getLocalName();
        }
        if (value instanceof String text && InetAddresses.isInetAddress(text)) {
            return InetAddresses.toAddrString(InetAddresses.forString(text));
        }
        return value;
    }

    /**
     * Whether a normalized node's own namespace is one the controller renders.
     *
     * @param node a node
     * @param judged the namespaces
     * @return true when judged
     */
    static boolean judged(final NormalizedNode node, final Set<XMLNamespace> judged) {
        return judged.contains(node.name().getNodeType().getNamespace());
    }
}
