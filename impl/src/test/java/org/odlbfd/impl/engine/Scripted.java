/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.AuthSection;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.SessionConfig;

/**
 * One engine under test on a fake clock, and the test playing its peer packet by packet: what the
 * engine sends is recorded, what the peer says is handed in by hand (decoded, or as raw bytes
 * through the codec). The conformance tests use it where a second engine could not produce the
 * packet a clause is about (a Demand-mode peer, a Required Min RX Interval of zero, malformed or
 * misordered packets).
 */
final class Scripted implements PacketSink, EngineObserver {
    /** The peer's discriminator in every script. */
    static final int PEER = 0x0bfd_0001;
    static final long MS = 1_000_000;

    /** A packet our engine sent. */
    record Sent(long atNanos, SessionConfig config, ControlPacket packet) {
    }

    final FakeLoop loop = new FakeLoop();
    final BfdEngine engine;
    /** The engine's stability policies (configure with policies, clear, policy state). */
    final EnginePolicies policies;
    final List<Sent> sent = new ArrayList<>();
    final List<Wire.Change> changes = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    long echoesSent;
    /** When each Echo packet left. */
    final List<Long> echoTimes = new ArrayList<>();
    /** Every policy state the observer heard (stability policies, issue 13). */
    final List<PolicySnapshot> policyStates = new ArrayList<>();
    /** Every policy event the observer heard, with the time. */
    final List<PolicyEvent> policyEvents = new ArrayList<>();
    /** The peer's forwarding plane loops our Echo packets back after 100 µs. */
    boolean reflectEcho = true;

    Scripted() {
        this(KeyProvider.NONE);
    }

    Scripted(final KeyProvider keys) {
        engine = new BfdEngine(List.of(loop), loop, ignored -> this, keys, 42, this);
        policies = new EnginePolicies(engine);
    }

    /** A fluent Control packet, as the peer would send it: Down, Detect Mult 3, 300 ms both ways. */
    static final class Pkt {
        int diag;
        State state = State.DOWN;
        boolean poll;
        boolean fin;
        boolean demand;
        boolean multipoint;
        int mult = 3;
        int my = PEER;
        int your;
        long tx = 300_000;
        long rx = 300_000;
        long echoRx;
        @Nullable AuthSection auth;

        Pkt state(final State newState) {
            state = newState;
            return this;
        }

        Pkt your(final int discr) {
            your = discr;
            return this;
        }

        Pkt my(final int discr) {
            my = discr;
            return this;
        }

        Pkt poll() {
            poll = true;
            return this;
        }

        Pkt fin() {
            fin = true;
            return this;
        }

        Pkt demand() {
            demand = true;
            return this;
        }

        Pkt mult(final int newMult) {
            mult = newMult;
            return this;
        }

        Pkt timers(final long txUs, final long rxUs) {
            tx = txUs;
            rx = rxUs;
            return this;
        }

        Pkt echoRx(final long us) {
            echoRx = us;
            return this;
        }

        Pkt diag(final int code) {
            diag = code;
            return this;
        }

        Pkt multipoint() {
            multipoint = true;
            return this;
        }

        ControlPacket build() {
            return new ControlPacket(diag, state, poll, fin, false, demand, multipoint, mult, my, your, tx, rx,
                echoRx, auth);
        }
    }

    static Pkt pkt() {
        return new Pkt();
    }

    /** The peer sends a decoded packet, demultiplexed by {@code key} while Your Discriminator is 0. */
    void deliver(final SessionKey key, final Pkt packet) {
        engine.submit(new EngineInput.Received(key, packet.build(), null, null));
    }

    /** The peer sends raw bytes; the engine decodes (and authenticates) them. */
    void deliverRaw(final SessionKey key, final byte[] datagram) {
        engine.submit(new EngineInput.Received(key, null, Unpooled.wrappedBuffer(datagram), null));
    }

    /** The peer sends a packet signed by {@code auth}. */
    void deliverSigned(final SessionKey key, final Pkt packet, final Authenticator auth) {
        final var buffer = Unpooled.buffer();
        auth.encode(packet.build(), buffer);
        engine.submit(new EngineInput.Received(key, null, buffer, null));
    }

