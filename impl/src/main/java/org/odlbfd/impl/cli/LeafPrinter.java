/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.cli;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;

/**
 * Flattens a normalized node into {@code path : value} lines, every leaf it holds, whatever module
 * defined it: leaves that later releases or other modules augment into a session (a not-Up reason,
 * damping state) show up in {@code bfd:session} without a change here. Leaves come before the
 * containers that follow them, in the order the datastore keeps.
 */
final class LeafPrinter {
    private LeafPrinter() {
        // static only
    }

    /**
     * The leaves under {@code node}, with paths relative to it.
     *
     * @param node a container or list entry
     * @return one {@code (path, value)} pair per leaf
     */
    static List<Map.Entry<String, String>> leaves(final NormalizedNode node) {
        final List<Map.Entry<String, String>> out = new ArrayList<>();
        walk(node, "", node.name().getNodeType().getModule(), out);
        return out;
    }

    private static void walk(final NormalizedNode node, final String prefix, final Object parentModule,
            final List<Map.Entry<String, String>> out) {
        if (node instanceof DataContainerNode container) {
            final List<NormalizedNode> later = new ArrayList<>();
            for (NormalizedNode child : container.body()) {
                if (child instanceof LeafNode<?> || child instanceof LeafSetNode<?>) {
                    walk(child, prefix, parentModule, out);
                } else {
                    later.add(child);
                }
            }
            for (NormalizedNode child : later) {
                final String name = name(child.name().getNodeType(), parentModule);
                walk(child, prefix + name + "/", child.name().getNodeType().getModule(), out);
            }
        } else if (node instanceof MapNode map) {
            for (var entry : map.body()) {
                walk(entry, prefix.substring(0, prefix.length() - 1) + keys(entry.name()) + "/",
                    entry.name().getNodeType().getModule(), out);
            }
        } else if (node instanceof UnkeyedListNode list) {
            int index = 0;
            for (var entry : list.body()) {
                walk(entry, prefix.substring(0, prefix.length() - 1) + "[" + index++ + "]/",
                    entry.name().getNodeType().getModule(), out);
            }
        } else if (node instanceof LeafNode<?> leaf) {
            out.add(Map.entry(prefix + name(leaf.name().getNodeType(), parentModule), value(leaf.body())));
        } else if (node instanceof LeafSetNode<?> leafSet) {
            out.add(Map.entry(prefix + name(leafSet.name().getNodeType(), parentModule), leafSet.body().stream()
                .map(entry -> value(entry.body())).collect(Collectors.joining(", "))));
        }
    }

    /** A child's name, prefixed with its module where it comes from an augmentation of another module. */
    private static String name(final QName qname, final Object parentModule) {
        return qname.getModule().equals(parentModule) ? qname.getLocalName()
            : moduleName(qname) + ":" + qname.getLocalName();
    }

    private static String moduleName(final QName qname) {
        // namespace urn:odlbfd:yang:odl-bfd-ext -> odl-bfd-ext; urn:ietf:params:xml:ns:yang:ietf-bfd -> ietf-bfd
        final String ns = qname.getNamespace().toString();
        return ns.substring(ns.lastIndexOf(':') + 1);
    }

    private static String keys(final Object pathArgument) {
        if (pathArgument instanceof NodeIdentifierWithPredicates predicates) {
            return predicates.entrySet().stream().map(e -> value(e.getValue()))
                .collect(Collectors.joining(",", "[", "]"));
        }
        return "";
    }

    private static String value(final Object value) {
        return switch (value) {
            case QName qname -> qname.getLocalName();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Set<?> bits -> bits.stream().map(Object::toString).sorted().collect(Collectors.joining(" "));
            case Collection<?> items -> items.toString();
            default -> value.toString();
        };
    }
}
