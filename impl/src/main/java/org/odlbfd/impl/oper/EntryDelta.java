/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;

/**
 * The smallest write that turns a session's operational entry, as written last, into a new view.
 * A transition changes a handful of leaves (session-running, a statistic or two, the peer's
 * discriminator), yet a put of the whole entry makes the binding codec serialize, and the datastore
 * replace and report, every leaf of it: about 170 µs per entry, which a burst of 1,000 sessions
 * coming Up turned into more than a second of lag (issue 12). So a single-hop entry is written whole
 * only the first time and when something outside these two containers changed; otherwise only
 * the container that changed is put:
 *
 * <ul>
 *   <li>session-running (states, diagnostics, detection mode, negotiated intervals);</li>
 *   <li>session-statistics (times, counters).</li>
 * </ul>
 *
 * <p>Only puts, never merges: a put below an entry that is no longer there (removed behind the
 * writer's back) fails its commit, and the writer's recovery writes every entry whole again, where a
 * merge would have recreated a partial entry. The peer's discriminator and multiplier are entry
 * leaves (RFC 9314), which the binding API cannot put on their own, so learning them costs a whole
 * write, once per session coming Up. A multihop group's running session sits in an unkeyed list that
 * no path can name, so a changed group is always written whole.
 *
 * <p>The parts are named by {@link SessionView}'s record components; a component that neither names
 * (configuration, ports, discriminators, whatever is added later) belongs to the entry, so a new field
 * can cost a whole write but is never left unwritten.
 */
final class EntryDelta {
    /** Where a component of the view is written. */
    private enum Part { ENTRY, RUNNING, STATISTICS }

    private record Component(Method accessor, Part part) {
    }

    private static final Set<String> RUNNING = Set.of("localState", "remoteState", "localDiagnostic",
        "remoteDiagnostic", "remoteAuthType", "detectionMode", "negotiatedTxUs", "negotiatedRxUs", "detectionTimeUs",
        "echoTxUs");
    private static final Set<String> STATISTICS = Set.of("createTime", "lastUpTime", "lastDownTime", "downCount",
        "adminDownCount", "rxPackets", "txPackets", "rxInvalid", "txFailed", "largestRxGap");
    private static final List<Component> COMPONENTS = components();

    private final boolean wholeOnly;
    // what was written, for the benchmark and tests (writer thread only)
    private long fullWrites;
    private long partialWrites;

    /**
     * Creates the delta writer.
     *
     * @param wholeOnly write every changed entry whole, as before issue 12 (the benchmark's baseline)
     */
    EntryDelta(final boolean wholeOnly) {
        this.wholeOnly = wholeOnly;
    }

    /**
     * Adds to the transaction what brings the entry from {@code before} to {@code after}.
     *
     * @param tx the transaction
     * @param protocol the protocol instance
     * @param key the session
     * @param before the view written last, or null when the entry was not written (or must be rewritten)
     * @param after the view to write
     * @param parentsExist whether the list the entry belongs to exists (another entry is in it): a whole
     *     entry is then put on its own, without first merging every container above it
     */
    void write(final WriteTransaction tx, final String protocol, final SessionKey key,
            final @Nullable SessionView before, final SessionView after, final boolean parentsExist) {
        if (before == null) {
            writeWhole(tx, protocol, key, after, parentsExist);
            return;
        }
        final var changed = changed(before, after);
        if (changed.isEmpty()) {
            return;
        }
        if (wholeOnly || changed.contains(Part.ENTRY) || !(key instanceof SingleHopKey sh)) {
            // the entry itself exists: it was written before
            writeWhole(tx, protocol, key, after, true);
            return;
        }
        partialWrites++;
        if (changed.contains(Part.RUNNING)) {
            tx.put(LogicalDatastoreType.OPERATIONAL, OperMapper.runningPath(protocol, sh), OperMapper.running(after));
        }
        if (changed.contains(Part.STATISTICS)) {
            tx.put(LogicalDatastoreType.OPERATIONAL, OperMapper.statisticsPath(protocol, sh),
                OperMapper.statistics(after, false));
        }
    }

