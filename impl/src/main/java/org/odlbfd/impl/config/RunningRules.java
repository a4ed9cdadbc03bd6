/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import org.odlbfd.api.SessionKey;

/**
 * Static local discriminators against the sessions the embedded agent runs: bfd.LocalDiscr is
 * fixed for a session's lifetime and unique in the system (RFC 5880 section 6.8.1), so a running
 * session cannot be given another one, and a static value may not be one the agent already gave
 * (at random) to another running session. The engine refuses both as well, but only in its log.
 */
final class RunningRules implements TransitionRule {
    private final RunningDiscriminators agent;

    /**
     * Creates the rules.
     *
     * @param agent the embedded agent's running sessions
     */
    RunningRules(final RunningDiscriminators agent) {
        this.agent = requireNonNull(agent);
    }

    @Override
    public void check(final ConfigView before, final ConfigView after, final Violations violations) {
        final Map<SessionKey, Long> old = new HashMap<>();
        before.sessions().forEach(session -> old.put(session.key(), session.staticLocalDiscriminator()));
        final Map<Long, SessionKey> claimed = new HashMap<>();
        after.sessions().forEach(session -> claimed.putIfAbsent(session.staticLocalDiscriminator(), session.key()));
        Map<SessionKey, Integer> running = null;
        for (var session : after.sessions()) {
            if (!session.embedded()) {
                // a device's discriminators are the device's, not the embedded agent's
                continue;
            }
            final long wanted = session.staticLocalDiscriminator();
            final var previous = old.get(session.key());
            if (wanted == 0 || previous != null && previous == wanted) {
                // no static value, or the one it already had
                continue;
            }
            if (running == null) {
                running = agent.running();
            }
            final var current = running.get(session.key());
            final long runsWith = current != null ? Integer.toUnsignedLong(current) : previous == null ? 0 : previous;
            if (runsWith != 0 && runsWith != wanted) {
                violations.add(session.where(), "static-local-discriminator " + wanted + ": the session runs with "
                    + "local discriminator " + runsWith + ", which cannot change while it exists (RFC 5880 section "
                    + "6.8.1); delete the session and create it again to change it");
                continue;
            }
            for (var entry : running.entrySet()) {
                if (Integer.toUnsignedLong(entry.getValue()) == wanted && !entry.getKey().equals(session.key())
                        && !entry.getKey().equals(claimed.get(wanted))) {
                    violations.add(session.where(), "static-local-discriminator " + wanted + " is the local "
                        + "discriminator of running session " + entry.getKey() + " (allocated by the agent); "
                        + "bfd.LocalDiscr must be unique in the system (RFC 5880 section 6.8.1)");
                }
            }
        }
    }
}
