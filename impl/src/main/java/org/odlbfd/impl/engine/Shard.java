/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import io.netty.buffer.ByteBuf;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.fsm.Transition;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.DecodeException;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.policy.SessionPolicies;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Ports;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.Session;
import org.odlbfd.impl.session.SessionConfig;
import org.odlbfd.impl.session.SessionEvents;
import org.odlbfd.impl.session.SessionTable;

/**
 * One engine thread and the sessions that live on it. Every method runs on {@link #scheduler}.
 */
final class Shard implements SessionEvents {
    /** Offset of Your Discriminator in a Control packet (RFC 5880 §4.1). */
    static final int YOUR_DISCR_OFFSET = 8;

    final Scheduler scheduler;
    private final int index;
    private final int shardCount;
    private final BfdEngine engine;
    private final Clock clock;
    private final PacketSink sink;
    private final KeyProvider keys;
    /** Jitter only (RFC 5880 §6.8.7): fast, and nothing an attacker gains by predicting it. */
    private final SplittableRandom random;
    /**
     * Local discriminators and the first bfd.XmitAuthSeq (RFC 5880 §6.8.1): a CSPRNG, because an
     * off-path attacker who can predict them can forge packets the session accepts (RFC 5880 §9).
     */
    private final SecureRandom secure = new SecureRandom();
    private final SessionTable table = new SessionTable();
    private final Map<SessionKey, Entry> entries = new HashMap<>();
    private final long[] globalRejects = new long[RejectReason.values().length];
    private final LatenessRecorder lateness = new LatenessRecorder();
    final TickLag tickLag;
    private final PacketAcceptance acceptance;
    private final EchoGate echoGate;
    final SessionPolicies policies;

    Shard(final BfdEngine engine, final int index, final int shardCount, final Scheduler scheduler,
            final Clock clock, final PacketSink sink, final KeyProvider keys, final long seed) {
        this.engine = engine;
        this.index = index;
        this.shardCount = shardCount;
        this.scheduler = scheduler;
        this.clock = clock;
        this.sink = new TickSink(sink, scheduler);
        this.keys = keys;
        this.random = new SplittableRandom(seed);
        acceptance = new PacketAcceptance(engine.pointToPoint);
        tickLag = new TickLag(clock);
        echoGate = new EchoGate(engine, table, this.sink, clock, globalRejects);
        // stability policies (package policy); the transport's error is part of a "not Up" reason
        policies = new SessionPolicies(scheduler, clock, new PolicyHooks(this, engine), this::transportStatus);
    }

    /** The generator of discriminators and first authentication sequence numbers, for tests. */
    SecureRandom discriminatorSource() {
        return secure;
    }

    void handle(final EngineInput input) {
        switch (input) {
            case EngineInput.Received received -> received(received);
            case EngineInput.EchoArrived echo -> echoGate.arrived(echo);
            case EngineInput.Configure configure -> complete(configure.done(), () -> configure(configure.config()));
            case EngineInput.Unconfigure unconfigure -> unconfigure(unconfigure.key(), unconfigure.done());
            case EngineInput.AdminState admin -> complete(admin.done(), () -> adminState(admin.key(),
                admin.adminDown()));
            case EngineInput.Verify verify -> {
                final Entry entry = entries.get(verify.key());
                if (entry == null || entry.deleting) {
                    verify.result().completeExceptionally(new IllegalArgumentException("no session " + verify.key()));
                } else {
                    entry.session.verify(verify.result());
                }
            }
            case EngineInput.Register register -> register(register.registration());
            case EngineInput.Update update -> {
                final Entry entry = entries.get(update.registration().key());
                // An operator's configuration takes precedence over what clients ask for.
                if (entry != null && !entry.configured && entry.clients.contains(update.registration())) {
                    entry.session.modify(entry.session.config().withParams(update.params()));
                }
            }
            case EngineInput.Unregister unregister -> unregister(unregister.registration());
            case EngineInput.ClearStatistics clear -> {
                final Entry entry = entries.get(clear.key());
                if (entry != null) {
                    entry.session.clearStatistics();
                }
                clear.done().complete(entry != null);
            }
            case EngineInput.Query query -> {
                final Entry entry = entries.get(query.key());
                query.answer().accept(entry == null ? null : snapshot(entry.session));
            }
        }
    }

