/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.util.Collection;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.State;

/**
 * The four numbers of ietf-bfd-types {@code session-statistics-summary}.
 *
 * @param total number-of-sessions
 * @param up number-of-sessions-up
 * @param down number-of-sessions-down (every state that is neither Up nor AdminDown)
 * @param adminDown number-of-sessions-admin-down
 */
public record SummaryCounts(long total, long up, long down, long adminDown) {
    /**
     * Counts a set of sessions.
     *
     * @param views the sessions
     * @return the counts
     */
    public static SummaryCounts of(final Collection<SessionView> views) {
        return ofStates(views.stream().map(SessionView::localState).toList());
    }

    /**
     * Counts sessions by their local state.
     *
     * @param states one per session; null for a session whose state is not known (a session placed on a
     *     device that has not reported it yet), which counts as down: it is not Up
     * @return the counts
     */
    public static SummaryCounts ofStates(final Collection<@Nullable State> states) {
        long up = 0;
        long adminDown = 0;
        for (var state : states) {
            if (state == State.UP) {
                up++;
            } else if (state == State.ADMIN_DOWN) {
                adminDown++;
            }
            // Down, Init and unknown count as down
        }
        return new SummaryCounts(states.size(), up, states.size() - up - adminDown, adminDown);
    }
}
