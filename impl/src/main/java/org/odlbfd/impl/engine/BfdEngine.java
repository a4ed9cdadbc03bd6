/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionListener;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.SessionConfig;
import org.odlbfd.impl.session.SessionTable;

/**
 * The BFD engine: sessions sharded over N single-threaded loops, each session staying on one.
 * Other threads reach it only through {@link #submit(EngineInput)}. A session lives on the shard of
 * its peer's address ({@link ShardHash#ofPeer}; a static local discriminator's shard instead) and
 * its local discriminator is congruent to that shard's index modulo N, so a received packet is
 * routed without a shared map by Your Discriminator, or while that is zero (RFC 5880 §6.3) by the
 * peer's address: the native transport's steering reads both kinds on the session's loop.
 */
public final class BfdEngine implements BfdSessionService {
    /** Received datagrams that may wait for another loop: a few ticks' worth of 3,000 sessions. */
    static final int MAX_HANDOFFS = 4096;
    private final List<Shard> shards;
    final ConcurrentMap<SessionKey, Shard> keyShards = new ConcurrentHashMap<>();
    /** RFC 5881 §6: the first packet on a point-to-point link, from any source address. */
    final PointToPoint pointToPoint = new PointToPoint(keyShards);
    private final ConcurrentMap<SessionKey, SessionStatus> statuses = new ConcurrentHashMap<>();
    private final EngineObserver observer;
    /** Received datagrams queued for another loop, per shard; bounded by MAX_HANDOFFS. */
    private final List<AtomicInteger> handoffs;
    private final LongAdder overloadDrops = new LongAdder();
    private final LongAdder handedOff = new LongAdder();

    /**
     * Creates the engine.
     *
     * @param loops one scheduler per shard
     * @param clock time
     * @param sinks the packet sink of each shard's loop
     * @param keys authentication keys
     * @param seed seed of the transmit jitter; discriminators and authentication sequence numbers
     *     come from a {@link java.security.SecureRandom} per shard whatever the seed
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
        handoffs = list.stream().map(shard -> new AtomicInteger()).toList();
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
        } else if (input instanceof EngineInput.Received || input instanceof EngineInput.EchoArrived) {
            handOff(shard, input);
        } else {
            shard.scheduler.execute(() -> shard.handle(input));
        }
    }

    /**
     * The generator a shard draws discriminators and first authentication sequence numbers from.
     *
     * @param shard shard index
     * @return its CSPRNG
     */
    java.security.SecureRandom discriminatorSource(final int shard) {
        return shards.get(shard).discriminatorSource();
    }

    /**
     * Passes a received packet to another loop through a bounded queue: a flood read on one loop
     * must not grow the other's task queue without limit (timers run from the same queue). What
     * does not fit is dropped and counted as {@link RejectReason#OVERLOAD}.
     */
    private void handOff(final Shard shard, final EngineInput received) {
        final AtomicInteger queued = handoffs.get(shards.indexOf(shard));
        if (queued.incrementAndGet() > MAX_HANDOFFS) {
            queued.decrementAndGet();
            overloadDrops.increment();
            if (received instanceof EngineInput.Received packet && packet.datagram() != null) {
                packet.datagram().release();
            }
            return;
        }
        handedOff.increment();
        shard.scheduler.execute(() -> {
            queued.decrementAndGet();
            shard.handle(received);
        });
    }

    /**
     * Tells the engine which interfaces are point-to-point (Linux IFF_POINTOPOINT), where RFC 5881
     * §6 accepts the first packet from any source address; the transport knows, the engine does not.
     *
     * @param isPointToPoint true for the name of a point-to-point interface; called on the loops
     */
    public void pointToPointInterfaces(final Predicate<String> isPointToPoint) {
        pointToPoint.interfaces(isPointToPoint);
    }

