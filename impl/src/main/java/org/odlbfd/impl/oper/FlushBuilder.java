/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.TickLag;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * Builds each flush's transaction for {@link OperationalWriter}: it holds the entries the
 * operational ietf-bfd tree should have (the latest view of each embedded-agent session, and the
 * entries of sessions NETCONF devices run) and what the flushes so far wrote of them, and turns the
 * writer's pending dirty sessions and counter chunk into the writes of one transaction. After a
 * session's first write only what changed is written ({@link EntryDelta}); the summaries are written
 * when they change ({@link SummaryWriter}). When a key is both an embedded session and a device's (a
 * session moving between the agent and a device), the device's entry wins.
 *
 * <p>Not thread-safe: confined to the writer's thread, as is what the writer passes in. The writer
 * keeps the queue (which sessions are dirty, the counter refreshes, since when) and the pacing,
 * commit and lag; this class decides what goes into a transaction.
 */
final class FlushBuilder {
    private final Map<String, Map<SessionKey, SessionView>> current = new HashMap<>();
    private final Map<String, Map<SessionKey, Placed>> placed = new HashMap<>();
    /** What the last flush wrote of each session, so the next writes only what changed (EntryDelta). */
    private final Map<String, WrittenEntries> written = new HashMap<>();
    private final SummaryWriter summaries = new SummaryWriter();
    private final EntryDelta delta;

    /**
     * Creates the builder.
     *
     * @param wholeEntries write every changed entry whole instead of only what changed (the benchmark's
     *     baseline, as before issue 12)
     */
    FlushBuilder(final boolean wholeEntries) {
        delta = new EntryDelta(wholeEntries);
    }

    /**
     * Records the new view of a session (creating its entry if needed).
     *
     * @param view the session state
     */
    void put(final SessionView view) {
        current.computeIfAbsent(view.config().protocol(), k -> new HashMap<>()).put(view.config().key(), view);
    }

    /**
     * Takes a session's periodic refresh into its view. The policy state is not the refresh's to change:
     * the one last handed over stays (a refresh without it once erased not-up-reason and the damping
     * state until the next policy report). A refresh whose session-running disagrees with the view is
     * dropped: its snapshot was taken before a transition whose update came first, or after one whose
     * update is still on its way, and transitions always come with their own update.
     *
     * @param refreshed the session state
     * @return STATISTICS or ENTRY when taken; RUNNING (dropped), or NONE when nothing changed or there
     *     is no such session
     */
    EntryDelta.Difference refresh(final SessionView refreshed) {
        final var sessions = current.get(refreshed.config().protocol());
        final var last = sessions == null ? null : sessions.get(refreshed.config().key());
        if (last == null) {
            return EntryDelta.Difference.NONE;
        }
        final var view = refreshed.withPolicy(last.policy());
        final var difference = EntryDelta.difference(last, view);
        if (difference == EntryDelta.Difference.STATISTICS || difference == EntryDelta.Difference.ENTRY) {
            sessions.put(view.config().key(), view);
        }
        return difference;
    }

    /**
     * Forgets an embedded-agent session.
     *
     * @param protocol its protocol instance
     * @param key the session
     * @return whether there was one
     */
    boolean remove(final String protocol, final SessionKey key) {
        final var sessions = current.get(protocol);
        return sessions != null && sessions.remove(key) != null;
    }

    /**
     * Records the entry of a session a NETCONF device runs.
     *
     * @param protocol the controller's protocol instance that holds its configuration
     * @param key the session (single-hop) or session group (multihop)
     * @param entry the whole operational entry: {@link Session} or {@link SessionGroup}
     * @param localState the device's bfd.SessionState, null when not known, for the summaries
     */
    void place(final String protocol, final SessionKey key, final DataObject entry, final @Nullable State localState) {
        placed.computeIfAbsent(protocol, k -> new HashMap<>()).put(key, new Placed(entry, localState));
    }

    /**
     * Forgets the entry of a session a device ran.
     *
     * @param protocol its protocol instance
     * @param key the session
     * @return whether there was one
     */
    boolean unplace(final String protocol, final SessionKey key) {
        final var entries = placed.get(protocol);
        if (entries == null || entries.remove(key) == null) {
            return false;
        }
        if (entries.isEmpty()) {
            placed.remove(protocol);
        }
        return true;
    }

