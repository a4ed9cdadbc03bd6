/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.packet.BfdCaptures;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.DecodeException;
import org.odlbfd.impl.packet.PcapReader.UdpDatagram;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Authentication against BIRD 2: two BIRD instances ran each of the five types with password
 * "bfdsecret" and key id 5 (samples/bird-bfd-auth-*.pcap). Each direction of a capture is what one
 * receiver sees, so each gets its own Authenticator, as a session would.
 */
class BirdCaptureAuthTest {
    private static final String SECRET = "bfdsecret";
    private static final int KEY_ID = 5;
    private static final int DETECT_MULT = 3;

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void acceptsBirdPacketsInOrder(final AuthType type) throws DecodeException {
        int accepted = 0;
        for (List<UdpDatagram> direction : directions(type)) {
            final Authenticator receiver = receiver(type, MapKeyProvider.of(KEY_ID, SECRET));
            for (UdpDatagram datagram : direction) {
                assertNull(verify(receiver, datagram), "frame " + datagram.frame());
                accepted++;
            }
        }
        assertEquals(BfdCaptures.control(file(type)).size(), accepted);
    }

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void rejectsBirdPacketsWithWrongSecret(final AuthType type) throws DecodeException {
        for (List<UdpDatagram> direction : directions(type)) {
            final Authenticator receiver = receiver(type, MapKeyProvider.of(KEY_ID, "bfdsecreT"));
            for (UdpDatagram datagram : direction) {
                assertEquals(RejectReason.AUTH_FAILED, verify(receiver, datagram), "frame " + datagram.frame());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void rejectsUnknownKeyId(final AuthType type) throws DecodeException {
        final Authenticator receiver = receiver(type, MapKeyProvider.of(KEY_ID + 1, SECRET));
        assertEquals(RejectReason.AUTH_FAILED, verify(receiver, directions(type).get(0).get(0)));
    }

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void rejectsAnotherConfiguredType(final AuthType type) throws DecodeException {
        final AuthType other = type == AuthType.KEYED_SHA1 ? AuthType.METICULOUS_KEYED_SHA1 : AuthType.KEYED_SHA1;
        final Authenticator receiver = receiver(other, MapKeyProvider.of(KEY_ID, SECRET));
        assertEquals(RejectReason.AUTH_MISMATCH, verify(receiver, directions(type).get(0).get(0)));
    }

    @ParameterizedTest
    @EnumSource(value = AuthType.class, names = {"METICULOUS_KEYED_MD5", "METICULOUS_KEYED_SHA1"})
    void meticulousRejectsReplays(final AuthType type) throws DecodeException {
        final List<UdpDatagram> direction = directions(type).get(0);
        assertTrue(direction.size() >= 3, "enough packets to replay");
        final Authenticator receiver = receiver(type, MapKeyProvider.of(KEY_ID, SECRET));
        for (UdpDatagram datagram : direction) {
            assertNull(verify(receiver, datagram));
        }
        // An older packet, and the latest one again: RFC 5880 §6.7.3 wants seq > bfd.RcvAuthSeq.
        assertEquals(RejectReason.AUTH_SEQUENCE, verify(receiver, direction.get(0)));
        assertEquals(RejectReason.AUTH_SEQUENCE, verify(receiver, direction.get(direction.size() - 2)));
        assertEquals(RejectReason.AUTH_SEQUENCE, verify(receiver, direction.get(direction.size() - 1)));
        // After twice the detection time without packets (RFC 5880 §6.8.1) anything goes again.
        receiver.forgetSequence();
        assertNull(verify(receiver, direction.get(0)));
    }

    @ParameterizedTest
    @EnumSource(value = AuthType.class, names = {"KEYED_MD5", "KEYED_SHA1"})
    void keyedAcceptsRepeatsButNotOlderNumbers(final AuthType type) throws DecodeException {
        final List<UdpDatagram> direction = directions(type).get(0);
        final Authenticator receiver = receiver(type, MapKeyProvider.of(KEY_ID, SECRET));
        for (UdpDatagram datagram : direction) {
            assertNull(verify(receiver, datagram));
        }
        final UdpDatagram last = direction.get(direction.size() - 1);
        assertNull(verify(receiver, last), "Keyed: bfd.RcvAuthSeq itself is in the window");
        final UdpDatagram older = direction.stream()
            .filter(datagram -> sequence(datagram) != sequence(last)).findFirst().orElseThrow();
        assertEquals(RejectReason.AUTH_SEQUENCE, verify(receiver, older));
    }

    /**
     * Our sender, started at BIRD's first sequence number, signs BIRD's packets to the very same
     * bytes; in meticulous mode the whole stream matches, as both advance by one per packet.
     */
    @ParameterizedTest
    @EnumSource(AuthType.class)
    void ourEncodingReproducesBird(final AuthType type) throws Exception {
        for (List<UdpDatagram> direction : directions(type)) {
            final UdpDatagram first = direction.get(0);
            final long initial = sequence(first);
            final Authenticator sender = Authenticator.create(type, MapKeyProvider.CHAIN,
                MapKeyProvider.of(KEY_ID, SECRET), new FixedRandom(initial));
            final int comparable = type.meticulous() || type == AuthType.SIMPLE_PASSWORD ? direction.size() : 1;
            for (UdpDatagram datagram : direction.subList(0, comparable)) {
                final ControlPacket packet = ControlPacketCodec.decode(Unpooled.wrappedBuffer(datagram.payload()));
                final ByteBuf out = Unpooled.buffer();
                assertTrue(sender.encode(packet, out));
                assertArrayEquals(datagram.payload(), ByteBufUtil.getBytes(out), "frame " + datagram.frame());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthType.class, mode = EnumSource.Mode.EXCLUDE, names = "SIMPLE_PASSWORD")
    void birdDigestsMatchIndependentComputation(final AuthType type) throws Exception {
        for (UdpDatagram datagram : BfdCaptures.control(file(type))) {
            final byte[] payload = datagram.payload();
            assertArrayEquals(DigestOracle.expectedDigest(type, payload, SECRET.getBytes(StandardCharsets.US_ASCII)),
                DigestOracle.carriedDigest(type, payload), "frame " + datagram.frame());
        }
    }

    static List<List<UdpDatagram>> directions(final AuthType type) {
        final Map<InetAddress, List<UdpDatagram>> bySource = new LinkedHashMap<>();
        for (UdpDatagram datagram : BfdCaptures.control(file(type))) {
            bySource.computeIfAbsent(datagram.source(), source -> new ArrayList<>()).add(datagram);
        }
        assertEquals(2, bySource.size(), "two BIRD instances");
        assertFalse(bySource.values().stream().anyMatch(List::isEmpty));
        return List.copyOf(bySource.values());
    }

    static String file(final AuthType type) {
        return "bird-bfd-auth-" + switch (type) {
            case SIMPLE_PASSWORD -> "simple";
            case KEYED_MD5 -> "keyed-md5";
            case METICULOUS_KEYED_MD5 -> "meticulous-keyed-md5";
            case KEYED_SHA1 -> "keyed-sha1";
            case METICULOUS_KEYED_SHA1 -> "meticulous-keyed-sha1";
        } + ".pcap";
    }

    private static Authenticator receiver(final AuthType type, final KeyProvider keys) {
        return Authenticator.create(type, MapKeyProvider.CHAIN, keys, new FixedRandom(0));
    }

    private static RejectReason verify(final Authenticator receiver, final UdpDatagram datagram)
            throws DecodeException {
        final ByteBuf in = Unpooled.wrappedBuffer(datagram.payload());
        final ControlPacket packet = ControlPacketCodec.decode(in);
        final RejectReason reason = receiver.verify(in, packet, DETECT_MULT);
        assertEquals(0, in.readerIndex(), "verify leaves the datagram as it was");
        return reason;
    }

    private static long sequence(final UdpDatagram datagram) {
        return Unpooled.wrappedBuffer(datagram.payload()).getUnsignedInt(ControlPacketCodec.AUTH_SEQUENCE_OFFSET);
    }
}
