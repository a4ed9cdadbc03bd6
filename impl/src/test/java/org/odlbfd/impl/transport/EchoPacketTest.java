/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.engine.RxMeta;

class EchoPacketTest {
    /** FRR bfdd 8.4 drops Echo payloads shorter than its own 24 bytes: ours must be as long. */
    @Test
    void ourPayloadIsAsLongAsFrrs() {
        final ByteBuf buf = Unpooled.buffer();
        EchoPacket.encode(0x1234_5678, 7, 0x0102_0304_0506_0708L, buf);
        assertEquals(24, buf.readableBytes());
        assertEquals("011800001234567800000000000000070102030405060708", ByteBufUtil.hexDump(buf));
        assertEquals(0x1234_5678, EchoPacket.discriminator(buf));
        assertEquals(7, EchoPacket.sequence(buf));
        assertEquals(0x0102_0304_0506_0708L, EchoPacket.nonce(buf));
        assertFalse(EchoPacket.reflected(buf));
    }

    /** FRR's own echo (from the capture in shared/peers/samples/frr-bfd-echo-decode.txt). */
    @Test
    void readsFrrsDiscriminator() {
        final ByteBuf frr = Unpooled.wrappedBuffer(HexFormat.of().parseHex(
            "01180000da86ca44000000000000015c0000000000066627"));
        assertEquals(0xda86ca44, EchoPacket.discriminator(frr));
        assertFalse(EchoPacket.reflected(frr));
    }

    @Test
    void markedPayloadIsNeverLoopedAgain() {
        final ByteBuf buf = Unpooled.buffer();
        EchoPacket.encode(42, 1, 99, buf);
        final byte[] payload = ByteBufUtil.getBytes(buf);
        EchoPacket.markReflected(payload);
        assertTrue(EchoPacket.reflected(Unpooled.wrappedBuffer(payload)));
        assertEquals(42, EchoPacket.discriminator(Unpooled.wrappedBuffer(payload)));
    }

    @Test
    void rejectsWhatIsNotAnEchoPayload() {
        assertEquals(0, EchoPacket.discriminator(Unpooled.wrappedBuffer(new byte[] {1, 24, 0, 0, 0})));
        assertEquals(0, EchoPacket.discriminator(Unpooled.wrappedBuffer(new byte[] {2, 24, 0, 0, 0, 0, 0, 9})));
    }

    /** Both Echo receivers (native and fallback) build the engine's input here. */
    @Test
    void anArrivalCarriesItsFieldsAndACopyReadyToLoopBack() throws Exception {
        final ByteBuf frr = Unpooled.wrappedBuffer(HexFormat.of().parseHex(
            "01180000da86ca44000000000000015c0000000000066627"));
        final var meta = new RxMeta(false, 254, "eth0", InetAddress.getByName("192.0.2.2"),
            InetAddress.getByName("192.0.2.1"));
        final var echo = EchoPacket.arrived(frr, meta);
        assertEquals(0xda86ca44, echo.discr());
        assertEquals(0x15c, echo.sequence());
        assertEquals(0x66627, echo.nonce());
        assertFalse(echo.reflected());
        assertEquals(meta, echo.arrival());
        assertArrayEquals(HexFormat.of().parseHex("01180100da86ca44000000000000015c0000000000066627"),
            echo.payload());
        // the buffer is the caller's: neither consumed nor marked
        assertEquals(24, frr.readableBytes());
        assertFalse(EchoPacket.reflected(frr));
        assertTrue(EchoPacket.arrived(Unpooled.wrappedBuffer(echo.payload()), meta).reflected());
    }
}