    /**
     * The keys of every entry, embedded and placed, by protocol instance; an instance whose last
     * session went since the last flush has an empty set.
     *
     * @return a new map
     */
    Map<String, Set<SessionKey>> keys() {
        final Map<String, Set<SessionKey>> keys = new HashMap<>();
        current.forEach((protocol, sessions) -> keys.computeIfAbsent(protocol, k -> new HashSet<>())
            .addAll(sessions.keySet()));
        placed.forEach((protocol, entries) -> keys.computeIfAbsent(protocol, k -> new HashSet<>())
            .addAll(entries.keySet()));
        return keys;
    }

    /** Forgets every entry; the next flush of each instance deletes it from the operational view. */
    void clear() {
        current.values().forEach(Map::clear);
        placed.clear();
    }

    /** A new chain replaced a failed one: what it may have lost is written again, whole. */
    void forgetWritten() {
        written.clear();
        summaries.clear();
    }

    /**
     * The engine's health figures, written under every instance's bfd with its next summaries.
     *
     * @param readings the latest readings (each loop's tick lag)
     */
    void health(final List<TickLag.Reading> readings) {
        summaries.health(readings);
    }

    /**
     * Adds one flush to the transaction: the entries of the dirty sessions, then a chunk of counter
     * refreshes, which go in transactions of their own after the transitions ({@link CounterQueue}).
     *
     * @param tx the transaction
     * @param dirty the sessions whose entries changed, by protocol instance; emptied
     * @param counters the counter refreshes waiting; a chunk of them is taken
     * @param nanoTime the writer's clock, read once the entries are written, for how long the counters
     *     have waited
     */
    void build(final WriteTransaction tx, final Map<String, Set<SessionKey>> dirty, final CounterQueue counters,
            final LongSupplier nanoTime) {
        final boolean transitions = !dirty.isEmpty();
        for (var entry : dirty.entrySet()) {
            writeProtocol(tx, entry.getKey(), entry.getValue(), counters);
        }
        dirty.clear();
        for (var entry : counters.take(transitions, nanoTime.getAsLong()).entrySet()) {
            writeProtocol(tx, entry.getKey(), entry.getValue(), counters);
        }
    }

    /** Entries written whole and in part (whole, then partial) since start, for the benchmark and tests. */
    long[] writeCounts() {
        return new long[] {delta.fullWrites(), delta.partialWrites()};
    }

    private void writeProtocol(final WriteTransaction tx, final String protocol, final Set<SessionKey> keys,
            final CounterQueue counters) {
        final var sessions = current.getOrDefault(protocol, Map.of());
        final var devices = placed.getOrDefault(protocol, Map.of());
        if (sessions.isEmpty() && devices.isEmpty()) {
            // no session left: the protocol instance disappears from the operational view
            tx.delete(LogicalDatastoreType.OPERATIONAL, OperMapper.protocolPath(protocol));
            current.remove(protocol);
            written.remove(protocol);
            summaries.remove(protocol);
            counters.removeProtocol(protocol);
            return;
        }
        final var before = written.computeIfAbsent(protocol, k -> new WrittenEntries());
        for (var key : keys) {
            final var view = sessions.get(key);
            final var device = devices.get(key);
            if (device != null) {
                // a device's entry is written whole, and what the writer wrote of its own for the key is forgotten
                before.remove(key);
                switch (key) {
                    case SingleHopKey sh -> tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL,
                        OperMapper.sessionPath(protocol, sh), (Session) device.entry());
                    case MultiHopKey mh -> tx.mergeParentStructurePut(LogicalDatastoreType.OPERATIONAL,
                        OperMapper.sessionGroupPath(protocol, mh), (SessionGroup) device.entry());
                }
            } else if (view == null) {
                before.remove(key);
                EntryDelta.delete(tx, protocol, key);
            } else {
                final boolean parentsExist = before.hasSibling(key);
                delta.write(tx, protocol, key, before.put(view), view, parentsExist);
            }
        }
        final Map<SessionKey, @Nullable State> states = new HashMap<>();
        sessions.forEach((key, view) -> states.put(key, view.localState()));
        // a device's entry wins over the embedded agent's for the same key
        devices.forEach((key, device) -> states.put(key, device.localState()));
        summaries.write(tx, protocol, states);
    }

    /** The entry of a session a device runs, and its state for the summaries. */
    private record Placed(DataObject entry, @Nullable State localState) {
    }
}
