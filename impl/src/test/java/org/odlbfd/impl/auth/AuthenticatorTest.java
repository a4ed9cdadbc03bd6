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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.State;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.DecodeException;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Our own signing and verification, sequence numbers and their windows (RFC 5880 §6.7).
 */
class AuthenticatorTest {
    private static final ControlPacket UP = new ControlPacket(0, State.UP, false, false, false, false, false, 3,
        0x0a0b0c0d, 0x01020304, 300_000, 300_000, 0, null);
    private static final MapKeyProvider KEYS = MapKeyProvider.of(7, "s3cret");

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void ownPacketsVerifyWithASecondAuthenticator(final AuthType type) throws Exception {
        final Authenticator sender = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(1000));
        final Authenticator receiver = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(0));
        assertEquals(type, sender.type());
        for (int i = 0; i < 20; i++) {
            final ByteBuf out = Unpooled.buffer();
            assertTrue(sender.encode(UP, out));
            final byte[] bytes = ByteBufUtil.getBytes(out);
            final ControlPacket packet = ControlPacketCodec.decode(out);
            assertEquals(type, packet.auth().type());
            assertEquals(7, packet.auth().keyId());
            assertNull(receiver.verify(out, packet, 3), "packet " + i);
            if (type == AuthType.SIMPLE_PASSWORD) {
                assertArrayEquals("s3cret".getBytes(StandardCharsets.US_ASCII), packet.auth().data());
            } else {
                // bfd.XmitAuthSeq: random start, one more per packet (see KeyedDigestAuth).
                assertEquals(1000 + i, packet.auth().sequence());
                final byte[] key = "s3cret".getBytes(StandardCharsets.US_ASCII);
                assertArrayEquals(DigestOracle.expectedDigest(type, bytes, key), packet.auth().data(),
                    "digest matches an independent computation");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void tamperedPacketsFail(final AuthType type) throws DecodeException {
        final Authenticator sender = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(5));
        final Authenticator receiver = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(0));
        final ByteBuf out = Unpooled.buffer();
        assertTrue(sender.encode(UP, out));
        // The password is not tied to the packet (RFC 5880 §6.7.2), so only digests catch this.
        out.setByte(12, out.getByte(12) ^ 0x01);
        final RejectReason reason = receiver.verify(out, decode(out), 3);
        assertEquals(type == AuthType.SIMPLE_PASSWORD ? null : RejectReason.AUTH_FAILED, reason);
    }

    @ParameterizedTest
    @EnumSource(AuthType.class)
    void noSendKeyWritesNothing(final AuthType type) {
        final Authenticator sender = Authenticator.create(type, "no-such-chain", KEYS, new FixedRandom(0));
        final ByteBuf out = Unpooled.buffer();
        assertFalse(sender.encode(UP, out));
        assertEquals(0, out.writerIndex());
    }

    @Test
    void passwordsOutsideOneToSixteenBytesAreNotUsable() {
        final Authenticator sender = Authenticator.create(AuthType.SIMPLE_PASSWORD, MapKeyProvider.CHAIN,
            MapKeyProvider.of(1, "seventeen-bytes!!"), new FixedRandom(0));
        final ByteBuf out = Unpooled.buffer();
        assertFalse(sender.encode(UP, out));
        assertEquals(0, out.writerIndex());
    }

    @Test
    void packetWithoutSectionIsAMismatch() {
        final Authenticator receiver = Authenticator.create(AuthType.KEYED_SHA1, MapKeyProvider.CHAIN, KEYS,
            new FixedRandom(0));
        final ByteBuf out = Unpooled.buffer();
        ControlPacketCodec.encode(UP, out);
        assertEquals(RejectReason.AUTH_MISMATCH, receiver.verify(out, UP, 3));
    }

    @ParameterizedTest
    @EnumSource(value = AuthType.class, names = {"KEYED_SHA1", "METICULOUS_KEYED_MD5"})
    void longKeysAreTruncatedToTheDigestLength(final AuthType type) throws Exception {
        final String longKey = "0123456789abcdefghijklmnopqrstuvwxyz";
        final MapKeyProvider keys = MapKeyProvider.of(3, longKey);
        final Authenticator sender = Authenticator.create(type, MapKeyProvider.CHAIN, keys, new FixedRandom(0));
        final ByteBuf out = Unpooled.buffer();
        assertTrue(sender.encode(UP, out));
        final byte[] bytes = ByteBufUtil.getBytes(out);
        assertArrayEquals(DigestOracle.expectedDigest(type, bytes, longKey.getBytes(StandardCharsets.US_ASCII)),
            DigestOracle.carriedDigest(type, bytes));
        final Authenticator receiver = Authenticator.create(type, MapKeyProvider.CHAIN, keys, new FixedRandom(0));
        assertNull(receiver.verify(out, decode(out), 3));
    }

    @Test
    void keyRolloverUsesTheKeyIdInThePacket() throws DecodeException {
        final AuthKey oldKey = new AuthKey(1, "old".getBytes(StandardCharsets.US_ASCII));
        final AuthKey newKey = new AuthKey(2, "new".getBytes(StandardCharsets.US_ASCII));
        final Authenticator oldSender = Authenticator.create(AuthType.METICULOUS_KEYED_SHA1, MapKeyProvider.CHAIN,
            new MapKeyProvider(Map.of(1, oldKey), 1), new FixedRandom(10));
        final Authenticator newSender = Authenticator.create(AuthType.METICULOUS_KEYED_SHA1, MapKeyProvider.CHAIN,
            new MapKeyProvider(Map.of(2, newKey), 2), new FixedRandom(11));
        final Authenticator receiver = Authenticator.create(AuthType.METICULOUS_KEYED_SHA1, MapKeyProvider.CHAIN,
            new MapKeyProvider(Map.of(1, oldKey, 2, newKey), 2), new FixedRandom(0));
        final ByteBuf first = Unpooled.buffer();
        oldSender.encode(UP, first);
        assertNull(receiver.verify(first, decode(first), 3));
        final ByteBuf second = Unpooled.buffer();
        newSender.encode(UP, second);
        assertNull(receiver.verify(second, decode(second), 3));
    }

    @ParameterizedTest
    @EnumSource(value = AuthType.class, names = {"KEYED_MD5", "METICULOUS_KEYED_SHA1"})
    void sequenceNumbersWrapAround(final AuthType type) throws DecodeException {
        final Authenticator sender = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS,
            new FixedRandom(0xFFFF_FFFDL));
        final Authenticator receiver = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(0));
        long last = -1;
        for (int i = 0; i < 6; i++) {
            final ByteBuf out = Unpooled.buffer();
            sender.encode(UP, out);
            final ControlPacket packet = decode(out);
            last = packet.auth().sequence();
            assertNull(receiver.verify(out, packet, 1), "sequence " + last);
        }
        assertEquals(2, last, "0xfffffffd + 5 wraps to 2");
    }

    @ParameterizedTest
    @EnumSource(value = AuthType.class, names = {"KEYED_SHA1", "METICULOUS_KEYED_SHA1"})
    void windowIsThreeTimesDetectMult(final AuthType type) throws DecodeException {
        final Authenticator sender = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(100));
        final ControlPacket dm1 = new ControlPacket(0, State.UP, false, false, false, false, false, 1, 1, 2, 0, 0, 0,
            null);
        final ByteBuf[] packets = new ByteBuf[8];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = Unpooled.buffer();
            sender.encode(dm1, packets[i]);
        }
        // Detect Mult 1 in the packet and in the session: window of 3.
        final Authenticator receiver = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(0));
        assertNull(receiver.verify(packets[0], decode(packets[0]), 1));
        assertEquals(RejectReason.AUTH_SEQUENCE, receiver.verify(packets[4], decode(packets[4]), 1), "100 + 4");
        assertNull(receiver.verify(packets[3], decode(packets[3]), 1), "100 + 3");
        // A larger session Detect Mult widens it: 3 x 2 = 6 from 103.
        assertNull(receiver.verify(packets[7], decode(packets[7]), 2), "103 + 4");
        assertEquals(RejectReason.AUTH_SEQUENCE, receiver.verify(packets[1], decode(packets[1]), 2), "older");
    }

    @Test
    void receiveWindows() {
        final ReceiveSequence sequence = new ReceiveSequence();
        assertTrue(sequence.acceptable(12_345, true, 9), "anything while bfd.AuthSeqKnown is 0");
        sequence.accept(0xFFFF_FFFEL);
        assertTrue(sequence.known());
        // Keyed: [RcvAuthSeq, RcvAuthSeq + 9], circular.
        assertTrue(sequence.acceptable(0xFFFF_FFFEL, false, 9));
        assertTrue(sequence.acceptable(7, false, 9));
        assertFalse(sequence.acceptable(8, false, 9));
        assertFalse(sequence.acceptable(0xFFFF_FFFDL, false, 9));
        // Meticulous: [RcvAuthSeq + 1, RcvAuthSeq + 9].
        assertFalse(sequence.acceptable(0xFFFF_FFFEL, true, 9));
        assertTrue(sequence.acceptable(0xFFFF_FFFFL, true, 9));
        assertTrue(sequence.acceptable(0, true, 9));
        assertTrue(sequence.acceptable(7, true, 9));
        assertFalse(sequence.acceptable(8, true, 9));
        assertFalse(sequence.acceptable(0x8000_0000L, true, 9));
        sequence.forget();
        assertFalse(sequence.known());
        assertTrue(sequence.acceptable(0x8000_0000L, true, 9));
    }

    private static ControlPacket decode(final ByteBuf datagram) throws DecodeException {
        return ControlPacketCodec.decode(datagram);
    }
}
