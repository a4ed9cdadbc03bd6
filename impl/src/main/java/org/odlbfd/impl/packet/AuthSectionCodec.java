/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import io.netty.buffer.ByteBuf;
import org.odlbfd.api.AuthType;

/**
 * The authentication sections of RFC 5880 §4.2 to §4.4.
 *
 * <pre>
 * Simple Password (§4.2), Auth Len = 3 + password length (1..16):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Auth Type   |   Auth Len    |  Auth Key ID  |  Password...  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Keyed MD5 / Meticulous Keyed MD5 (§4.3), Auth Len = 24;
 * Keyed SHA1 / Meticulous Keyed SHA1 (§4.4), Auth Len = 28:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Auth Type   |   Auth Len    |  Auth Key ID  |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Auth Key/Digest (16 bytes) or Auth Key/Hash (20)...    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Reserved is written as zero and ignored on receipt (RFC 5880 §4.3), so it does not survive
 * a decode/encode round trip; digests are always verified over the bytes as received.
 */
final class AuthSectionCodec {
    /** Password length bounds (RFC 5880 §4.2). */
    static final int MIN_PASSWORD = 1;
    static final int MAX_PASSWORD = 16;
    /** Keyed MD5 digest length (RFC 5880 §4.3). */
    static final int MD5_DIGEST = 16;
    /** Keyed SHA1 hash length (RFC 5880 §4.4). */
    static final int SHA1_HASH = 20;

    /** Auth Type, Auth Len, Auth Key ID. */
    private static final int PASSWORD_HEADER = 3;
    /** Auth Type, Auth Len, Auth Key ID, Reserved, Sequence Number. */
    private static final int DIGEST_HEADER = 8;

    private AuthSectionCodec() {
        // static only
    }

    /**
     * Reads the section that starts at {@code base + 24}. The caller has checked that Length is
     * at least 26 and fits in the datagram.
     */
    static AuthSection decode(final ByteBuf datagram, final int base, final int length) throws DecodeException {
        final int offset = base + ControlPacketCodec.AUTH_SECTION_OFFSET;
        final int code = datagram.getUnsignedByte(offset);
        final AuthType type = AuthType.ofCode(code);
        if (type == null) {
            throw new DecodeException(RejectReason.BAD_AUTH_SECTION, "unknown Auth Type " + code);
        }
        final int authLen = datagram.getUnsignedByte(offset + 1);
        final int dataLength = authLen - (type == AuthType.SIMPLE_PASSWORD ? PASSWORD_HEADER : DIGEST_HEADER);
        if (!validDataLength(type, dataLength)) {
            throw new DecodeException(RejectReason.BAD_AUTH_SECTION, "Auth Len " + authLen + " for " + type);
        }
        // The section is the last thing in a version 1 packet: Length must end exactly with it.
        // A shorter Length cuts the section; a longer one would put unknown bytes under the digest.
        if (ControlPacketCodec.AUTH_SECTION_OFFSET + authLen != length) {
            throw new DecodeException(RejectReason.BAD_AUTH_SECTION,
                "Length " + length + " does not end the " + type + " section of Auth Len " + authLen);
        }
        final int keyId = datagram.getUnsignedByte(offset + 2);
        final byte[] data = new byte[dataLength];
        if (type == AuthType.SIMPLE_PASSWORD) {
            datagram.getBytes(offset + PASSWORD_HEADER, data);
            return new AuthSection(type, keyId, 0, data);
        }
        datagram.getBytes(offset + DIGEST_HEADER, data);
        return new AuthSection(type, keyId, datagram.getUnsignedInt(offset + 4), data);
    }

    static void write(final AuthType type, final int authLen, final int keyId, final long sequence,
            final byte[] data, final ByteBuf out) {
        out.writeByte(type.code());
        out.writeByte(authLen);
        out.writeByte(keyId);
        if (type != AuthType.SIMPLE_PASSWORD) {
            // Reserved: "MUST be set to zero on transmit" (RFC 5880 §4.3, §4.4).
            out.writeByte(0);
            out.writeInt((int) sequence);
        }
        out.writeBytes(data);
    }

    static int authLen(final AuthType type, final int dataLength) {
        if (!validDataLength(type, dataLength)) {
            throw new IllegalArgumentException(dataLength + " bytes of authentication data do not fit " + type);
        }
        return (type == AuthType.SIMPLE_PASSWORD ? PASSWORD_HEADER : DIGEST_HEADER) + dataLength;
    }

    static void checkFields(final int keyId, final long sequence) {
        if (keyId < 0 || keyId > 0xff) {
            throw new IllegalArgumentException("Auth Key ID " + keyId + " does not fit 8 bits");
        }
        ControlPacketCodec.unsignedInt("Sequence Number", sequence);
    }

    private static boolean validDataLength(final AuthType type, final int dataLength) {
        return switch (type) {
            case SIMPLE_PASSWORD -> dataLength >= MIN_PASSWORD && dataLength <= MAX_PASSWORD;
            case KEYED_MD5, METICULOUS_KEYED_MD5 -> dataLength == MD5_DIGEST;
            case KEYED_SHA1, METICULOUS_KEYED_SHA1 -> dataLength == SHA1_HASH;
        };
    }
}
