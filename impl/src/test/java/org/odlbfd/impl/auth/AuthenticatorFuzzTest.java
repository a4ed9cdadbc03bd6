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

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.packet.AuthSection;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.DecodeException;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Fuzzes verification: whatever decodes is given to an authenticator of every type; verify never
 * throws, and whenever it accepts, an independent check agrees that the packet carries the right
 * password or digest. Seeds (BIRD's packets for all five types) are in
 * src/test/resources/org/odlbfd/impl/auth/AuthenticatorFuzzTestInputs/verify/. On demand:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -o -f impl/pom.xml test -Dtest=AuthenticatorFuzzTest \
 *     -Djacoco.skip=true -Djazzer.max_duration=2m
 * </pre>
 */
class AuthenticatorFuzzTest {
    private static final byte[] SECRET = "bfdsecret".getBytes(StandardCharsets.US_ASCII);
    private static final KeyProvider KEYS = MapKeyProvider.of(5, "bfdsecret");

    @FuzzTest(maxDuration = "60s")
    void verify(final byte[] input) throws NoSuchAlgorithmException {
        final ByteBuf in = Unpooled.wrappedBuffer(input);
        final ControlPacket packet;
        try {
            packet = ControlPacketCodec.decode(in);
        } catch (DecodeException e) {
            return;
        }
        for (AuthType type : AuthType.values()) {
            final Authenticator receiver = Authenticator.create(type, MapKeyProvider.CHAIN, KEYS, new FixedRandom(0));
            final RejectReason reason = receiver.verify(in, packet, input[2] & 0xff);
            assertEquals(0, in.readerIndex());
            if (reason == null) {
                final AuthSection auth = packet.auth();
                assertEquals(type, auth.type());
                assertEquals(5, auth.keyId());
                final byte[] bytes = Arrays.copyOf(input, input[3] & 0xff);
                assertArrayEquals(type == AuthType.SIMPLE_PASSWORD ? SECRET
                    : DigestOracle.expectedDigest(type, bytes, SECRET), auth.data());
            }
        }
    }
}
