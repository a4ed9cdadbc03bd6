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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.config.RunningDiscriminators;
import org.odlbfd.impl.config.SessionConfig;
import org.odlbfd.impl.config.SessionSink;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.engine.EnginePolicies;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.metrics.TransitionCounter;
import org.odlbfd.impl.oper.StatePublisher;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.transport.EchoAddressing;
import org.odlbfd.impl.transport.Transport;
import org.odlbfd.impl.transport.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BFD agent inside the controller: the engine on Netty event loops with real UDP sockets on
 * the host (or network namespace) the controller runs in. Configuration arrives from the
 * datastore listener; state goes back through the {@link StatePublisher}.
 */
public final class EmbeddedAgent implements SessionSink, RunningDiscriminators, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAgent.class);
    /** Two loops: this machine class has two cores (see PERF-NOTES); each session stays on one. */
    private static final int DEFAULT_THREADS = 2;
    /** Counters reach the datastore this often; state changes go at once. */
    private static final long DEFAULT_COUNTERS_PERIOD_MS = 5_000;

    /** Seeds the jitter generator; discriminators and auth sequence numbers come from the engine's CSPRNG. */
    private static final SecureRandom SEEDS = new SecureRandom();

    private final StatePublisher publisher;
    private final Transport transport;
    private final BfdEngine engine;
    private final EnginePolicies policies;
    private final ConcurrentMap<SessionKey, CompletableFuture<?>> pending = new ConcurrentHashMap<>();
    private final ConcurrentMap<SessionKey, Integer> discriminators = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates the agent on the standard ports with the operator's settings (Karaf
     * {@code etc/org.odlbfd.agent.cfg}).
     *
     * @param publisher where state goes
     * @param keys authentication keys
     * @param threads event loops, 0 for the default (two: each session stays on one)
     * @param countersPeriodMillis how often counters are written, 0 for the default (5 s)
     * @param ipv4EchoToSelf compatibility: true means {@code echo-addressing=self-ipv4}
     * @param echoAddressing where Echo goes: {@code self} (RFC 5881 §4, the default: the peer's
     *     forwarding plane loops it back; needs the policy route in impl/README.md), {@code peer}
     *     or {@code self-ipv4}
     * @param transitions counts transitions for the metrics
     */
    @Inject
    public EmbeddedAgent(final StatePublisher publisher, final KeyProvider keys, final int threads,
            final long countersPeriodMillis, final boolean ipv4EchoToSelf, final String echoAddressing,
            final TransitionCounter transitions) {
        this(publisher, keys, threads > 0 ? threads : DEFAULT_THREADS,
            TransportConfig.STANDARD.withEchoAddressing(ipv4EchoToSelf ? EchoAddressing.SELF_IPV4
                : EchoAddressing.parse(echoAddressing)),
            countersPeriodMillis > 0 ? countersPeriodMillis : DEFAULT_COUNTERS_PERIOD_MS, transitions);
    }

    /**
     * Creates the agent without transition metrics (the remote agent, tests).
     *
     * @param publisher where state goes
     * @param keys authentication keys
     * @param threads event loops
     * @param ports UDP ports
     * @param countersPeriodMillis how often counters are written
     */
    public EmbeddedAgent(final StatePublisher publisher, final KeyProvider keys, final int threads,
            final TransportConfig ports, final long countersPeriodMillis) {
        this(publisher, keys, threads, ports, countersPeriodMillis, new TransitionCounter());
    }

    /**
     * Creates the agent.
     *
     * @param publisher where state goes
     * @param keys authentication keys
     * @param threads event loops
     * @param ports UDP ports
     * @param countersPeriodMillis how often counters are written
     * @param transitions counts transitions for the metrics
     */
    public EmbeddedAgent(final StatePublisher publisher, final KeyProvider keys, final int threads,
            final TransportConfig ports, final long countersPeriodMillis, final TransitionCounter transitions) {
        if (threads < 1 || countersPeriodMillis < 1) {
            throw new IllegalArgumentException("threads " + threads + " and counters period " + countersPeriodMillis
                + " ms must be positive");
        }
        this.publisher = requireNonNull(publisher);
        transport = Transport.create(threads, ports);
        engine = new BfdEngine(transport.schedulers(), Clock.SYSTEM, transport::sink, keys,
            SEEDS.nextLong(), new Recorder(transitions.alongside(publisher)));
        policies = new EnginePolicies(engine);
        transport.attach(engine);
        publisher.start(engine::snapshots, engine::tickLag, countersPeriodMillis);
        LOG.info("Embedded BFD agent started on {} loops ({})", threads, transport.description());
    }

    /**
     * The engine, for clients of the session API inside the controller.
     *
     * @return the engine
     */
    public BfdEngine engine() {
        return engine;
    }

    /**
     * The client API for the controller's other code (route tracking): the engine's, with the
     * sessions' sockets opened first.
     *
     * @return the client API
     */
    public org.odlbfd.api.BfdSessionService clientSessions() {
        return new ClientSessions(engine, transport);
    }

    @Override
    public Map<SessionKey, Integer> running() {
        return Map.copyOf(discriminators);
    }

    /**
     * Notes each session's local discriminator for {@link #running()}, on the engine's threads, and
     * passes every event on (to the transition counter and the publisher).
     */
    private final class Recorder implements EngineObserver {
        private final EngineObserver downstream;

        Recorder(final EngineObserver downstream) {
            this.downstream = downstream;
        }

        @Override
        public void sessionCreated(final SessionSnapshot snapshot) {
            discriminators.put(snapshot.key(), snapshot.localDiscr());
            downstream.sessionCreated(snapshot);
        }

        @Override
        public void stateChanged(final SessionSnapshot snapshot, final State previous) {
            downstream.stateChanged(snapshot, previous);
        }

        @Override
        public void timersChanged(final SessionSnapshot snapshot) {
            downstream.timersChanged(snapshot);
        }

        @Override
        public void policyChanged(final SessionSnapshot snapshot, final PolicySnapshot policy) {
            publisher.policyChanged(snapshot, policy);
        }

        @Override
        public void policyEvent(final SessionSnapshot snapshot, final PolicyEvent event) {
            publisher.policyEvent(snapshot, event);
        }

        @Override
        public void sessionDeleted(final SessionKey key, final String name) {
            discriminators.remove(key);
            downstream.sessionDeleted(key, name);
        }
    }

    @Override
    public void apply(final SessionConfig config) {
        final var engineConfig = config.toEngine();
        publisher.configured(config);
        // Sockets of a new address are bound on the event loops while the listener goes on with the
        // next session; the session starts once they are bound, so its first packet is not lost.
        inOrder(config.key(), () -> transport.openAsync(engineConfig).thenCompose(bound -> {
            if (!bound) {
                LOG.warn("BFD session {}: a socket could not be bound; packets count as send failures until it is",
                    engineConfig.name());
            }
            return policies.configure(engineConfig, config.policy());
        }).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("BFD session {} not applied: {}", engineConfig.name(), failure.getMessage());
            }
        }));
    }

    @Override
    public void remove(final String protocol, final SessionKey key) {
        publisher.unconfigured(key);
        // RFC 5880 §6.8.16: the engine sends AdminDown for a Detection Time before the session goes
        // (the future completes then); only then does its operational entry disappear. A configure
        // of the same key waits for it (inOrder).
        final var done = inOrder(key, () -> engine.unconfigure(key)
            .whenComplete((ok, failure) -> {
                transport.release(key);
                publisher.removed(protocol, key);
            }));
        done.whenComplete((ok, failure) -> pending.remove(key, done));
    }

    /**
     * Runs the operations on one session in the order the configuration asked for them, although a
     * configure may wait for its sockets: a delete or change that follows it never overtakes it.
     */
    private CompletableFuture<?> inOrder(final SessionKey key, final Supplier<CompletableFuture<?>> step) {
        return pending.compute(key, (k, previous) -> (previous == null ? CompletableFuture.completedFuture(null)
            : previous.handle((ok, failure) -> null)).thenCompose(ignored -> step.get()));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // A controlled stop tells every peer AdminDown (RFC 5880 §6.8.16) so that it does not take
        // the controller's restart for a path failure (RFC 5882 §3.2); bounded so stop never hangs.
        try {
            final var keys = engine.snapshots().get(1, TimeUnit.SECONDS).stream()
                .map(SessionSnapshot::key).toList();
            CompletableFuture.allOf(keys.stream().map(engine::unconfigure).toArray(CompletableFuture[]::new))
                .get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // Each sent its first AdminDown at once and would repeat it for a Detection Time.
            LOG.info("BFD sessions stopped while still telling their peers AdminDown (RFC 5880 6.8.16)");
        } catch (ExecutionException e) {
            LOG.warn("BFD sessions not all told AdminDown before stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
        publisher.close();
    }
}
