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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.odlbfd.api.AuthType;

/**
 * The malformed and corner-case packets of wireshark-bfd-crafted.pcap, one per row of
 * wireshark-bfd-crafted-results.tsv (which records what Wireshark made of each).
 */
class CraftedPacketsTest {
    /**
     * Our verdict per TSV row, in order; null means accepted. Wireshark only flags some of these
     * as malformed: it is a dissector, not a receiver applying RFC 5880 §6.8.6.
     */
    private static final List<RejectReason> EXPECTED = Arrays.asList(
        null,                               // 1 valid Up
        RejectReason.BAD_VERSION,           // 2 version 0
        RejectReason.BAD_VERSION,           // 3 version 2
        RejectReason.LENGTH_MISMATCH,       // 4 Length 30 > payload 24
        RejectReason.TOO_SHORT,             // 5 Length 20 < 24
        RejectReason.TOO_SHORT,             // 6 payload of 20 bytes
        RejectReason.TOO_SHORT,             // 7 A bit, Length 24 < 26
        RejectReason.BAD_AUTH_SECTION,      // 8 Keyed MD5 with Auth Len 20
        RejectReason.BAD_AUTH_SECTION,      // 9 Simple Password with Auth Len 3 (no password)
        RejectReason.BAD_AUTH_SECTION,      // 10 Auth Type 9
        RejectReason.ZERO_DETECT_MULT,      // 11
        RejectReason.ZERO_MY_DISCRIMINATOR, // 12
        RejectReason.MULTIPOINT,            // 13
        null,                               // 14 P and F: senders MUST NOT, §6.8.6 has no receive check
        RejectReason.ZERO_YOUR_DISCRIMINATOR, // 15 Up with Your Discriminator 0
        null,                               // 16 Diag 31: unassigned codes are kept
        null,                               // 17 D bit
        null,                               // 18 two bytes after Length: ignored
        null);                              // 19 Keyed SHA1 layout

    static Stream<Arguments> rows() {
        final List<String> tsv = BfdCaptures.lines("wireshark-bfd-crafted-results.tsv");
        final List<PcapReader.UdpDatagram> datagrams = BfdCaptures.control("wireshark-bfd-crafted.pcap");
        assertEquals(EXPECTED.size(), tsv.size(), "one verdict per TSV row");
        assertEquals(tsv.size(), datagrams.size(), "one TSV row per packet");
        return IntStream.range(0, tsv.size()).mapToObj(i -> {
            final String[] cells = tsv.get(i).split("\t");
            assertEquals(i + 1, Integer.parseInt(cells[0]), "TSV rows in frame order");
            return Arguments.of(cells[1], datagrams.get(i), EXPECTED.get(i));
        });
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rows")
    void verdict(final String description, final PcapReader.UdpDatagram datagram, final RejectReason expected)
            throws DecodeException {
        final ByteBuf in = BfdCaptures.buffer(datagram);
        if (expected != null) {
            final DecodeException ex = assertThrows(DecodeException.class, () -> ControlPacketCodec.decode(in));
            assertEquals(expected, ex.reason(), description + ": " + ex.getMessage());
            assertEquals(0, in.readerIndex());
            return;
        }
        final ControlPacket packet = ControlPacketCodec.decode(in);
        final ByteBuf out = Unpooled.buffer();
        ControlPacketCodec.encode(packet, out);
        final int length = datagram.payload()[3];
        assertArrayEquals(Arrays.copyOf(datagram.payload(), length), ByteBufUtil.getBytes(out), description);
        switch (description) {
            case "poll and final both set" -> assertTrue(packet.poll() && packet.fin());
            case "diag 31 (reserved)" -> assertEquals(31, packet.diagCode());
            case "demand bit set" -> assertTrue(packet.demand());
            case "extra trailing bytes beyond length" -> assertEquals(26, datagram.payload().length);
            case "valid keyed sha1 layout" -> {
                assertEquals(AuthType.KEYED_SHA1, packet.auth().type());
                assertEquals(7, packet.auth().sequence());
            }
            default -> assertEquals("valid Up", description);
        }
    }
}