    private static void complete(final CompletableFuture<Void> done, final Runnable action) {
        try {
            action.run();
            done.complete(null);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            done.completeExceptionally(e);
        }
    }

    private void received(final EngineInput.Received received) {
        final ByteBuf datagram = received.datagram();
        try {
            ControlPacket packet = received.packet();
            if (packet == null) {
                if (datagram == null) {
                    return;
                }
                try {
                    packet = ControlPacketCodec.decode(datagram);
                } catch (DecodeException e) {
                    // A malformed packet is counted, never thrown (RFC 5880 §6.8.6 "discard").
                    final Session session = datagram.readableBytes() >= 12
                        ? table.byDiscriminator(datagram.getInt(datagram.readerIndex() + 8)) : null;
                    reject(session, e.reason());
                    return;
                }
            }
            final int your = packet.yourDiscriminator();
            // RFC 5880 §6.8.6: select by Your Discriminator, else by source address and interface.
            final Session session = your != 0 ? table.byDiscriminator(your)
                : engine.pointToPoint.find(table, received.demuxKey());
            if (session == null) {
                reject(null, your != 0 ? RejectReason.UNKNOWN_DISCRIMINATOR : RejectReason.NO_SESSION);
                return;
            }
            if (received.transportReject() != null) {
                session.rejected(received.transportReject());
                return;
            }
            final RxMeta arrival = received.arrival();
            if (arrival != null && !accepted(session, arrival)) {
                return;
            }
            session.receive(packet, datagram);
        } finally {
            if (datagram != null) {
                datagram.release();
            }
        }
    }

    /**
     * A datagram read on this shard's own thread, straight from the transport's receive buffer:
     * the session is selected and the arrival checked from the raw bytes first, so that a flood
     * of unknown discriminators, foreign peers or wrong ports costs no object at all; only an
     * accepted packet is decoded. The payload stays the caller's (not released here).
     *
     * @param arrival how it arrived, valid during this call only
     * @param payload the UDP payload, valid during this call only
     */
    void receiveInline(final Arrival arrival, final ByteBuf payload) {
        if (payload.readableBytes() < ControlPacket.MANDATORY_LENGTH) {
            globalRejects[RejectReason.TOO_SHORT.ordinal()]++;
            return;
        }
        final int your = payload.getInt(payload.readerIndex() + YOUR_DISCR_OFFSET);
        final Session session = your != 0 ? table.byDiscriminator(your)
            : engine.pointToPoint.find(table, arrival.demuxKey());
        if (session == null) {
            globalRejects[(your != 0 ? RejectReason.UNKNOWN_DISCRIMINATOR : RejectReason.NO_SESSION).ordinal()]++;
            return;
        }
        if (!accepted(session, arrival)) {
            return;
        }
        final ControlPacket packet;
        try {
            packet = ControlPacketCodec.decode(payload);
        } catch (DecodeException e) {
            session.rejected(e.reason());
            return;
        }
        session.receive(packet, payload);
    }

    private boolean accepted(final Session session, final Arrival arrival) {
        final RejectReason reason = acceptance.check(session.config(), arrival);
        if (reason != null) {
            session.rejected(reason);
            return false;
        }
        return true;
    }

    /** Counts a datagram the engine dropped before it could be attributed to a session. */
    void dropped(final RejectReason reason) {
        globalRejects[reason.ordinal()]++;
    }

    private void reject(final @Nullable Session session, final RejectReason reason) {
        if (session != null) {
            session.rejected(reason);
        } else {
            globalRejects[reason.ordinal()]++;
        }
    }

    private void configure(final SessionConfig config) {
        final Entry existing = entries.get(config.key());
        if (existing != null) {
            final int ldisc = config.staticLocalDiscr();
            if (ldisc != 0 && ldisc != existing.session.localDiscr()) {
                throw new IllegalStateException("the local discriminator of a running session cannot change");
            }
            existing.configured = true;
            keep(existing);
            final SessionConfig before = existing.session.config();
            if (Objects.equals(before.authType(), config.authType()) && before.keyChain().equals(config.keyChain())) {
                existing.session.modify(policies.effective(config));
            } else {
                existing.session.modify(policies.effective(config), authenticator(config));
            }
            if (config.adminDown() != (existing.session.sessionState() == State.ADMIN_DOWN)) {
                adminState(config.key(), config.adminDown());
            }
            return;
        }
        create(config).configured = true;
    }

