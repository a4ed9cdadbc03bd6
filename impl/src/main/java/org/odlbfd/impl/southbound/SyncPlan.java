/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.impl.southbound.DeviceDom.DeviceConfig;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * What one pass over a device has to do: which entries already match (applied), which the device
 * cannot hold (failed, with the reason), and the changes to write. An entry to create or correct is
 * replaced whole, together with the key chain it names when the device's copy of the chain differs;
 * an entry the device holds in an instance the controller manages, and the controller does not want,
 * is deleted. Nothing else on the device is touched.
 *
 * @param matched entries the device already holds as wanted
 * @param failed entries the device cannot hold, with the reason
 * @param changes what to write, one change per entry
 */
record SyncPlan(Set<EntryKey> matched, Map<EntryKey, String> failed, List<Change> changes) {
    /**
     * One NETCONF edit.
     *
     * @param path what it changes
     * @param node the new content (replace), or null to delete
     */
    record Edit(YangInstanceIdentifier path, @Nullable NormalizedNode node, boolean merge) {
        Edit(final YangInstanceIdentifier path, final @Nullable NormalizedNode node) {
            this(path, node, false);
        }
    }

    /**
     * The edits for one entry: written together, so that a device that checks the key chain's
     * leafref (RFC 9314 key-chain-ref) sees the chain in the same commit.
     *
     * @param key the entry
     * @param edits chain first, then the entry
     * @param what what it does, for the log: "create", "correct (...)", "remove"
     */
    record Change(EntryKey key, List<Edit> edits, String what) {
    }

    /**
     * A write the device refused, remembered so that the same write is not sent again and again: it
     * is retried when the entry changes, when the device's interfaces or key chains change (an
     * operator may have created what was missing), after a reconnect, or after {@link #RETRY}.
     *
     * @param edits what was refused
     * @param interfaces the device's interfaces then
     * @param chains the device's key chains then
     * @param at when
     * @param text the refusal
     */
    record Refused(List<Edit> edits, Set<String> interfaces, Set<String> chains, Instant at, String text) {
        boolean stillHolds(final List<Edit> now, final DeviceConfig device, final Instant time) {
            return edits.equals(now) && interfaces.equals(device.interfaces())
                && chains.equals(device.chains().keySet()) && time.isBefore(at.plus(RETRY));
        }
    }

    /** How long a refused write is not sent again while nothing changes. */
    static final Duration RETRY = Duration.ofSeconds(60);

    /**
     * Compares a device's configuration with the intent.
     *
     * @param intent the device's intent
     * @param support what the device implements
     * @param device what its configuration holds
     * @param managed the instances whose entries the controller owns on this device
     * @param dom the normalized forms
     * @param refused writes the device refused before
     * @param now the time of the pass
     * @return the plan
     */
    static SyncPlan of(final DeviceIntent intent, final DeviceSupport support, final DeviceConfig device,
            final Set<String> managed, final DeviceDom dom, final Map<EntryKey, Refused> refused, final Instant now) {
        final var matched = new java.util.HashSet<EntryKey>();
        final var failed = new LinkedHashMap<EntryKey, String>();
        final var changes = new ArrayList<Change>();
        final var judged = support.judged();
        final var chainEdits = new HashMap<String, List<Edit>>();
        for (var wanted : intent.entries().values()) {
            final var key = wanted.key();
            if (wanted.error() != null) {
                failed.put(key, wanted.error());
                continue;
            }
            final var refusal = support.refusal(wanted);
            if (refusal != null) {
                failed.put(key, refusal);
                continue;
            }
            final var config = support.ext() ? wanted.config() : DeviceForm.withoutExt(wanted.config());
            final var desired = dom.entry(key, config);
            final var edits = new ArrayList<Edit>();
            final var chainName = wanted.keyChain();
            if (chainName != null) {
                edits.addAll(chainEdits.computeIfAbsent(chainName,
                    name -> chainEdit(dom, intent.chains().get(name), device.chains().get(name), judged)));
                if (!edits.isEmpty() && !device.parents().contains(DeviceDom.Parent.KEY_CHAINS)) {
                    edits.addFirst(parentEdit(dom, DeviceDom.Parent.KEY_CHAINS));
                }
            }
            final var parent = new DeviceDom.Parent(key.instance(), key.session() instanceof MultiHopKey);
            if (!device.parents().contains(parent)) {
                edits.add(parentEdit(dom, parent));
            }
            final var have = device.entries().get(key);
            final List<String> differences = have == null ? List.of()
                : DomCompare.differences((MapEntryNode) desired.node(), have, judged);
            if (have != null && differences.isEmpty() && edits.stream().allMatch(Edit::merge)) {
                matched.add(key);
                continue;
            }
            edits.add(new Edit(desired.path(), desired.node()));
            final var before = refused.get(key);
            if (before != null && before.stillHolds(edits, device, now)) {
                failed.put(key, before.text());
                continue;
            }
            changes.add(new Change(key, edits, have == null ? "create"
                : differences.isEmpty() ? "correct its key-chain " + chainName
                : "correct (" + String.join("; ", differences) + ")"));
        }
        for (var key : device.entries().keySet()) {
            if (managed.contains(key.instance()) && !intent.entries().containsKey(key)) {
                changes.add(new Change(key, List.of(new Edit(dom.entryPath(key), null)), "remove"));
            }
        }
        return new SyncPlan(matched, failed, changes);
    }

    private static Edit parentEdit(final DeviceDom dom, final DeviceDom.Parent parent) {
        final var placed = dom.parent(parent);
        return new Edit(placed.path(), placed.node(), true);
    }

    private static List<Edit> chainEdit(final DeviceDom dom, final @Nullable KeyChain chain,
            final @Nullable MapEntryNode have, final Set<org.opendaylight.yangtools.yang.common.XMLNamespace> judged) {
        if (chain == null) {
            return List.of();
        }
        final var desired = dom.chain(chain);
        if (have != null && DomCompare.differences((MapEntryNode) desired.node(), have, judged).isEmpty()) {
            return List.of();
        }
        return List.of(new Edit(desired.path(), desired.node()));
    }
}
