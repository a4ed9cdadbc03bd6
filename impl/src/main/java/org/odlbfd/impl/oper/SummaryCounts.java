/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import java.util.Collection;

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
        long up = 0;
        long adminDown = 0;
        for (var view : views) {
            switch (view.localState()) {
                case UP -> up++;
                case ADMIN_DOWN -> adminDown++;
                default -> {
                    // Down and Init both count as down
                }
            }
        }
        return new SummaryCounts(views.size(), up, views.size() - up - adminDown, adminDown);
    }
}
