/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.State;

/**
 * Every reason the decoder raises, with crafted bytes, and encode/decode round trips.
 */
class ControlPacketCodecTest {
    /** Up, Detect Mult 3, Length 24, discriminators 1 and 2, 300 ms / 300 ms / 0. */
    private static final String UP = "20c0031800000001000000020004" + "93e0000493e000000000";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "BAD_VERSION, 00c0031800000001000000020004" + "93e0000493e000000000",
        "BAD_VERSION, 40c0031800000001000000020004" + "93e0000493e000000000",
        "BAD_VERSION, e0c0031800000001000000020004" + "93e0000493e000000000",
        // version is checked first, even on a short datagram
        "BAD_VERSION, 00",
        "TOO_SHORT, 20",
        "TOO_SHORT, 20c0031800000001000000020004" + "93e0000493e0000000",
        "TOO_SHORT, 20c0031700000001000000020004" + "93e0000493e000000000",
        "TOO_SHORT, 20c0030000000001000000020004" + "93e0000493e000000000",
        // A bit: Length 25 < 26
        "TOO_SHORT, 20c4031900000001000000020004" + "93e0000493e00000000001",
        "LENGTH_MISMATCH, 20c0031900000001000000020004" + "93e0000493e000000000",
        "LENGTH_MISMATCH, 20c003ff00000001000000020004" + "93e0000493e000000000",
        // Length 25 without the A bit, datagram of 25: nothing is defined there in version 1
        "LENGTH_MISMATCH, 20c0031900000001000000020004" + "93e0000493e00000000000",
        "ZERO_DETECT_MULT, 20c0001800000001000000020004" + "93e0000493e000000000",
        "MULTIPOINT, 20c1031800000001000000020004" + "93e0000493e000000000",
        "ZERO_MY_DISCRIMINATOR, 20c0031800000000000000020004" + "93e0000493e000000000",
        "ZERO_YOUR_DISCRIMINATOR, 20c0031800000001000000000004" + "93e0000493e000000000",
        "ZERO_YOUR_DISCRIMINATOR, 2080031800000001000000000004" + "93e0000493e000000000",
        // unknown Auth Types 0, 6, 255
        "BAD_AUTH_SECTION, 20c4031a00000001000000020004" + "93e0000493e0000000000002",
        "BAD_AUTH_SECTION, 20c4031c00000001000000020004" + "93e0000493e0000000000604" + "0100",
        "BAD_AUTH_SECTION, 20c4031c00000001000000020004" + "93e0000493e000000000ff04" + "0100",
        // Simple Password with Auth Len 20 (17-byte password)
        "BAD_AUTH_SECTION, 20c4032c00000001000000020004" + "93e0000493e0000000000114"
            + "01" + "6161616161616161616161616161616161",
        // Keyed MD5 with Auth Len 28, Keyed SHA1 with Auth Len 24, Meticulous MD5 with 23
        "BAD_AUTH_SECTION, 20c4033400000001000000020004" + "93e0000493e000000000" + "021c050000000001"
            + "0000000000000000000000000000000000000000",
        "BAD_AUTH_SECTION, 20c4033000000001000000020004" + "93e0000493e000000000" + "0418050000000001"
            + "00000000000000000000000000000000",
        "BAD_AUTH_SECTION, 20c4032f00000001000000020004" + "93e0000493e000000000" + "0317050000000001"
            + "000000000000000000000000000000",
        // Simple Password "ab" (Auth Len 5) but Length 30: Length must end with the section
        "BAD_AUTH_SECTION, 20c4031e00000001000000020004" + "93e0000493e000000000" + "0105016162" + "0000",
        // Keyed SHA1 (Auth Len 28) but Length 40: Length shorter than the section
        "BAD_AUTH_SECTION, 20c4032800000001000000020004" + "93e0000493e000000000" + "041c050000000001"
            + "0000000000000000000000000000000000000000",
    })
    void rejects(final RejectReason reason, final String hex) {
        final ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        final DecodeException ex = assertThrows(DecodeException.class, () -> ControlPacketCodec.decode(in));
        assertEquals(reason, ex.reason(), ex.getMessage());
        assertEquals(0, in.readerIndex(), "indexes unchanged");
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"DOWN", "ADMIN_DOWN"})
    void yourDiscriminatorZeroIsFineWhileDown(final State state) throws DecodeException {
        final ControlPacket sent = plain(state, 0);
        final ControlPacket received = roundTrip(sent);
        assertEquals(0, received.yourDiscriminator());
    }

    @Test
    void decodesFromReaderIndexAndIgnoresTrailingBytes() throws DecodeException {
        final ByteBuf in = Unpooled.buffer();
        in.writeBytes(HexFormat.of().parseHex("ffffff" + UP + "eeee"));
        in.readerIndex(3);
        final ControlPacket packet = ControlPacketCodec.decode(in);
        assertEquals(3, in.readerIndex());
        assertEquals(29, in.writerIndex());
        assertEquals(State.UP, packet.state());
        assertEquals(1, packet.myDiscriminator());
        assertEquals(2, packet.yourDiscriminator());
        assertEquals(300_000, packet.desiredMinTxUs());
        assertEquals(300_000, packet.requiredMinRxUs());
        assertEquals(0, packet.requiredMinEchoRxUs());
        assertNull(packet.auth());
    }

    @Test
    void reservedByteIsIgnoredOnReceipt() throws DecodeException {
        // RFC 5880 §4.3: Reserved "MUST be set to zero on transmit, and ignored on receipt".
        final String section = "02180507" + "00000009" + "00112233445566778899aabbccddeeff";
        final ControlPacket packet = ControlPacketCodec.decode(
            Unpooled.wrappedBuffer(HexFormat.of().parseHex(UP.replace("20c00318", "20c40330") + section)));
        assertEquals(AuthType.KEYED_MD5, packet.auth().type());
        assertEquals(5, packet.auth().keyId());
        assertEquals(9, packet.auth().sequence());
        final ByteBuf out = Unpooled.buffer();
        ControlPacketCodec.encode(packet, out);
        assertEquals(0, out.getByte(27), "written as zero");
    }

    static Stream<Arguments> packets() {
        final byte[] digest16 = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        final byte[] hash20 = HexFormat.of().parseHex("00112233445566778899aabbccddeeff01234567");
        return Stream.of(
            Arguments.of(plain(State.UP, 2)),
            Arguments.of(plain(State.ADMIN_DOWN, 0)),
            Arguments.of(plain(State.INIT, -1)),
            Arguments.of(new ControlPacket(31, State.DOWN, true, true, true, true, false, 255, -1, 0,
                0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFFL, null)),
            Arguments.of(new ControlPacket(7, State.UP, false, true, false, false, false, 1, 0x8000_0000,
                0x7FFF_FFFF, 0, 1, 50_000, null)),
            Arguments.of(withAuth(new AuthSection(AuthType.SIMPLE_PASSWORD, 0, 0, new byte[] {'x'}))),
            Arguments.of(withAuth(new AuthSection(AuthType.SIMPLE_PASSWORD, 255, 0,
                "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))),
            Arguments.of(withAuth(new AuthSection(AuthType.KEYED_MD5, 5, 0, digest16))),
            Arguments.of(withAuth(new AuthSection(AuthType.METICULOUS_KEYED_MD5, 1, 0xFFFF_FFFFL, digest16))),
            Arguments.of(withAuth(new AuthSection(AuthType.KEYED_SHA1, 200, 12_345, hash20))),
            Arguments.of(withAuth(new AuthSection(AuthType.METICULOUS_KEYED_SHA1, 9, 0x8000_0000L, hash20))));
    }

    @ParameterizedTest
    @MethodSource("packets")
    void roundTrips(final ControlPacket packet) throws DecodeException {
        final ControlPacket decoded = roundTrip(packet);
        assertEquals(packet.diagCode(), decoded.diagCode());
        assertEquals(packet.state(), decoded.state());
        assertEquals(packet.poll(), decoded.poll());
        assertEquals(packet.fin(), decoded.fin());
        assertEquals(packet.cpi(), decoded.cpi());
        assertEquals(packet.demand(), decoded.demand());
        assertEquals(packet.detectMult(), decoded.detectMult());
        assertEquals(packet.myDiscriminator(), decoded.myDiscriminator());
        assertEquals(packet.yourDiscriminator(), decoded.yourDiscriminator());
        assertEquals(packet.desiredMinTxUs(), decoded.desiredMinTxUs());
        assertEquals(packet.requiredMinRxUs(), decoded.requiredMinRxUs());
        assertEquals(packet.requiredMinEchoRxUs(), decoded.requiredMinEchoRxUs());
        if (packet.auth() == null) {
            assertNull(decoded.auth());
        } else {
            assertEquals(packet.auth().type(), decoded.auth().type());
            assertEquals(packet.auth().keyId(), decoded.auth().keyId());
            assertEquals(packet.auth().sequence(), decoded.auth().sequence());
            assertArrayEquals(packet.auth().data(), decoded.auth().data());
        }
    }

    @Test
    void encodedLengthMatchesAuthLen() {
        assertEquals(24, ControlPacketCodec.encodedLength(plain(State.UP, 2)));
        assertEquals(24 + 3 + 9, ControlPacketCodec.encodedLength(
            withAuth(new AuthSection(AuthType.SIMPLE_PASSWORD, 5, 0, new byte[9]))));
        assertEquals(48, ControlPacketCodec.encodedLength(withAuth(new AuthSection(AuthType.KEYED_MD5, 5, 0,
            new byte[16]))));
        assertEquals(52, ControlPacketCodec.encodedLength(withAuth(new AuthSection(AuthType.METICULOUS_KEYED_SHA1,
            5, 0, new byte[20]))));
    }

    @Test
    void encodeRefusesFieldsThatDoNotFit() {
        final ByteBuf out = Unpooled.buffer();
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(new ControlPacket(32,
            State.UP, false, false, false, false, false, 3, 1, 2, 0, 0, 0, null), out));
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(new ControlPacket(0,
            State.UP, false, false, false, false, false, 256, 1, 2, 0, 0, 0, null), out));
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(new ControlPacket(0,
            State.UP, false, false, false, false, false, 3, 1, 2, 1L << 32, 0, 0, null), out));
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(new ControlPacket(0,
            State.UP, false, false, false, false, false, 3, 1, 2, 0, -1, 0, null), out));
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(
            withAuth(new AuthSection(AuthType.SIMPLE_PASSWORD, 5, 0, new byte[17])), out));
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(
            withAuth(new AuthSection(AuthType.KEYED_SHA1, 5, 0, new byte[16])), out));
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(
            withAuth(new AuthSection(AuthType.KEYED_MD5, 256, 0, new byte[16])), out));
        assertThrows(IllegalArgumentException.class, () -> ControlPacketCodec.encode(
            withAuth(new AuthSection(AuthType.KEYED_MD5, 1, -1, new byte[16])), out));
        assertEquals(0, out.writerIndex(), "nothing written when a field is refused");
    }

    @Test
    void encodesTheRfcLayout() {
        final ByteBuf out = Unpooled.buffer();
        ControlPacketCodec.encode(new ControlPacket(3, State.INIT, true, false, true, false, false, 5, 0x01020304,
            0x05060708, 1_000_000, 2_000_000, 50_000, null), out);
        // Vers 1, Diag 3 | Sta 2, P, C | Detect Mult 5 | Length 24 | ...
        assertEquals("23a80518" + "01020304" + "05060708" + "000f4240" + "001e8480" + "0000c350",
            ByteBufUtil.hexDump(out));
    }

    private static ControlPacket roundTrip(final ControlPacket packet) throws DecodeException {
        final ByteBuf out = Unpooled.buffer();
        ControlPacketCodec.encode(packet, out);
        assertEquals(ControlPacketCodec.encodedLength(packet), out.readableBytes());
        final ControlPacket decoded = ControlPacketCodec.decode(out);
        final ByteBuf again = Unpooled.buffer();
        ControlPacketCodec.encode(decoded, again);
        assertEquals(out, again, "re-encoding the decoded packet gives the same bytes");
        return decoded;
    }

    private static ControlPacket plain(final State state, final int yourDiscriminator) {
        return new ControlPacket(0, state, false, false, false, false, false, 3, 0x11223344, yourDiscriminator,
            300_000, 300_000, 0, null);
    }

    private static ControlPacket withAuth(final AuthSection auth) {
        return new ControlPacket(0, State.UP, false, false, false, false, false, 3, 0x11223344, 0x55667788,
            300_000, 300_000, 0, auth);
    }
}