    /**
     * A datagram that the transport read on event loop {@code loopIndex} (the calling thread),
     * straight from its receive buffer. When Your Discriminator (or, while it is zero, the address
     * key) belongs to this loop's shard, the session is selected and the arrival checked before any
     * object is made; otherwise the datagram is copied and handed to its shard's loop (bounded). With
     * the native transport's steering that happens only for a session placed by a static local
     * discriminator whose peer sends Your Discriminator zero; anything handed off may be applied
     * after a later packet of its session that was read on the right loop.
     *
     * @param loopIndex the index of the calling loop (= shard)
     * @param arrival how it arrived, valid during this call only
     * @param payload the UDP payload, valid during this call only (not released)
     */
    public void receiveInline(final int loopIndex, final Arrival arrival, final ByteBuf payload) {
        final Shard here = shards.get(loopIndex);
        final int your = payload.readableBytes() >= ControlPacket.MANDATORY_LENGTH
            ? payload.getInt(payload.readerIndex() + Shard.YOUR_DISCR_OFFSET) : 0;
        final Shard shard = your != 0 ? shardOfDiscr(your) : demuxShard(arrival.demuxKey());
        if (shard == here) {
            here.receiveInline(arrival, payload);
            return;
        }
        final RxMeta meta = RxMeta.copyOf(arrival);
        handOff(shard, new EngineInput.Received(meta.demuxKey(), null, Unpooled.copiedBuffer(payload), null, meta));
    }

    /**
     * Counts a datagram the transport dropped on loop {@code loopIndex} (the calling thread) before
     * it could be attributed to a session.
     *
     * @param loopIndex the calling loop
     * @param reason why
     */
    public void dropped(final int loopIndex, final RejectReason reason) {
        shards.get(loopIndex).dropped(reason);
    }

    /**
     * How many received datagrams were read on another loop than their session's and handed over
     * (with the native transport's steering, none but the peer packets of static-discriminator
     * sessions with Your Discriminator 0 and Echo packets of the peer's: {@code transport.SteeringTest}).
     *
     * @return count
     */
    public long handedOff() {
        return handedOff.sum();
    }

    /**
     * How many received datagrams the bounded hand-off between loops dropped.
     *
     * @return count
     */
    public long overloadDrops() {
        return overloadDrops.sum();
    }