    private Entry create(final SessionConfig config) {
        final int discr = allocate(config.staticLocalDiscr());
        final Session session = new Session(policies.effective(config), discr, clock, scheduler, sink,
            authenticator(config), random.split(), this);
        table.add(session);
        final Entry entry = new Entry(session, SessionStatus.initial(Instant.ofEpochMilli(clock.currentTimeMillis())));
        entries.put(config.key(), entry);
        engine.published(config.key(), entry.status);
        session.start();
        entry.status = status(session, entry.status.state());
        policies.created(session);
        engine.observer().sessionCreated(snapshot(session));
        return entry;
    }

    private @Nullable Authenticator authenticator(final SessionConfig config) {
        final var type = config.authType();
        return type == null ? null : Authenticator.create(type, config.keyChain(), keys, secure);
    }

    private int allocate(final int staticDiscr) {
        if (staticDiscr != 0) {
            if (Integer.remainderUnsigned(staticDiscr, shardCount) != index
                    || table.byDiscriminator(staticDiscr) != null) {
                throw new IllegalStateException("local discriminator " + Integer.toUnsignedString(staticDiscr)
                    + " is in use");
            }
            return staticDiscr;
        }
        // Unique and non-zero (RFC 5880 §6.8.1); the residue names this thread so that packets can
        // be routed here by Your Discriminator without a shared map; this is the shard of the peer's
        // address (ShardHash.ofPeer), where its Your Discriminator 0 packets go too (RFC 5880 §6.3).
        while (true) {
            final int candidate = secure.nextInt() / shardCount * shardCount + index;
            if (candidate != 0 && Integer.remainderUnsigned(candidate, shardCount) == index
                    && table.byDiscriminator(candidate) == null) {
                return candidate;
            }
        }
    }

    private void unconfigure(final SessionKey key, final CompletableFuture<Void> done) {
        final Entry entry = entries.get(key);
        if (entry == null) {
            done.completeExceptionally(new IllegalArgumentException("no session " + key));
            return;
        }
        entry.configured = false;
        if (!entry.clients.isEmpty()) {
            done.complete(null);
            return;
        }
        // Completes once the session is gone, after telling its peer AdminDown (RFC 5880 §6.8.16).
        entry.whenGone.add(done);
        delete(entry);
    }

    private void adminState(final SessionKey key, final boolean adminDown) {
        final Entry entry = entries.get(key);
        if (entry == null || entry.deleting) {
            throw new IllegalArgumentException("no session " + key);
        }
        if (adminDown) {
            entry.session.adminDown();
        } else {
            entry.session.adminUp();
        }
    }

