/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionListener;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The BFD engine: sessions sharded over N single-threaded loops, each session staying on one.
 * Other threads reach it only through {@link #submit(EngineInput)}. A session's local
 * discriminator is congruent to its loop's index modulo N, so a received packet with a non-zero
 * Your Discriminator is routed without a shared map; packets with Your Discriminator zero are
 * routed by key.
 */
public final class BfdEngine implements BfdSessionService {
    private final List<Shard> shards;
    private final ConcurrentMap<SessionKey, Shard> keyShards = new ConcurrentHashMap<>();
    private final ConcurrentMap<SessionKey, SessionStatus> statuses = new ConcurrentHashMap<>();
    private final EngineObserver observer;

    /**
     * Creates the engine.
     *
     * @param loops one scheduler per shard
     * @param clock time
     * @param sinks the packet sink of each shard's loop
     * @param keys authentication keys
     * @param seed randomness seed (discriminators, jitter, auth sequence numbers)
     * @param observer whole-session events
     */
    public BfdEngine(final List<? extends Scheduler> loops, final Clock clock,
            final Function<Scheduler, PacketSink> sinks, final KeyProvider keys, final long seed,
            final EngineObserver observer) {
        if (loops.isEmpty()) {
            throw new IllegalArgumentException("at least one loop");
        }
        this.observer = requireNonNull(observer);
        final List<Shard> list = new ArrayList<>(loops.size());
        for (int i = 0; i < loops.size(); i++) {
            final Scheduler loop = loops.get(i);
            list.add(new Shard(this, i, loops.size(), loop, clock, sinks.apply(loop), keys, seed * 31 + i));
        }
        shards = List.copyOf(list);
    }

    /**
     * The one entry point for other threads: configuration, admin state, clients, packets.
     *
     * @param input the input
     */
    public void submit(final EngineInput input) {
        final Shard shard = route(input);
        if (shard == null) {
            if (input instanceof EngineInput.Received received && received.datagram() != null) {
                received.datagram().release();
            }
            return;
        }
        if (shard.scheduler.inLoop()) {
            shard.handle(input);
        } else {
            shard.scheduler.execute(() -> shard.handle(input));
        }
    }

    private @Nullable Shard route(final EngineInput input) {
        return switch (input) {
            case EngineInput.Received received -> {
                final int your = received.packet() != null ? received.packet().yourDiscriminator()
                    : received.datagram() != null && received.datagram().readableBytes() >= 12
                        ? received.datagram().getInt(received.datagram().readerIndex() + 8) : 0;
                yield your != 0 ? shardOfDiscr(your) : shardOf(received.demuxKey());
            }
            case EngineInput.EchoReturned echo -> shardOfDiscr(echo.localDiscr());
            case EngineInput.Configure configure -> keyShards.computeIfAbsent(configure.config().key(),
                key -> homeOf(configure.config()));
            case EngineInput.Unconfigure unconfigure -> shardOf(unconfigure.key());
            case EngineInput.AdminState admin -> shardOf(admin.key());
            case EngineInput.Register register -> keyShards.computeIfAbsent(register.registration().key(),
                this::shardOf);
            case EngineInput.Update update -> shardOf(update.registration().key());
            case EngineInput.Unregister unregister -> shardOf(unregister.registration().key());
            case EngineInput.Query query -> shardOf(query.key());
        };
    }

    private Shard homeOf(final SessionConfig config) {
        return config.staticLocalDiscr() != 0 ? shardOfDiscr(config.staticLocalDiscr()) : shardOf(config.key());
    }

    /**
     * The index of the shard (= event loop, in the order of the schedulers given to the
     * constructor) that runs, or will run when configured now, this session. The transport
     * registers the session's receive socket on that loop, so that a received packet reaches its
     * session on the thread that read it, without a task hand-off and a wake-up of another loop.
     *
     * @param config the session
     * @return shard index
     */
    public int shardIndex(final SessionConfig config) {
        final Shard known = keyShards.get(config.key());
        return shards.indexOf(known != null ? known : homeOf(config));
    }

    private Shard shardOfDiscr(final int discr) {
        return shards.get(Math.floorMod(discr, shards.size()));
    }

    private Shard shardOf(final SessionKey key) {
        final Shard known = keyShards.get(key);
        if (known != null) {
            return known;
        }
        // Spread the hash first: the JDK's IP address hash is the sum of the address's 32-bit words,
        // so the keys of peers numbered ::2, ::4, ... (or ::1, ::3, ...) all have one parity, and with
        // two loops every session landed on one of them (seen in the scale harness's profiles).
        final int hash = key.hashCode() * 0x9E3779B9;
        return shards.get(Math.floorMod(hash ^ hash >>> 16, shards.size()));
    }

    /**
     * Adds or reconfigures a session.
     *
     * @param config configuration
     * @return completes when applied
     */
    public CompletableFuture<Void> configure(final SessionConfig config) {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new EngineInput.Configure(config, done));
        return done;
    }

    /**
     * Removes a configured session (AdminDown is sent first).
     *
     * @param key session
     * @return completes when applied
     */
    public CompletableFuture<Void> unconfigure(final SessionKey key) {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new EngineInput.Unconfigure(key, done));
        return done;
    }

    /**
     * Admin-down or admin-up.
     *
     * @param key session
     * @param adminDown true to disable
     * @return completes when applied
     */
    public CompletableFuture<Void> adminState(final SessionKey key, final boolean adminDown) {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        submit(new EngineInput.AdminState(key, adminDown, done));
        return done;
    }

    /**
     * One session's snapshot.
     *
     * @param key session
     * @return completes with the snapshot, or null when no such session exists
     */
    public CompletableFuture<@Nullable SessionSnapshot> snapshot(final SessionKey key) {
        final CompletableFuture<@Nullable SessionSnapshot> result = new CompletableFuture<>();
        submit(new EngineInput.Query(key, result::complete));
        return result;
    }

    /**
     * Snapshots of all sessions, collected from every loop.
     *
     * @return completes with the list
     */
    public CompletableFuture<List<SessionSnapshot>> snapshots() {
        return onEveryShard(Shard::snapshots).thenApply(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /**
     * Engine-wide figures.
     *
     * @return completes with the figures
     */
    public CompletableFuture<EngineStats> stats() {
        return onEveryShard(shard -> new ShardPart(shard.snapshots(), shard.globalRejects(), shard.lateness()))
            .thenApply(BfdEngine::merge);
    }

    private record ShardPart(List<SessionSnapshot> snapshots, long[] rejects, long[] lateness) {
    }

    private static EngineStats merge(final List<ShardPart> parts) {
        long sessions = 0;
        long up = 0;
        long rx = 0;
        long tx = 0;
        long invalid = 0;
        final List<long[]> lateness = new ArrayList<>();
        for (ShardPart part : parts) {
            for (SessionSnapshot snap : part.snapshots()) {
                sessions++;
                up += snap.localState() == State.UP ? 1 : 0;
                rx += snap.statistics().rxPackets();
                tx += snap.statistics().txPackets();
                invalid += snap.statistics().rxInvalid();
            }
            for (long count : part.rejects()) {
                invalid += count;
            }
            lateness.add(part.lateness());
        }
        final long[] all = lateness.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return EngineStats.of(sessions, up, rx, tx, invalid, all);
    }

    private <T> CompletableFuture<List<T>> onEveryShard(final Function<Shard, T> work) {
        final List<CompletableFuture<T>> futures = new ArrayList<>(shards.size());
        for (Shard shard : shards) {
            final CompletableFuture<T> future = new CompletableFuture<>();
            futures.add(future);
            final Runnable task = () -> future.complete(work.apply(shard));
            if (shard.scheduler.inLoop()) {
                task.run();
            } else {
                shard.scheduler.execute(task);
            }
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
            .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public Registration register(final SessionKey key, final SessionParams params, final SessionListener listener) {
        return register(key, params, SessionOptions.DEFAULT, listener);
    }

    @Override
    public Registration register(final SessionKey key, final SessionParams params, final SessionOptions options,
            final SessionListener listener) {
        final ClientRegistration registration = new ClientRegistration(this, key, params, options, listener);
        submit(new EngineInput.Register(registration));
        return registration;
    }

    @Override
    public @Nullable SessionStatus status(final SessionKey key) {
        return statuses.get(key);
    }

    EngineObserver observer() {
        return observer;
    }

    void published(final SessionKey key, final SessionStatus status) {
        statuses.put(key, status);
    }

    void removed(final SessionKey key, final Shard shard) {
        statuses.remove(key);
        keyShards.remove(key, shard);
    }
}
