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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.State;

/**
 * Golden byte vectors: every Control packet captured from FRR, BIRD and keepalived decodes,
 * matches what tshark decoded from the same capture, and re-encodes to the identical bytes.
 */
class GoldenCaptureTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file, link type, Control packets, auth type code (0 = none)
        "frr-bfd-single-hop.pcap, 1, 6, 0",
        "frr-bfd-bringup.pcap, 1, 70, 0",
        "frr-bfd-multihop.pcap, 1, 23, 0",
        "frr-pair-all.pcap, 1, 50, 0",
        "bird-frr-multihop.pcap, 1, 8, 0",
        "keepalived-bfd.pcap, 1, 3, 0",
        "bird-bfd-auth-simple.pcap, 1, 12, 1",
        "bird-bfd-auth-keyed-md5.pcap, 1, 12, 2",
        "bird-bfd-auth-meticulous-keyed-md5.pcap, 1, 14, 3",
        "bird-bfd-auth-keyed-sha1.pcap, 1, 15, 4",
        "bird-bfd-auth-meticulous-keyed-sha1.pcap, 1, 15, 5",
    })
    void decodesAndReencodesEveryPacket(final String file, final int linkType, final int count, final int authCode)
            throws Exception {
        assertEquals(linkType, PcapReader.linkType(resource(file)), "link type of " + file);
        final List<PcapReader.UdpDatagram> datagrams = BfdCaptures.control(file);
        assertEquals(count, datagrams.size(), "Control packets in " + file);
        for (PcapReader.UdpDatagram datagram : datagrams) {
            final ByteBuf in = BfdCaptures.buffer(datagram);
            final ControlPacket packet = ControlPacketCodec.decode(in);
            assertEquals(0, in.readerIndex());
            assertEquals(datagram.payload().length, in.readableBytes(), "decode must not move indexes");
            final AuthSection auth = packet.auth();
            if (authCode == 0) {
                assertNull(auth, "frame " + datagram.frame());
            } else {
                assertNotNull(auth, "frame " + datagram.frame());
                assertEquals(AuthType.ofCode(authCode), auth.type());
                assertEquals(5, auth.keyId(), "BIRD was configured with key id 5");
            }
            final ByteBuf out = Unpooled.buffer();
            ControlPacketCodec.encode(packet, out);
            assertEquals(ControlPacketCodec.encodedLength(packet), out.readableBytes());
            assertArrayEquals(datagram.payload(), ByteBufUtil.getBytes(out),
                "frame " + datagram.frame() + " of " + file + " re-encodes identically");
        }
    }

    @Test
    void bringUpMatchesTsharkFields() throws Exception {
        final List<PcapReader.UdpDatagram> datagrams = BfdCaptures.control("frr-bfd-bringup.pcap");
        final List<String> rows = BfdCaptures.lines("frr-bfd-bringup-fields.tsv");
        final List<String> header = List.of(rows.get(0).split("\t"));
        assertEquals(datagrams.size(), rows.size() - 1, "one TSV row per packet");
        boolean sawPoll = false;
        boolean sawFinal = false;
        boolean sawAdminDown = false;
        for (int i = 0; i < datagrams.size(); i++) {
            final String[] cells = rows.get(i + 1).split("\t");
            final Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            final PcapReader.UdpDatagram datagram = datagrams.get(i);
            final ControlPacket packet = ControlPacketCodec.decode(BfdCaptures.buffer(datagram));
            final String where = "packet " + i;
            assertEquals(row.get("ip.src"), datagram.source().getHostAddress(), where);
            assertEquals(Integer.parseInt(row.get("ip.ttl")), datagram.ttl(), where);
            assertEquals(Integer.decode(row.get("bfd.diag")), packet.diagCode(), where);
            assertEquals(State.ofCode(Integer.decode(row.get("bfd.sta"))), packet.state(), where);
            assertEquals("1".equals(row.get("bfd.flags.p")), packet.poll(), where);
            assertEquals("1".equals(row.get("bfd.flags.f")), packet.fin(), where);
            assertEquals(Integer.parseInt(row.get("bfd.detect_time_multiplier")), packet.detectMult(), where);
            assertEquals(Long.decode(row.get("bfd.my_discriminator")).intValue(), packet.myDiscriminator(), where);
            assertEquals(Long.decode(row.get("bfd.your_discriminator")).intValue(), packet.yourDiscriminator(),
                where);
            assertEquals(Long.parseLong(row.get("bfd.desired_min_tx_interval")), packet.desiredMinTxUs(), where);
            assertEquals(Long.parseLong(row.get("bfd.required_min_rx_interval")), packet.requiredMinRxUs(), where);
            assertEquals(Long.parseLong(row.get("bfd.required_min_echo_interval")), packet.requiredMinEchoRxUs(),
                where);
            sawPoll |= packet.poll();
            sawFinal |= packet.fin();
            sawAdminDown |= packet.state() == State.ADMIN_DOWN;
        }
        assertTrue(sawPoll && sawFinal && sawAdminDown, "the bring-up capture exercises P, F and AdminDown");
    }

    @Test
    void singleHopMatchesTsharkVerboseDecode() throws Exception {
        final Map<String, String> fields = new HashMap<>();
        final Pattern line = Pattern.compile("^\\s+(?:[01.]+ [01.]+ = )?([A-Za-z][A-Za-z ]+?): (.+)$");
        boolean inBfd = false;
        for (String text : BfdCaptures.lines("frr-bfd-control-decode.txt")) {
            inBfd |= text.startsWith("BFD Control message");
            final Matcher matcher = line.matcher(text);
            if (inBfd && matcher.matches()) {
                fields.put(matcher.group(1), matcher.group(2).trim());
            }
        }
        final PcapReader.UdpDatagram datagram = BfdCaptures.control("frr-bfd-single-hop.pcap").get(0);
        final ControlPacket packet = ControlPacketCodec.decode(BfdCaptures.buffer(datagram));
        assertEquals(ControlPacket.VERSION, number(fields.get("Protocol Version")));
        assertEquals(hexInParentheses(fields.get("Session State")), packet.state().code());
        assertEquals(hexInParentheses(fields.get("Diagnostic Code")), packet.diagCode());
        assertEquals(Integer.decode(fields.get("Message Flags")), datagram.payload()[1] & 0xff);
        assertEquals(number(fields.get("Detect Time Multiplier")), packet.detectMult());
        assertEquals(number(fields.get("Message Length")), ControlPacketCodec.encodedLength(packet));
        assertEquals(Long.decode(fields.get("My Discriminator")).intValue(), packet.myDiscriminator());
        assertEquals(Long.decode(fields.get("Your Discriminator")).intValue(), packet.yourDiscriminator());
        assertEquals(microseconds(fields.get("Desired Min TX Interval")), packet.desiredMinTxUs());
        assertEquals(microseconds(fields.get("Required Min RX Interval")), packet.requiredMinRxUs());
        assertEquals(microseconds(fields.get("Required Min Echo Interval")), packet.requiredMinEchoRxUs());
        assertEquals("Not set", fields.get("Authentication Present"));
        assertFalse(packet.poll() || packet.fin() || packet.cpi() || packet.demand() || packet.authPresent());
    }

    @Test
    void keepalivedAndIpv6PacketsDecode() throws Exception {
        final ControlPacket keepalived = ControlPacketCodec.decode(
            BfdCaptures.buffer(BfdCaptures.control("keepalived-bfd.pcap").get(0)));
        assertEquals(State.UP, keepalived.state());
        assertEquals(300_000, keepalived.desiredMinTxUs(), "keepalived was configured with min_tx 300");
        assertEquals(300_000, keepalived.requiredMinRxUs(), "keepalived was configured with min_rx 300");
        assertEquals(3, keepalived.detectMult());
        assertTrue(BfdCaptures.control("frr-pair-all.pcap").stream()
            .anyMatch(datagram -> datagram.source() instanceof Inet6Address), "FRR pair capture has IPv6 sessions");
    }

    private static long number(final String field) {
        final Matcher matcher = Pattern.compile("(\\d+)").matcher(field);
        assertTrue(matcher.find(), field);
        return Long.parseLong(matcher.group(1));
    }

    private static int hexInParentheses(final String field) {
        final Matcher matcher = Pattern.compile("\\(0x([0-9a-fA-F]+)\\)").matcher(field);
        assertTrue(matcher.find(), field);
        return Integer.parseInt(matcher.group(1), 16);
    }

    private static long microseconds(final String field) {
        final Matcher matcher = Pattern.compile("\\((\\d+) us\\)").matcher(field);
        assertTrue(matcher.find(), field);
        return Long.parseLong(matcher.group(1));
    }

    private static byte[] resource(final String file) throws IOException {
        try (InputStream in = GoldenCaptureTest.class.getResourceAsStream("/packet/" + file)) {
            assertNotNull(in, file);
            return in.readAllBytes();
        }
    }
}