    private void register(final ClientRegistration registration) {
        final SessionKey key = registration.key();
        final var options = registration.options();
        final SessionConfig base = SessionConfig.of(key.toString(), key, ClientRegistration.source(key, options),
            registration.params());
        final SessionConfig config = base.singleHop() ? base : base.withRxTtlFloor(options.minRxTtl());
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = create(config);
        } else if (entry.deleting) {
            keep(entry);
            entry.session.modify(config, authenticator(config));
            entry.session.adminUp();
        }
        entry.clients.add(registration);
        // The listener hears the current status at once (BfdSessionService#register).
        registration.listener().onStatusChange(registration.key(), entry.status);
    }

    private void unregister(final ClientRegistration registration) {
        final Entry entry = entries.get(registration.key());
        if (entry != null && entry.clients.remove(registration) && entry.clients.isEmpty() && !entry.configured) {
            delete(entry);
        }
    }

    private void delete(final Entry entry) {
        if (entry.deleting) {
            return;
        }
        entry.deleting = true;
        // RFC 5880 §6.8.16: the peer hears AdminDown for a Detection Time before the session goes.
        entry.session.delete(() -> gone(entry));
    }

    /** A session configured or registered again while it was sending its last AdminDown stays. */
    private static void keep(final Entry entry) {
        if (entry.deleting) {
            entry.deleting = false;
            entry.session.keep();
            completeAll(entry.whenGone);
        }
    }

    private void gone(final Entry entry) {
        final Session session = entry.session;
        table.remove(session);
        final SessionKey key = session.config().key();
        entries.remove(key, entry);
        policies.removed(key);
        engine.removed(key, this);
        engine.observer().sessionDeleted(key, session.config().name());
        completeAll(entry.whenGone);
    }

    private static void completeAll(final List<CompletableFuture<Void>> futures) {
        final List<CompletableFuture<Void>> copy = List.copyOf(futures);
        futures.clear();
        copy.forEach(future -> future.complete(null));
    }

    @Override
    public void onTransition(final Session session, final Transition transition) {
        final Entry entry = entries.get(session.config().key());
        final SessionStatus status = status(session, transition.from());
        if (entry == null || entry.session != session) {
            return;
        }
        // clients see the wire's state unless a policy holds it Down (damped, waiting to restore)
        final SessionStatus forClients = policies.transition(session, transition, status, entry.status);
        if (forClients != null) {
            clientStatus(session, forClients);
        }
        engine.observer().stateChanged(snapshot(session), transition.from());
    }

    /** What a session's clients see changed: a transition, or a policy's hold that ended. */
    void clientStatus(final Session session, final SessionStatus status) {
        final Entry entry = entries.get(session.config().key());
        if (entry != null && entry.session == session) {
            entry.status = status;
            engine.published(session.config().key(), status);
            for (ClientRegistration client : List.copyOf(entry.clients)) {
                client.listener().onStatusChange(session.config().key(), status);
            }
        }
    }

    @Override
    public void onTimersChanged(final Session session) {
        policies.timersChanged(session);
        engine.observer().timersChanged(snapshot(session));
    }

    @Override
    public void onDetection(final Session session, final long latenessNanos) {
        lateness.record(latenessNanos);
    }

    @Override
    public void onTimerLag(final long lateNanos, final long nowNanos) {
        tickLag.record(lateNanos, nowNanos);
    }

    private SessionStatus status(final Session session, final State previous) {
        return new SessionStatus(session.sessionState(), previous, session.localDiag(), session.remoteSessionState(),
            session.remoteDiag(), Instant.ofEpochMilli(clock.currentTimeMillis()));
    }

    SessionSnapshot snapshot(final Session session) {
        final SessionConfig config = session.config();
        final boolean echo = session.echoActive();
        final DetectionMode mode = session.demandActive()
            ? echo ? DetectionMode.DEMAND_WITH_ECHO : DetectionMode.DEMAND_WITHOUT_ECHO
            : echo ? DetectionMode.ASYNC_WITH_ECHO : DetectionMode.ASYNC_WITHOUT_ECHO;
        return new SessionSnapshot(config.name(), config.key(), config.localAddress(), session.localDiscr(),
            session.remoteDiscr(), config.detectMult(), session.remoteDetectMult(), session.remoteDemandMode(),
            config.singleHop() ? Ports.SOURCE_SINGLE_HOP : Ports.SOURCE_MULTI_HOP,
            config.singleHop() ? Ports.SINGLE_HOP : Ports.MULTI_HOP, session.sessionState(),
            session.remoteSessionState(), session.localDiag(), session.remoteDiag(),
            session.remoteAuthType() != null, session.remoteAuthType(), mode, session.negotiatedTxUs(),
            session.negotiatedRxUs(), session.detectionTimeUs(), session.echoTxUsInUse(), session.statistics(),
            transportStatus(session));
    }

    /**
     * The session's transport status: the transport's last error, or, once Echo failed, how Echo
     * is addressed (RFC 5881 §4 Echo to ourselves fails visibly without the host's policy route).
     */
    private @Nullable String transportStatus(final Session session) {
        final String status = sink.transportStatus(session.config());
        if (status != null || session.localDiag() != Diagnostic.ECHO_FAILED) {
            return status;
        }
        final String echo = sink.echoAddressing(session.config());
        return echo == null ? null : "echo failed: " + echo;
    }

    List<SessionSnapshot> snapshots() {
        final List<SessionSnapshot> result = new ArrayList<>(table.size());
        for (Session session : table.all()) {
            policies.refresh(session);
            result.add(snapshot(session));
        }
        return result;
    }

    long[] globalRejects() {
        return globalRejects.clone();
    }

    /** Clears every session's statistics and the discards no session could be charged with. */
    int clearStatistics() {
        for (Session session : table.all()) {
            session.clearStatistics();
        }
        Arrays.fill(globalRejects, 0);
        return table.size();
    }

    long[] lateness() {
        return lateness.copy();
    }
}
