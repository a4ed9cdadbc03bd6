/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;

/**
 * The BFD status of interfaces coupled to a session by process-interface-status (seed 000):
 * down until the session first comes Up, then down whenever it is not Up. Our own admin-down
 * stops the coupling (Huawei: a shut-down session no longer reports to its interface), so the
 * status reads up; a peer's AdminDown leaves it as it was (RFC 5882 §3.2). Sub-interfaces follow
 * their parent when the coupling says so. Confined to the tracker's thread.
 */
final class InterfaceStatus {
    /**
     * One interface's status as published.
     *
     * @param up the BFD status
     * @param session the name of the session that drives it
     * @param link the link in the kernel (RFC 8343's mandatory state leaves), or null when unknown
     */
    record Status(boolean up, String session, @org.eclipse.jdt.annotation.Nullable LinkState link) {
    }

    private Map<String, Coupling> couplings = Map.of();
    private final Map<String, Boolean> up = new HashMap<>();

    /**
     * Takes the configured couplings; an interface whose coupling changed session starts down again.
     *
     * @param next couplings by interface
     * @return true when anything changed
     */
    boolean configure(final Map<String, Coupling> next) {
        final boolean changed = !next.equals(couplings);
        for (var entry : next.entrySet()) {
            final Coupling old = couplings.get(entry.getKey());
            if (old == null || !old.key().equals(entry.getValue().key())) {
                up.put(entry.getKey(), false);
            }
        }
        up.keySet().retainAll(next.keySet());
        couplings = Map.copyOf(next);
        return changed;
    }

    boolean coupled(final SessionKey key) {
        return couplings.values().stream().anyMatch(c -> c.key().equals(key));
    }

    /**
     * A coupled session changed state.
     *
     * @param session the session
     * @return true when an interface's status changed
     */
    boolean update(final TrackedSession session) {
        boolean changed = false;
        for (var entry : couplings.entrySet()) {
            if (!entry.getValue().key().equals(session.key)) {
                continue;
            }
            final boolean before = up.getOrDefault(entry.getKey(), false);
            final boolean after;
            if (session.state() == State.UP || session.state() == State.ADMIN_DOWN) {
                after = true;
            } else if (session.adminDownNow()) {
                after = before;
            } else {
                after = false;
            }
            if (after != before) {
                up.put(entry.getKey(), after);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Every interface with a BFD status: the coupled ones and, where asked, their sub-interfaces.
     *
     * @param kernel the links
     * @return status by interface name, sorted
     */
    Map<String, Status> statuses(final KernelView kernel) {
        final Map<String, Status> result = new TreeMap<>();
        for (var entry : couplings.entrySet()) {
            final boolean isUp = up.getOrDefault(entry.getKey(), false);
            final String session = entry.getValue().sessionName();
            if (entry.getValue().subInterfaces()) {
                for (String sub : kernel.subInterfaces(entry.getKey())) {
                    result.putIfAbsent(sub, new Status(isUp, session, kernel.link(sub)));
                }
            }
            result.put(entry.getKey(), new Status(isUp, session, kernel.link(entry.getKey())));
        }
        return result;
    }
}
