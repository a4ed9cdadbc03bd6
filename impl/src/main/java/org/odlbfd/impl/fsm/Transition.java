/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.fsm;

import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * The outcome of one event.
 *
 * @param from the state before
 * @param to the state after (equal to {@code from} when nothing changed)
 * @param diag the new bfd.LocalDiag, or null to leave it as it is
 * @param actions side effects, immutable
 */
public record Transition(State from, State to, @Nullable Diagnostic diag, Set<Action> actions) {
    /**
     * Copies the action set.
     *
     * @param from the state before
     * @param to the state after
     * @param diag the new bfd.LocalDiag, or null
     * @param actions side effects
     */
    public Transition {
        actions = Set.copyOf(actions);
    }

    /**
     * Whether the state changes.
     *
     * @return true when {@code from != to}
     */
    public boolean changed() {
        return from != to;
    }

    /**
     * Whether an action is requested.
     *
     * @param action the action
     * @return true if present
     */
    public boolean has(final Action action) {
        return actions.contains(action);
    }
}
