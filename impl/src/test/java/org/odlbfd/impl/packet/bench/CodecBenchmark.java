/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.DecodeException;
import org.odlbfd.impl.packet.RejectReason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one Control packet through the codec, without and with Keyed SHA1 (RFC 5880 §6.7.4).
 * Run by {@link CodecBenchmarkTest} on demand (see there for the command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecBenchmark {
    private static final String CHAIN = "bench";

    private final ControlPacket packet = new ControlPacket(0, org.odlbfd.api.State.UP, false, false, false, false,
        false, 3, 0x11223344, 0x55667788, 300_000, 300_000, 50_000, null);
    private final ByteBuf out = Unpooled.directBuffer(ControlPacketCodec.MAX_LENGTH);
    private ByteBuf plain;
    private ByteBuf sha1;
    private Authenticator sender;
    private Authenticator receiver;

    @Setup
    public void setUp() {
        final AuthKey key = new AuthKey(5, "bfdsecret".getBytes(StandardCharsets.US_ASCII));
        final KeyProvider keys = new KeyProvider() {
            @Override
            public @Nullable AuthKey sendKey(final String keyChain) {
                return key;
            }

            @Override
            public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
                return keyId == key.keyId() ? key : null;
            }
        };
        sender = Authenticator.create(AuthType.KEYED_SHA1, CHAIN, keys, new SplittableRandom(1));
        // Keyed (not meticulous): the same packet verified again stays inside the window.
        receiver = Authenticator.create(AuthType.KEYED_SHA1, CHAIN, keys, new SplittableRandom(2));
        plain = Unpooled.directBuffer(ControlPacketCodec.MAX_LENGTH);
        ControlPacketCodec.encode(packet, plain);
        sha1 = Unpooled.directBuffer(ControlPacketCodec.MAX_LENGTH);
        sender.encode(packet, sha1);
    }

    @Benchmark
    public ControlPacket decode() throws DecodeException {
        return ControlPacketCodec.decode(plain);
    }

    @Benchmark
    public int encode() {
        out.clear();
        ControlPacketCodec.encode(packet, out);
        return out.writerIndex();
    }

    @Benchmark
    public ControlPacket decodeSha1() throws DecodeException {
        return ControlPacketCodec.decode(sha1);
    }

    @Benchmark
    public @Nullable RejectReason decodeAndVerifySha1() throws DecodeException {
        return receiver.verify(sha1, ControlPacketCodec.decode(sha1), 3);
    }

    @Benchmark
    public boolean encodeAndSignSha1() {
        out.clear();
        return sender.encode(packet, out);
    }
}
