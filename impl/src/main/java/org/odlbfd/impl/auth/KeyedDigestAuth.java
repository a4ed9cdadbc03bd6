/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import io.netty.buffer.ByteBuf;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.packet.AuthSection;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Keyed MD5 and Meticulous Keyed MD5 (RFC 5880 §6.7.3), Keyed SHA1 and Meticulous Keyed SHA1
 * (RFC 5880 §6.7.4). The two differ only in the algorithm and the digest length.
 *
 * <p>The digest is computed over the whole packet, Length bytes, with the shared key (zero-padded
 * or truncated to the digest length) in place of the digest field, and then written over it.
 *
 * <p>Transmit sequence: bfd.XmitAuthSeq starts at a random value (RFC 5880 §6.8.1) and advances
 * by one on every packet sent, for the keyed types too. For meticulous types the RFC requires
 * it; for keyed types it only says the number MAY be incremented. Advancing on every packet is
 * compliant, needs no clock, and leaves a replayer only the single latest packet; a peer accepts
 * it as long as fewer than 3 x Detect Mult packets in a row are lost, and a longer loss already
 * outlasts the detection time, after which bfd.AuthSeqKnown is reset (RFC 5880 §6.8.1). (BIRD
 * instead advances keyed numbers only now and then; its receivers accept either.)
 */
final class KeyedDigestAuth implements AuthStrategy {
    private static final long MASK = 0xFFFF_FFFFL;

    private final AuthType type;
    private final String keyChain;
    private final KeyProvider keys;
    private final MessageDigest digest;
    private final int digestLength;
    private final ReceiveSequence received = new ReceiveSequence();
    /** The packet being signed or checked, so the ByteBuf need not expose an array. */
    private final byte[] scratch = new byte[ControlPacketCodec.MAX_LENGTH];
    private final byte[] receivedDigest;
    private final byte[] computedDigest;

    private long xmitAuthSeq;
    // The key last used and its padded form: providers usually hand out the same AuthKey
    // instance, so the padding is redone only when the key changes.
    private @Nullable AuthKey sendKey;
    private byte[] sendPadded;
    private @Nullable AuthKey acceptKey;
    private byte[] acceptPadded;

    KeyedDigestAuth(final AuthType type, final String keyChain, final KeyProvider keys,
            final RandomGenerator random) {
        this.type = type;
        this.keyChain = keyChain;
        this.keys = keys;
        final String algorithm = switch (type) {
            case KEYED_MD5, METICULOUS_KEYED_MD5 -> "MD5";
            case KEYED_SHA1, METICULOUS_KEYED_SHA1 -> "SHA-1";
            case SIMPLE_PASSWORD -> throw new IllegalArgumentException("not a keyed type: " + type);
        };
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 and SHA-1 (MessageDigest javadoc).
            throw new IllegalStateException("JDK without " + algorithm, e);
        }
        digestLength = digest.getDigestLength();
        receivedDigest = new byte[digestLength];
        computedDigest = new byte[digestLength];
        sendPadded = new byte[digestLength];
        acceptPadded = new byte[digestLength];
        // RFC 5880 §6.8.1: bfd.XmitAuthSeq "MUST be initialized to a random 32-bit value".
        xmitAuthSeq = random.nextInt() & MASK;
    }

    @Override
    public boolean encode(final ControlPacket packet, final ByteBuf out) {
        final AuthKey key = keys.sendKey(keyChain);
        if (key == null) {
            return false;
        }
        if (key != sendKey) {
            sendPadded = Arrays.copyOf(key.secret(), digestLength);
            sendKey = key;
        }
        final int start = out.writerIndex();
        // Written with the key in the digest field, which is exactly the digest input.
        ControlPacketCodec.encodeWithAuth(packet, type, key.keyId(), xmitAuthSeq, sendPadded, out);
        final int length = out.writerIndex() - start;
        out.getBytes(start, scratch, 0, length);
        digest.update(scratch, 0, length);
        sign(computedDigest);
        out.setBytes(start + ControlPacketCodec.AUTH_DIGEST_OFFSET, computedDigest);
        xmitAuthSeq = (xmitAuthSeq + 1) & MASK;
        return true;
    }

    @Override
    public @Nullable RejectReason verify(final ByteBuf datagram, final ControlPacket packet, final AuthSection auth,
            final int window) {
        // RFC 5880 §6.7.3/§6.7.4 order: key id, then sequence number, then digest.
        final AuthKey key = keys.acceptKey(keyChain, auth.keyId());
        if (key == null) {
            return RejectReason.AUTH_FAILED;
        }
        final long sequence = auth.sequence();
        if (!received.acceptable(sequence, type.meticulous(), window)) {
            return RejectReason.AUTH_SEQUENCE;
        }
        if (key != acceptKey) {
            acceptPadded = Arrays.copyOf(key.secret(), digestLength);
            acceptKey = key;
        }
        final int base = datagram.readerIndex();
        // The decoder guarantees Length == 24 + Auth Len; read it again rather than trust packet.
        final int length = datagram.getUnsignedByte(base + 3);
        if (length != ControlPacketCodec.AUTH_DIGEST_OFFSET + digestLength || length > datagram.readableBytes()) {
            return RejectReason.BAD_AUTH_SECTION;
        }
        datagram.getBytes(base, scratch, 0, length);
        System.arraycopy(scratch, ControlPacketCodec.AUTH_DIGEST_OFFSET, receivedDigest, 0, digestLength);
        System.arraycopy(acceptPadded, 0, scratch, ControlPacketCodec.AUTH_DIGEST_OFFSET, digestLength);
        digest.update(scratch, 0, length);
        sign(computedDigest);
        // Constant-time comparison, so timing does not reveal how much of a forgery matched.
        if (!MessageDigest.isEqual(computedDigest, receivedDigest)) {
            return RejectReason.AUTH_FAILED;
        }
        received.accept(sequence);
        return null;
    }

    @Override
    public void forgetSequence() {
        received.forget();
    }

    long xmitAuthSeq() {
        return xmitAuthSeq;
    }

    ReceiveSequence received() {
        return received;
    }

    private void sign(final byte[] into) {
        try {
            digest.digest(into, 0, digestLength);
        } catch (DigestException e) {
            // Cannot happen: the array is exactly getDigestLength() long.
            throw new IllegalStateException(e);
        }
    }
}
