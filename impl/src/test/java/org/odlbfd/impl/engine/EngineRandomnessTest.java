/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Local discriminators and the first authentication sequence numbers (RFC 5880 §6.8.1) come from a
 * CSPRNG, not from the engine's seed: two engines built with the same seed, as two controllers
 * started in the same nanosecond would be, share none of them. Only the transmit jitter follows the
 * seed.
 */
class EngineRandomnessTest {
    private static final long SEED = 42;
    private static final KeyProvider ONE_KEY = new KeyProvider() {
        @Override
        public @Nullable AuthKey sendKey(final String keyChain) {
            return new AuthKey(1, "secret".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
            return sendKey(keyChain);
        }
    };

    /** An engine on a fake loop that records the Auth Sequence Number of each packet it sends. */
    private static final class Engine implements PacketSink, EngineObserver {
        final FakeLoop loop = new FakeLoop();
        final BfdEngine engine = new BfdEngine(List.of(loop, loop), loop, ignored -> this, ONE_KEY, SEED, this);
        final List<Long> sequences = new ArrayList<>();

        @Override
        public boolean send(final SessionConfig session, final ControlPacket packet,
                final @Nullable Authenticator auth) {
            if (auth != null) {
                final var datagram = Unpooled.buffer();
                try {
                    assertTrue(auth.encode(packet, datagram));
                    // RFC 5880 §4.3/4.4: the sequence number follows type, length, key id and reserved
                    sequences.add(datagram.getUnsignedInt(ControlPacket.MANDATORY_LENGTH + 4));
                } finally {
                    datagram.release();
                }
            }
            return true;
        }

        @Override
        public boolean sendEcho(final SessionConfig session, final int localDiscr, final long sequence,
                final long nonce) {
            return true;
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        Set<Integer> discriminators(final int sessions, final @Nullable AuthType auth) {
            final Set<Integer> found = new HashSet<>();
            for (int i = 0; i < sessions; i++) {
                final var key = new SingleHopKey("eth0", InetAddresses.forString("192.0.2." + (10 + i)));
                final var base = SessionConfig.of("s" + i, key, null, new SessionParams(300_000, 300_000, 3));
                final var config = auth == null ? base : new SessionConfig(base.name(), key, null, 300_000, 300_000,
                    3, 0, 0, false, false, auth, "kc", 0, 0, 254, false);
                engine.configure(config);
                loop.runMillis(1);
                found.add(engine.snapshot(key).join().localDiscr());
            }
            loop.runMillis(2_000);
            return found;
        }
    }

    @Test
    void twoEnginesWithOneSeedShareNoDiscriminator() {
        final var first = new Engine().discriminators(8, null);
        final var second = new Engine().discriminators(8, null);
        assertEquals(8, first.size());
        assertEquals(8, second.size());
        final var shared = new HashSet<>(first);
        shared.retainAll(second);
        // with a seeded generator the two lists were equal; 8 x 8 draws of 31 bits collide with p < 2^-25
        assertEquals(Set.of(), shared, () -> first + " / " + second);
    }

    @Test
    void twoEnginesWithOneSeedStartTheirAuthSequencesApart() {
        final var first = new Engine();
        final var second = new Engine();
        first.discriminators(1, AuthType.METICULOUS_KEYED_SHA1);
        second.discriminators(1, AuthType.METICULOUS_KEYED_SHA1);
        assertTrue(first.sequences.size() >= 2 && second.sequences.size() >= 2,
            () -> first.sequences + " / " + second.sequences);
        // meticulous: +1 per packet from a random start (RFC 5880 §6.8.1, bfd.XmitAuthSeq)
        assertEquals(first.sequences.get(0) + 1, (long) first.sequences.get(1));
        assertTrue(!first.sequences.get(0).equals(second.sequences.get(0)),
            () -> "same first sequence number " + first.sequences.get(0));
    }

    @Test
    void theSourceIsTheCsprngOfEachShard() {
        final var engine = new Engine().engine;
        assertEquals("java.security.SecureRandom", engine.discriminatorSource(0).getClass().getName());
        assertTrue(engine.discriminatorSource(0) != engine.discriminatorSource(1), "one CSPRNG per shard");
    }
}
