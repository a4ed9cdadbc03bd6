/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Two engines back to back through memory, on one fake loop. Packets are handed over as decoded
 * records, so that the engine scenarios do not depend on the codec.
 */
final class Wire {
    /** One packet seen on the wire. */
    record Sent(long atNanos, ControlPacket packet) {
    }

    /** A state change seen by the observer. */
    record Change(long atNanos, String name, State from, State to, SessionSnapshot snapshot) {
    }

    static final KeyProvider NO_KEYS = KeyProvider.NONE;

    final FakeLoop loop = new FakeLoop();
    final KeyProvider keys;
    final Side sideA;
    final Side sideB;
    /** Encode every packet and hand the receiver raw bytes (codec and authentication on the path). */
    boolean encode;

    Wire() {
        this(NO_KEYS);
    }

    Wire(final KeyProvider keys) {
        this.keys = keys;
        sideA = new Side("A");
        sideB = new Side("B");
        sideA.peer = sideB;
        sideB.peer = sideA;
        sideA.defaultLocal = EngineScenarioTest.ADDR_A;
        sideB.defaultLocal = EngineScenarioTest.ADDR_B;
    }

    /**
     * The peer's forwarding plane loops our Echo back (RFC 5880 §6.4): it arrives 100 µs later from
     * the peer's address with hop limit 254, already marked reflected.
     */
    static void loopBackEcho(final FakeLoop loop, final BfdEngine engine, final SessionConfig session,
            final int localDiscr, final long sequence, final long nonce) {
        final RxMeta arrival = new RxMeta(false, 254, session.interfaceName(),
            ((org.odlbfd.api.SingleHopKey) session.key()).destination(), session.localAddress());
        loop.schedule(() -> engine.submit(new EngineInput.EchoArrived(localDiscr, sequence, nonce, true,
            arrival, new byte[24])), 100_000);
    }

    /** One engine and what it sent. */
    final class Side implements PacketSink, EngineObserver {
        final String label;
        final List<Sent> sent = new ArrayList<>();
        final List<Change> changes = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        final BfdEngine engine;
        Side peer;
        boolean linkUp = true;
        boolean reflectEcho = true;
        long echoesSent;
        long lastDelivered;
        InetAddress defaultLocal;

        Side(final String label) {
            this.label = label;
            engine = new BfdEngine(List.of(loop, loop), loop, ignored -> this, keys, label.hashCode(), this);
        }

        @Override
        public boolean send(final SessionConfig session, final ControlPacket packet,
                final @Nullable Authenticator auth) {
            sent.add(new Sent(loop.nanoTime(), packet));
            if (linkUp) {
                final SessionKey atPeer = peerKey(session, defaultLocal);
                final ByteBuf datagram;
                if (encode || auth != null) {
                    datagram = Unpooled.buffer();
                    if (auth != null) {
                        if (!auth.encode(packet, datagram)) {
                            datagram.release();
                            return false;
                        }
                    } else {
                        ControlPacketCodec.encode(packet, datagram);
                    }
                } else {
                    datagram = null;
                }
                loop.execute(() -> {
                    peer.lastDelivered = loop.nanoTime();
                    peer.engine.submit(new EngineInput.Received(atPeer, datagram == null ? packet : null, datagram,
                        null));
                });
            }
            return true;
        }

        @Override
        public boolean sendEcho(final SessionConfig session, final int localDiscr, final long sequence,
                final long nonce) {
            echoesSent++;
            if (reflectEcho && linkUp) {
                loopBackEcho(loop, engine, session, localDiscr, sequence, nonce);
            }
            return true;
        }

        @Override
        public void flush() {
            // in memory: nothing buffered
        }

        @Override
        public void stateChanged(final SessionSnapshot snapshot, final State previous) {
            changes.add(new Change(loop.nanoTime(), snapshot.name(), previous, snapshot.localState(), snapshot));
        }

        @Override
        public void sessionDeleted(final SessionKey key, final String name) {
            deleted.add(name);
        }

        SessionSnapshot snapshot(final SessionKey key) {
            return engine.snapshot(key).join();
        }

        List<Sent> sentSince(final long atNanos) {
            return sent.stream().filter(s -> s.atNanos() >= atNanos).toList();
        }
    }

    /** How the receiving engine keys a packet from {@code session} while Your Discriminator is 0. */
    static SessionKey peerKey(final SessionConfig session, final InetAddress defaultLocal) {
        final InetAddress local = session.localAddress() != null ? session.localAddress() : defaultLocal;
        return switch (session.key()) {
            case SingleHopKey sh -> new SingleHopKey(sh.interfaceName(), local);
            case MultiHopKey mh -> new MultiHopKey(mh.destination(), mh.source());
        };
    }
}