    /**
     * Configures {@code config} and plays the three-way handshake as the peer (RFC 5880 §6.2).
     *
     * @param config our session
     * @param key the key the peer's packets are demultiplexed by
     * @param peer what the peer advertises (state and discriminators are set here)
     * @return our discriminator
     */
    int bringUp(final SessionConfig config, final SessionKey key, final Pkt peer) {
        engine.configure(config);
        loop.runMillis(1);
        deliver(key, peer.state(State.DOWN).your(0));
        loop.runMillis(1);
        final int ours = snapshot(config.key()).localDiscr();
        deliver(key, peer.state(State.UP).your(ours));
        loop.runMillis(1);
        assertEquals(State.UP, snapshot(config.key()).localState());
        // Going Up lowers our TX from the slow 1 s: a Poll Sequence (RFC 5880 §6.8.3); the peer answers
        final Sent polled = last();
        if (polled != null && polled.packet().poll()) {
            deliver(key, copy(peer).fin());
            loop.runMillis(1);
        }
        return ours;
    }

    /** The same packet again, P and F clear. */
    static Pkt copy(final Pkt from) {
        final Pkt copy = new Pkt();
        copy.diag = from.diag;
        copy.state = from.state;
        copy.demand = from.demand;
        copy.mult = from.mult;
        copy.my = from.my;
        copy.your = from.your;
        copy.tx = from.tx;
        copy.rx = from.rx;
        copy.echoRx = from.echoRx;
        return copy;
    }

    /**
     * The peer sends {@code packet} every {@code everyMs} for {@code forMs}, as periodic packets.
     *
     * @param key demultiplexing key
     * @param packet what it sends (re-read each time, so a test may change it)
     * @param everyMs period
     * @param forMs how long
     */
    void feed(final SessionKey key, final Pkt packet, final long everyMs, final long forMs) {
        for (long t = 0; t < forMs; t += everyMs) {
            deliver(key, packet);
            loop.runMillis(Math.min(everyMs, forMs - t));
        }
    }

    SessionSnapshot snapshot(final SessionKey key) {
        return engine.snapshot(key).join();
    }

    List<Sent> sentSince(final long atNanos) {
        return sent.stream().filter(s -> s.atNanos() >= atNanos).toList();
    }

    @Nullable Sent last() {
        return sent.isEmpty() ? null : sent.get(sent.size() - 1);
    }

    long rejected(final SessionKey key, final RejectReason reason) {
        return snapshot(key).statistics().rejected(reason);
    }

    @Override
    public boolean send(final SessionConfig session, final ControlPacket packet, final @Nullable Authenticator auth) {
        sent.add(new Sent(loop.nanoTime(), session, packet));
        return true;
    }

    @Override
    public boolean sendEcho(final SessionConfig session, final int localDiscr, final long sequence,
            final long nonce) {
        echoesSent++;
        echoTimes.add(loop.nanoTime());
        if (reflectEcho) {
            Wire.loopBackEcho(loop, engine, session, localDiscr, sequence, nonce);
        }
        return true;
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void stateChanged(final SessionSnapshot snapshot, final State previous) {
        changes.add(new Wire.Change(loop.nanoTime(), snapshot.name(), previous, snapshot.localState(), snapshot));
    }

    @Override
    public void policyChanged(final SessionSnapshot snapshot, final PolicySnapshot policy) {
        policyStates.add(policy);
    }

    @Override
    public void policyEvent(final SessionSnapshot snapshot, final PolicyEvent event) {
        policyEvents.add(event);
    }

    @Override
    public void sessionDeleted(final SessionKey key, final String name) {
        deleted.add(name);
    }

    static InetAddress addr(final String text) {
        return EngineScenarioTest.addr(text);
    }

    /**
     * A key provider holding one key in one key chain: it signs with it and accepts it by its Key ID.
     *
     * @param chain the key chain's name
     * @param key the key
     * @return the provider
     */
    static KeyProvider oneKey(final String chain, final AuthKey key) {
        return new KeyProvider() {
            @Override
            public @Nullable AuthKey sendKey(final String keyChain) {
                return chain.equals(keyChain) ? key : null;
            }

            @Override
            public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
                return chain.equals(keyChain) && keyId == key.keyId() ? key : null;
            }
        };
    }
}
