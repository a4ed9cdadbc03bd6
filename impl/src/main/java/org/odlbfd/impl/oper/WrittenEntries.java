/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.PathType;
import org.odlbfd.api.SessionKey;

/**
 * What the operational writer last wrote of one protocol instance's sessions, and how many entries
 * of each kind are there: while another single-hop entry (or multihop group) exists, its list and
 * the containers above it exist too, so a new entry is a plain put instead of a put that first
 * merges every parent (a quarter of a whole write's cost in the controller's profile). Confined to
 * the writer's thread.
 */
final class WrittenEntries {
    private final Map<SessionKey, SessionView> views = new HashMap<>();
    private final Map<PathType, Integer> counts = new EnumMap<>(PathType.class);

    /**
     * Records a view as written.
     *
     * @param view the view
     * @return the view written before for the same session, or null
     */
    @Nullable SessionView put(final SessionView view) {
        final var key = view.config().key();
        final var before = views.put(key, view);
        if (before == null) {
            counts.merge(key.pathType(), 1, Integer::sum);
        }
        return before;
    }

    /**
     * Forgets a session whose entry is deleted.
     *
     * @param key the session
     */
    void remove(final SessionKey key) {
        if (views.remove(key) != null) {
            counts.merge(key.pathType(), -1, Integer::sum);
        }
    }

    /**
     * Whether another entry of the same kind is written, so the parents of this one exist.
     *
     * @param key the session
     * @return true when a sibling entry exists
     */
    boolean hasSibling(final SessionKey key) {
        return counts.getOrDefault(key.pathType(), 0) > (views.containsKey(key) ? 1 : 0);
    }
}
