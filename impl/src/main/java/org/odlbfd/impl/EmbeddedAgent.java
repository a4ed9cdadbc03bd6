/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.inject.Inject;
import org.odlbfd.api.PathType;
import org.odlbfd.api.SessionKey;
import org.odlbfd.impl.config.SessionConfig;
import org.odlbfd.impl.config.SessionSink;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.oper.SessionView;

/**
 * The BFD agent embedded in the controller: receives configured sessions and publishes their
 * state. Each session gets a unique, non-zero, random local discriminator (RFC 5880 §6.8.1:
 * "SHOULD be random"), kept across configuration changes so the peer never sees it move.
 */
public final class EmbeddedAgent implements SessionSink, AutoCloseable {
    /** RFC 5881 §4: single-hop Control packets go to UDP 3784. */
    public static final int SINGLE_HOP_PORT = 3784;
    /** RFC 5883 §5: multihop Control packets go to UDP 4784. */
    public static final int MULTI_HOP_PORT = 4784;

    private final OperationalWriter writer;
    private final Clock clock;
    private final RandomGenerator random;
    // touched only from the config listener's thread
    private final Map<SessionKey, SessionView> sessions = new HashMap<>();
    private final Set<Integer> discriminators = new HashSet<>();

    /**
     * Creates the agent with the system clock.
     *
     * @param writer publishes operational state
     */
    @Inject
    public EmbeddedAgent(final OperationalWriter writer) {
        this(writer, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * Creates the agent.
     *
     * @param writer publishes operational state
     * @param clock wall clock for timestamps
     * @param random discriminator source
     */
    public EmbeddedAgent(final OperationalWriter writer, final Clock clock, final RandomGenerator random) {
        this.writer = requireNonNull(writer);
        this.clock = requireNonNull(clock);
        this.random = requireNonNull(random);
    }

    @Override
    public void apply(final SessionConfig config) {
        final var old = sessions.get(config.key());
        final SessionView view;
        if (old == null) {
            final var port = config.key().pathType() == PathType.IP_MULTI_HOP ? MULTI_HOP_PORT : SINGLE_HOP_PORT;
            view = SessionView.initial(config, allocateDiscriminator(), port, clock.instant());
        } else {
            view = SessionView.initial(config, old.localDiscriminator(), old.destPort(), old.createTime());
        }
        sessions.put(config.key(), view);
        writer.put(view);
    }

    @Override
    public void remove(final String protocol, final SessionKey key) {
        final var old = sessions.remove(key);
        if (old != null) {
            discriminators.remove(old.localDiscriminator());
        }
        writer.remove(protocol, key);
    }

    private int allocateDiscriminator() {
        // bounded: with fewer than 2^31 sessions a free value is found within a few draws
        for (int i = 0; i < 1_000; i++) {
            final int candidate = random.nextInt();
            if (candidate != 0 && discriminators.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free BFD discriminator after 1000 draws");
    }

    @Override
    public void close() {
        sessions.clear();
        discriminators.clear();
    }
}
