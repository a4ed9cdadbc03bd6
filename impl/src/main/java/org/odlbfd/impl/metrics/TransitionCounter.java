/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.metrics;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.LongAdder;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.engine.SessionSnapshot;

/**
 * Counts session state transitions by the state entered and the local diagnostic that came with
 * it (RFC 5880 §6.8.1 bfd.LocalDiag), since the engine started. It hears the engine next to the
 * operational-state publisher: {@link #alongside(EngineObserver)} gives the observer the engine is
 * built with. Called on engine threads, so it only increments adders.
 */
public final class TransitionCounter {
    private final LongAdder[][] counts = new LongAdder[State.values().length][Diagnostic.values().length];

    /**
     * Creates the counter, all zero.
     */
    public TransitionCounter() {
        for (LongAdder[] row : counts) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new LongAdder();
            }
        }
    }

    /**
     * One transition.
     *
     * @param to the state entered
     * @param diag the local diagnostic after it
     */
    public void count(final State to, final Diagnostic diag) {
        counts[to.ordinal()][diag.ordinal()].increment();
    }

    /**
     * Transitions so far.
     *
     * @param to state entered
     * @param diag diagnostic
     * @return count
     */
    public long get(final State to, final Diagnostic diag) {
        return counts[to.ordinal()][diag.ordinal()].sum();
    }

    /**
     * The observer to build the engine with: {@code first} hears every event, then this counts.
     *
     * @param first the observer that writes state (the publisher)
     * @return both in one
     */
    public EngineObserver alongside(final EngineObserver first) {
        requireNonNull(first);
        return new EngineObserver() {
            @Override
            public void sessionCreated(final SessionSnapshot snapshot) {
                first.sessionCreated(snapshot);
            }

            @Override
            public void stateChanged(final SessionSnapshot snapshot, final State previous) {
                first.stateChanged(snapshot, previous);
                count(snapshot.localState(), snapshot.localDiag());
            }

            @Override
            public void timersChanged(final SessionSnapshot snapshot) {
                first.timersChanged(snapshot);
            }

            @Override
            public void sessionDeleted(final SessionKey key, final String name) {
                first.sessionDeleted(key, name);
            }
        };
    }
}
