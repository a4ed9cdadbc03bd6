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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.odlbfd.api.SessionKey;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.config.SessionConfig;
import org.odlbfd.impl.config.SessionSink;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.metrics.TransitionCounter;
import org.odlbfd.impl.oper.StatePublisher;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.transport.TransportConfig;
import org.odlbfd.impl.transport.UdpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BFD agent inside the controller: the engine on Netty event loops with real UDP sockets on
 * the host (or network namespace) the controller runs in. Configuration arrives from the
 * datastore listener; state goes back through the {@link StatePublisher}.
 */
public final class EmbeddedAgent implements SessionSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAgent.class);
    /** Two loops: this machine class has two cores (see PERF-NOTES); each session stays on one. */
    private static final int DEFAULT_THREADS = 2;
    /** Counters reach the datastore this often; state changes go at once. */
    private static final long DEFAULT_COUNTERS_PERIOD_MS = 5_000;

    /** Seeds discriminators, jitter and auth sequence numbers: unpredictable across restarts (RFC 5880 §6.8.1). */
    private static final SecureRandom SEEDS = new SecureRandom();

    private final StatePublisher publisher;
    private final UdpTransport transport;
    private final BfdEngine engine;
    private final ConcurrentMap<SessionKey, CompletableFuture<?>> pending = new ConcurrentHashMap<>();

    /**
     * Creates the agent on the standard ports with the operator's settings (Karaf
     * {@code etc/org.odlbfd.agent.cfg}).
     *
     * @param publisher where state goes
     * @param keys authentication keys
     * @param threads event loops, 0 for the default (two: each session stays on one)
     * @param countersPeriodMillis how often counters are written, 0 for the default (5 s)
     * @param ipv4EchoToSelf send IPv4 Echo to our own address (RFC 5881 §4) for peers such as FRR that
     *     loop IPv4 Echo only in their forwarding plane; needs the policy route in impl/README.md
     * @param transitions counts transitions for the metrics
     */
    @Inject
    public EmbeddedAgent(final StatePublisher publisher, final KeyProvider keys, final int threads,
            final long countersPeriodMillis, final boolean ipv4EchoToSelf, final TransitionCounter transitions) {
        this(publisher, keys, threads > 0 ? threads : DEFAULT_THREADS,
            TransportConfig.STANDARD.withIpv4EchoToSelf(ipv4EchoToSelf),
            countersPeriodMillis > 0 ? countersPeriodMillis : DEFAULT_COUNTERS_PERIOD_MS, transitions);
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
        transport = UdpTransport.create(threads, ports);
        engine = new BfdEngine(transport.schedulers(), Clock.SYSTEM, transport::sink, keys,
            SEEDS.nextLong(), transitions.alongside(publisher));
        transport.attach(engine);
        publisher.start(engine::snapshots, countersPeriodMillis);
        LOG.info("Embedded BFD agent started on {} loops ({} transport)", threads,
            transport.nativeTransport() ? "native epoll" : "NIO");
    }

    /**
     * The engine, for clients of the session API inside the controller.
     *
     * @return the engine
     */
    public BfdEngine engine() {
        return engine;
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
            return engine.configure(engineConfig);
        }).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("BFD session {} not applied: {}", engineConfig.name(), failure.getMessage());
            }
        }));
    }

    @Override
    public void remove(final String protocol, final SessionKey key) {
        publisher.unconfigured(key);
        // RFC 5880 §6.8.16: the engine sends AdminDown before the session goes; only then does its
        // operational entry disappear
        final var done = inOrder(key, () -> engine.unconfigure(key)
            .whenComplete((ok, failure) -> publisher.removed(protocol, key)));
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
        // A controlled stop tells every peer AdminDown (RFC 5880 §6.8.16) so that it does not take
        // the controller's restart for a path failure (RFC 5882 §3.2); bounded so stop never hangs.
        try {
            final var keys = engine.snapshots().get(1, TimeUnit.SECONDS).stream()
                .map(SessionSnapshot::key).toList();
            CompletableFuture.allOf(keys.stream().map(engine::unconfigure).toArray(CompletableFuture[]::new))
                .get(1, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("BFD sessions not all told AdminDown before stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
        publisher.close();
    }
}