    @Nullable Shard route(final EngineInput input) {
        return switch (input) {
            case EngineInput.Received received -> {
                final int your = received.packet() != null ? received.packet().yourDiscriminator()
                    : received.datagram() != null && received.datagram().readableBytes() >= 12
                        ? received.datagram().getInt(received.datagram().readerIndex() + 8) : 0;
                yield your != 0 ? shardOfDiscr(your) : demuxShard(received.demuxKey());
            }
            case EngineInput.Verify verify -> shardOf(verify.key());
            case EngineInput.EchoArrived echo -> echo.discr() != 0 ? shardOfDiscr(echo.discr())
                : shardOf(echo.arrival().demuxKey());
            case EngineInput.Configure configure -> keyShards.computeIfAbsent(configure.config().key(),
                key -> homeOf(configure.config()));
            case EngineInput.Unconfigure unconfigure -> shardOf(unconfigure.key());
            case EngineInput.AdminState admin -> shardOf(admin.key());
            case EngineInput.Register register -> keyShards.computeIfAbsent(register.registration().key(),
                this::shardOf);
            case EngineInput.Update update -> shardOf(update.registration().key());
            case EngineInput.Unregister unregister -> shardOf(unregister.registration().key());
            case EngineInput.Query query -> shardOf(query.key());
            case EngineInput.ClearStatistics clear -> shardOf(clear.key());
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

    /**
     * The shard of a packet with Your Discriminator zero. When its exact key is unknown, a multihop
     * packet may belong to a session with the wildcard local address, and a single-hop packet on a
     * point-to-point interface to that interface's only session ({@link PointToPoint}).
     */
    private Shard demuxShard(final SessionKey key) {
        final Shard known = keyShards.get(key);
        if (known != null) {
            return known;
        }
        final Shard other = key instanceof MultiHopKey mh ? keyShards.get(SessionTable.wildcardLocal(mh))
            : pointToPoint.shardOf(key);
        return other != null ? other : shardOf(key);
    }

    /**
     * The shard of a discriminator ({@link ShardHash#ofDiscr}): the transport's SO_REUSEPORT
     * steering picks the receiving loop the same way, so a packet is read on its session's loop.
     *
     * @param discr a non-zero discriminator
     * @return the shard
     */
    private Shard shardOfDiscr(final int discr) {
        return shards.get(ShardHash.ofDiscr(discr, shards.size()));
    }

    /**
     * The shard index of a discriminator: {@code discr} as unsigned modulo {@code shards}.
     *
     * @param discr discriminator
     * @param shards shard count
     * @return index
     */
    public static int shardIndexOfDiscr(final int discr, final int shards) {
        return ShardHash.ofDiscr(discr, shards);
    }

    /**
     * Passes an Echo packet that is not the current shard's own to the shard of its address key:
     * the peer's Echo carries the peer's discriminator, not ours, so it may be read on any loop.
     *
     * @param echo the echo
     */
    void echoToKeyShard(final EngineInput.EchoArrived echo) {
        handOff(shardOf(echo.arrival().demuxKey()), echo);
    }

    private Shard shardOf(final SessionKey key) {
        final Shard known = keyShards.get(key);
        if (known != null) {
            return known;
        }
        // The peer's address alone (both key kinds: destination()), hashed as the transport's
        // steering hashes a datagram's source address: a packet with Your Discriminator zero is then
        // read on this shard's loop too, and never overtaken by a later one of the same session read
        // on another loop (the hand-off reordered Down after Init, seen against FRR). A multihop key
        // with the wildcard local address lands on the same shard as the exact ones.
        return shards.get(ShardHash.ofPeer(key.destination(), shards.size()));
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
     * Removes a configured session. It sends AdminDown for a Detection Time first (RFC 5880
     * §6.8.16), then goes; configuring it again in that time keeps it.
     *
     * @param key session
     * @return completes when the session is gone (at once when clients still hold it)
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
        return onEveryShard(shard -> new ShardFigures.Part(shard.snapshots(), shard.globalRejects(),
            shard.lateness())).thenApply(parts -> ShardFigures.merge(parts, overloadDrops.sum()));
    }

    /**
     * Each loop's tick lag (PERF-NOTES rule 6), read from the calling thread: a stuck loop cannot
     * delay the reading.
     *
     * @return one reading per loop, in loop order
     */
    public List<TickLag.Reading> tickLag() {
        return IntStream.range(0, shards.size()).mapToObj(i -> shards.get(i).tickLag.read(i)).toList();
    }

    /**
     * Packets no session could be charged with, by reason (index: {@link RejectReason#ordinal()}).
     *
     * @return completes with the counts summed over all loops
     */
    CompletableFuture<long[]> unattributedRejectCounts() {
        return onEveryShard(Shard::globalRejects).thenApply(ShardFigures::sumRejects);
    }

    /**
     * Clears one session's statistics.
     *
     * @param key session
     * @return completes with true when it exists, false when there is no such session
     */
    public CompletableFuture<Boolean> clearStatistics(final SessionKey key) {
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        submit(new EngineInput.ClearStatistics(key, done));
        return done;
    }

    /**
     * Clears the statistics of every session and the engine-wide discard counts.
     *
     * @return completes with the number of sessions cleared
     */
    public CompletableFuture<Integer> clearAllStatistics() {
        return onEveryShard(Shard::clearStatistics).thenApply(counts -> counts.stream().mapToInt(i -> i).sum());
    }

    /**
     * Packets discarded before any session could be charged with them (unknown discriminator, no
     * session, malformed without a known discriminator, stray echo), by reason.
     *
     * @return completes with the counts; a reason that never happened is absent
     */
    public CompletableFuture<Map<RejectReason, Long>> unattributedRejects() {
        return unattributedRejectCounts().thenApply(counts -> ShardFigures.byReason(counts, overloadDrops.sum()));
    }

    <T> CompletableFuture<List<T>> onEveryShard(final Function<Shard, T> work) {
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
    public CompletableFuture<Boolean> verify(final SessionKey key) {
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        submit(new EngineInput.Verify(key, result));
        return result;
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