    /**
     * Adds the removal of a session's entry to the transaction.
     *
     * @param tx the transaction
     * @param protocol the protocol instance
     * @param key the session
     */
    static void delete(final WriteTransaction tx, final String protocol, final SessionKey key) {
        switch (key) {
            case SingleHopKey sh -> tx.delete(LogicalDatastoreType.OPERATIONAL, OperMapper.sessionPath(protocol, sh));
            case MultiHopKey mh -> tx.delete(LogicalDatastoreType.OPERATIONAL,
                OperMapper.sessionGroupPath(protocol, mh));
        }
    }

    /**
     * Puts the whole entry. When its parents are believed to exist and are gone after all (removed
     * behind the writer's back), the put fails its commit and the writer's recovery writes every entry
     * whole with its parents again.
     */
    private void writeWhole(final WriteTransaction tx, final String protocol, final SessionKey key,
            final SessionView view, final boolean parentsExist) {
        fullWrites++;
        final var store = LogicalDatastoreType.OPERATIONAL;
        final boolean plainPut = parentsExist && !wholeOnly;
        switch (key) {
            case SingleHopKey sh -> {
                final var path = OperMapper.sessionPath(protocol, sh);
                if (plainPut) {
                    tx.put(store, path, OperMapper.toSession(view, sh));
                } else {
                    tx.mergeParentStructurePut(store, path, OperMapper.toSession(view, sh));
                }
            }
            case MultiHopKey mh -> {
                final var path = OperMapper.sessionGroupPath(protocol, mh);
                if (plainPut) {
                    tx.put(store, path, OperMapper.toSessionGroup(view, mh));
                } else {
                    tx.mergeParentStructurePut(store, path, OperMapper.toSessionGroup(view, mh));
                }
            }
        }
    }

    /**
     * Entries written whole so far.
     *
     * @return count
     */
    long fullWrites() {
        return fullWrites;
    }

    /**
     * Entries written in part so far.
     *
     * @return count
     */
    long partialWrites() {
        return partialWrites;
    }

    /** How two views of a session differ, as the writer's refresh needs to know. */
    enum Difference {
        /** Not at all. */
        NONE,
        /** In session-statistics only. */
        STATISTICS,
        /** In something else, but not in session-running. */
        ENTRY,
        /** In session-running. */
        RUNNING
    }

    /**
     * How two views of a session differ.
     *
     * @param before one view
     * @param after the other
     * @return the largest kind of difference
     */
    static Difference difference(final SessionView before, final SessionView after) {
        final var changed = changed(before, after);
        return changed.contains(Part.RUNNING) ? Difference.RUNNING : changed.contains(Part.ENTRY) ? Difference.ENTRY
            : changed.contains(Part.STATISTICS) ? Difference.STATISTICS : Difference.NONE;
    }

    private static EnumSet<Part> changed(final SessionView before, final SessionView after) {
        final var result = EnumSet.noneOf(Part.class);
        for (var component : COMPONENTS) {
            if (!result.contains(component.part())
                    && !Objects.equals(value(component, before), value(component, after))) {
                result.add(component.part());
            }
        }
        return result;
    }

    private static Object value(final Component component, final SessionView view) {
        try {
            return component.accessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.accessor().getName(), e);
        }
    }

    private static List<Component> components() {
        final var result = new ArrayList<Component>();
        for (var component : SessionView.class.getRecordComponents()) {
            final var name = component.getName();
            final Part part = RUNNING.contains(name) ? Part.RUNNING
                : STATISTICS.contains(name) ? Part.STATISTICS : Part.ENTRY;
            result.add(new Component(component.getAccessor(), part));
        }
        return List.copyOf(result);
    }
}
