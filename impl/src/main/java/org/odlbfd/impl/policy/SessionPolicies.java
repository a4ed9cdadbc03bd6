/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.impl.fsm.Transition;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.Session;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The stability policies of the sessions of one engine thread: flap damping, detection-time
 * adaptation, wait-to-restore, thresholds and the "not Up" reason (odl-bfd-ext, issue 13). The
 * engine calls it at a few points (a configuration applied, a session created, a transition, new
 * timers, a snapshot, a session gone) and hears back through {@link Listener}. It decides the state
 * the session's clients see: the state on the wire, except Down while the session is damped or
 * waiting to restore. Everything runs on the loop's thread; nothing here is thread-safe.
 */
public final class SessionPolicies {
    /** What the engine does with the policies' outcomes. Called on the session's thread. */
    public interface Listener {
        /**
         * The state the session's clients see changed outside a transition (damping or a wait ended).
         *
         * @param session the session
         * @param status the status for its clients
         */
        void clientStatus(Session session, SessionStatus status);

        /**
         * The policy state changed (written to the operational datastore).
         *
         * @param session the session
         * @param snapshot the new state
         */
        void policyChanged(Session session, PolicySnapshot snapshot);

        /**
         * Something to tell operators (a notification).
         *
         * @param session the session
         * @param event what happened
         */
        void policyEvent(Session session, PolicyEvent event);
    }

    /**
     * What a clear RPC found.
     *
     * @param matched sessions it named
     * @param cleared sessions that were damped or adapted and are not any more
     */
    public record Cleared(int matched, int cleared) {
        /** Nothing. */
        public static final Cleared NONE = new Cleared(0, 0);

        /**
         * Sums two counts.
         *
         * @param other the other count
         * @return the sum
         */
        public Cleared plus(final Cleared other) {
            return new Cleared(matched + other.matched, cleared + other.cleared);
        }
    }

    private final Map<SessionKey, SessionPolicy> policies = new HashMap<>();
    private final Scheduler scheduler;
    private final Clock clock;
    private final SessionPolicy.Outlet outlet;

    /**
     * Creates the policies of one loop.
     *
     * @param scheduler the loop
     * @param clock its clock
     * @param listener hears the outcomes
     * @param transportStatus the transport's error for a session, or null while it works (the
     *     "bind/send failed" part of the reason)
     */
    public SessionPolicies(final Scheduler scheduler, final Clock clock, final Listener listener,
            final Function<Session, @Nullable String> transportStatus) {
        this.scheduler = requireNonNull(scheduler);
        this.clock = requireNonNull(clock);
        requireNonNull(listener);
        requireNonNull(transportStatus);
        outlet = new SessionPolicy.Outlet() {
            @Override
            public void clientStatus(final Session session, final SessionStatus status) {
                listener.clientStatus(session, status);
            }

            @Override
            public void changed(final Session session, final PolicySnapshot snapshot) {
                listener.policyChanged(session, snapshot);
            }

            @Override
            public void event(final Session session, final PolicyEvent event) {
                listener.policyEvent(session, event);
            }

            @Override
            public @Nullable String transportStatus(final Session session) {
                return transportStatus.apply(session);
            }
        };
    }

    private SessionPolicy of(final SessionKey key) {
        return policies.computeIfAbsent(key, k -> new SessionPolicy(scheduler, clock, outlet));
    }

    /**
     * The operator's policy settings for a session, before its configuration is applied (the
     * session may not exist yet).
     *
     * @param key the session
     * @param config the settings
     */
    public void configure(final SessionKey key, final PolicyConfig config) {
        of(key).configure(config);
    }

    /**
     * The configuration a session should run: the operator's, with adapted timers. Call it with
     * every configuration applied to an existing session.
     *
     * @param operator the operator's configuration
     * @return the configuration to run
     */
    public SessionConfig effective(final SessionConfig operator) {
        return of(operator.key()).effective(operator);
    }

    /**
     * A session was created (and started).
     *
     * @param session the session
     */
    public void created(final Session session) {
        of(session.config().key()).attach(session);
    }

    /**
     * A transition. Returns what the session's clients should hear.
     *
     * @param session the session
     * @param transition what happened on the wire
     * @param wire the status of the wire transition
     * @param client the status the clients heard last
     * @return the status for the clients, or null when what they see did not change
     */
    public @Nullable SessionStatus transition(final Session session, final Transition transition,
            final SessionStatus wire, final SessionStatus client) {
        final SessionPolicy policy = policies.get(session.config().key());
        final var next = policy == null ? wire.state() : policy.transition(transition);
        if (next == client.state()) {
            return null;
        }
        if (next == wire.state() && client.state() == wire.previousState()) {
            return wire;
        }
        return new SessionStatus(next, client.state(), wire.localDiagnostic(), wire.remoteState(),
            wire.remoteDiagnostic(), wire.changedAt());
    }

    /**
     * The negotiated timers changed without a transition.
     *
     * @param session the session
     */
    public void timersChanged(final Session session) {
        final SessionPolicy policy = policies.get(session.config().key());
        if (policy != null) {
            policy.timersChanged();
        }
    }

    /**
     * A snapshot is taken (the periodic refresh): the reason and the penalty move with time.
     *
     * @param session the session
     */
    public void refresh(final Session session) {
        final SessionPolicy policy = policies.get(session.config().key());
        if (policy != null) {
            policy.refresh();
        }
    }

    /**
     * The session is gone.
     *
     * @param key the session
     */
    public void removed(final SessionKey key) {
        final SessionPolicy policy = policies.remove(key);
        if (policy != null) {
            policy.stop();
        }
    }

    /**
     * A configuration was refused: forgets the settings given for it if its session never ran.
     *
     * @param key the session
     */
    public void abandoned(final SessionKey key) {
        final SessionPolicy policy = policies.get(key);
        if (policy != null && policy.last() == null) {
            policies.remove(key);
        }
    }

    /**
     * Ends damping (an operator's clear-damping).
     *
     * @param key one session, or null for every session of this loop
     * @return what was found
     */
    public Cleared clearDamping(final @Nullable SessionKey key) {
        return clear(key, true);
    }

    /**
     * Returns to the configured intervals (an operator's clear-adaptation).
     *
     * @param key one session, or null for every session of this loop
     * @return what was found
     */
    public Cleared clearAdaptation(final @Nullable SessionKey key) {
        return clear(key, false);
    }

    private Cleared clear(final @Nullable SessionKey key, final boolean damping) {
        final List<SessionPolicy> chosen = key == null ? List.copyOf(policies.values())
            : policies.containsKey(key) ? List.of(policies.get(key)) : List.of();
        int matched = 0;
        int cleared = 0;
        for (SessionPolicy policy : chosen) {
            if (policy.last() == null) {
                // configured for a session that does not run (yet)
                continue;
            }
            matched++;
            if (damping ? policy.clearDamping() : policy.clearAdaptation()) {
                cleared++;
            }
        }
        return new Cleared(matched, cleared);
    }

    /**
     * The latest policy state of a session.
     *
     * @param key the session
     * @return the state, or null when no such session runs here
     */
    public @Nullable PolicySnapshot snapshot(final SessionKey key) {
        final SessionPolicy policy = policies.get(key);
        if (policy == null) {
            return null;
        }
        // the penalty and the reason move with time: bring them up to now
        policy.refresh();
        return policy.last();
    }
}
