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
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * Fuzzes the decoder: any byte string either decodes to a packet that re-encodes to its first
 * Length bytes, or raises DecodeException; nothing else may escape.
 *
 * <p>In a normal build Jazzer runs in regression mode: only the seeds under
 * src/test/resources/org/odlbfd/impl/packet/ControlPacketFuzzTestInputs/decode/ (and any
 * crash files saved there), in well under a second. To fuzz for real, on demand:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -o -f impl/pom.xml test -Dtest=ControlPacketFuzzTest \
 *     -Djacoco.skip=true -Djazzer.max_duration=2m
 * </pre>
 * ({@code maxDuration} below is the default length of such a run; the property overrides it.)
 */
class ControlPacketFuzzTest {
    /** Offset of the Reserved byte of a Keyed MD5/SHA1 section, ignored on receipt (RFC 5880 §4.3). */
    private static final int RESERVED = ControlPacketCodec.AUTH_SECTION_OFFSET + 3;

    @FuzzTest(maxDuration = "60s")
    void decode(final byte[] input) {
        final ByteBuf in = Unpooled.wrappedBuffer(input);
        final ControlPacket packet;
        try {
            packet = ControlPacketCodec.decode(in);
        } catch (DecodeException e) {
            assertNotNull(e.reason());
            assertEquals(0, in.readerIndex());
            assertEquals(input.length, in.writerIndex());
            return;
        }
        assertEquals(0, in.readerIndex());
        assertEquals(input.length, in.writerIndex());
        final int length = input[3] & 0xff;
        final byte[] expected = Arrays.copyOf(input, length);
        if (packet.auth() != null && packet.auth().type().code() > 1) {
            expected[RESERVED] = 0;
        }
        final ByteBuf out = Unpooled.buffer();
        ControlPacketCodec.encode(packet, out);
        assertArrayEquals(expected, ByteBufUtil.getBytes(out));
    }
}
