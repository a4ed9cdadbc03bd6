/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The native UDP socket against the kernel, on loopback: what one slot sends (source address,
 * TTL) is what the other socket's slot header reports (destination, interface, TTL, source).
 */
class UdpSocketTest {
    private static final int SLOT = UdpSocket.SLOT_HEADER + 128;

    private static ByteBuffer slots() {
        return ByteBuffer.allocateDirect(SLOT * UdpSocket.MAX_BATCH).order(ByteOrder.nativeOrder());
    }

    private static void put(final ByteBuffer buf, final int slot, final byte[] src, final byte[] dst, final int port,
            final int ttl, final byte[] payload) {
        final int base = slot * SLOT;
        buf.putInt(base + UdpSocket.SLOT_LENGTH, payload.length);
        buf.putInt(base + UdpSocket.SLOT_IFINDEX, 0);
        buf.putInt(base + UdpSocket.SLOT_TTL, ttl);
        buf.putInt(base + UdpSocket.SLOT_PORT, port);
        buf.putInt(base + UdpSocket.SLOT_FAMILY, dst.length == 16 ? 6 : 4);
        buf.put(base + UdpSocket.SLOT_SRC, Arrays.copyOf(src, 16));
        buf.put(base + UdpSocket.SLOT_DST, Arrays.copyOf(dst, 16));
        buf.put(base + UdpSocket.SLOT_HEADER, payload);
    }

    private static byte[] field(final ByteBuffer buf, final int slot, final int field, final int length) {
        final byte[] bytes = new byte[length];
        buf.get(slot * SLOT + field, bytes);
        return bytes;
    }

    private static int receive(final UdpSocket socket, final ByteBuffer buf, final int want) throws Exception {
        int got = 0;
        for (int i = 0; i < 200 && got == 0; i++) {
            got = socket.receive(buf, UdpSocket.MAX_BATCH, SLOT);
            if (got < want) {
                Thread.sleep(5);
            }
        }
        return got;
    }

    @Test
    void ipv4BatchCarriesSourceDestinationAndTtl() throws Exception {
        final byte[] one = InetAddress.getByName("127.0.0.1").getAddress();
        final byte[] two = InetAddress.getByName("127.0.0.2").getAddress();
        try (UdpSocket rx = UdpSocket.open(false, 41784, null, true, 0, 255, 0xC0);
             UdpSocket tx = UdpSocket.open(false, 41785, null, true, 0, 255, 0xC0)) {
            final ByteBuffer out = slots();
            put(out, 0, two, one, 41784, 0, new byte[] {1, 2, 3});
            put(out, 1, one, two, 41784, 64, new byte[] {4, 5});
            assertEquals(2, tx.send(out, 2, SLOT));
            assertEquals(0, out.getInt(UdpSocket.SLOT_STATUS));

            final ByteBuffer in = slots();
            assertEquals(2, receive(rx, in, 2));
            assertEquals(3, in.getInt(UdpSocket.SLOT_LENGTH));
            assertEquals(255, in.getInt(UdpSocket.SLOT_TTL), "the socket's TTL");
            assertEquals(4, in.getInt(UdpSocket.SLOT_FAMILY));
            assertEquals(41785, in.getInt(UdpSocket.SLOT_PORT));
            assertArrayEquals(two, field(in, 0, UdpSocket.SLOT_SRC, 4), "source chosen by IP_PKTINFO");
            assertArrayEquals(one, field(in, 0, UdpSocket.SLOT_DST, 4));
            assertEquals(UdpSocket.interfaceIndex("lo"), in.getInt(UdpSocket.SLOT_IFINDEX));
            assertEquals(64, in.getInt(SLOT + UdpSocket.SLOT_TTL), "a per-datagram TTL");
            assertArrayEquals(one, field(in, 1, UdpSocket.SLOT_SRC, 4));
            assertArrayEquals(two, field(in, 1, UdpSocket.SLOT_DST, 4));
        }
    }

    @Test
    void ipv6HopLimitAndAddresses() throws Exception {
        final byte[] lo = InetAddress.getByName("::1").getAddress();
        try (UdpSocket rx = UdpSocket.open(true, 41786, null, true, 0, 255, 0xC0);
             UdpSocket tx = UdpSocket.open(true, 41787, null, true, 0, 255, 0xC0)) {
            final ByteBuffer out = slots();
            put(out, 0, lo, lo, 41786, 254, new byte[] {9});
            assertEquals(1, tx.send(out, 1, SLOT));
            final ByteBuffer in = slots();
            assertEquals(1, receive(rx, in, 1));
            assertEquals(254, in.getInt(UdpSocket.SLOT_TTL));
            assertEquals(6, in.getInt(UdpSocket.SLOT_FAMILY));
            assertArrayEquals(lo, field(in, 0, UdpSocket.SLOT_DST, 16));
        }
    }

    @Test
    void refusedDatagramIsReportedAndTheRestLeave() throws Exception {
        final byte[] one = InetAddress.getByName("127.0.0.1").getAddress();
        final byte[] foreign = InetAddress.getByName("192.0.2.77").getAddress();
        try (UdpSocket rx = UdpSocket.open(false, 41788, null, true, 0, 255, 0xC0);
             UdpSocket tx = UdpSocket.open(false, 41789, null, true, 0, 255, 0xC0)) {
            final ByteBuffer out = slots();
            put(out, 0, foreign, one, 41788, 0, new byte[] {1});
            put(out, 1, one, one, 41788, 0, new byte[] {2});
            assertEquals(1, tx.send(out, 2, SLOT));
            // EADDRNOTAVAIL, or ENETUNREACH where no route leaves from that source
            assertTrue(out.getInt(UdpSocket.SLOT_STATUS) > 0, "the kernel refused the foreign source");
            assertEquals(0, out.getInt(SLOT + UdpSocket.SLOT_STATUS));
            final ByteBuffer in = slots();
            assertEquals(1, receive(rx, in, 1));
            assertEquals(2, in.get(UdpSocket.SLOT_HEADER));
        }
    }

    @Test
    void dropAllFilterReadsNothing() throws Exception {
        final byte[] one = InetAddress.getByName("127.0.0.1").getAddress();
        try (UdpSocket rx = UdpSocket.open(false, 41790, null, true, 0, 255, 0xC0);
             UdpSocket tx = UdpSocket.open(false, 41791, null, true, 0, 255, 0xC0)) {
            rx.attachFilter(new int[] {0x06, 0});
            final ByteBuffer out = slots();
            put(out, 0, one, one, 41790, 0, new byte[] {1});
            assertEquals(1, tx.send(out, 1, SLOT));
            Thread.sleep(50);
            assertEquals(0, rx.receive(slots(), UdpSocket.MAX_BATCH, SLOT));
        }
    }

    @Test
    void criticalOptionFailureFailsTheOpen() {
        final IOException e = assertThrows(IOException.class,
            () -> UdpSocket.open(false, 41792, "no-such-vrf0", true, 0, 255, 0xC0));
        assertTrue(e.getMessage().contains("SO_BINDTODEVICE"), e.getMessage());
        assertThrows(IOException.class, () -> UdpSocket.open(false, 41793, null, true, 0, 256, 0xC0),
            "TTL 256 is refused, not ignored");
    }
}
