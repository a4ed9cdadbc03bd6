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
import org.odlbfd.api.State;

/**
 * Encodes and decodes BFD Control packets (RFC 5880 §4.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       My Discriminator                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Your Discriminator                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Desired Min TX Interval                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Required Min RX Interval                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Required Min Echo RX Interval                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Auth Type   |   Auth Len    |    Authentication Data...     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The authentication section layouts (RFC 5880 §4.2 to §4.4) are described in
 * {@link AuthSectionCodec}. Length must equal the layout the A bit implies: 24 without
 * authentication, 24 + Auth Len with it. Bytes after Length in the datagram are ignored
 * (RFC 5880 §6.8.6 only requires Length not to exceed the datagram).
 */
public final class ControlPacketCodec {
    /** Offset of the authentication section from the start of the packet. */
    public static final int AUTH_SECTION_OFFSET = ControlPacket.MANDATORY_LENGTH;
    /** Offset of the Sequence Number field of a Keyed MD5/SHA1 section (RFC 5880 §4.3, §4.4). */
    public static final int AUTH_SEQUENCE_OFFSET = AUTH_SECTION_OFFSET + 4;
    /** Offset of the Auth Key/Digest/Hash field of a Keyed MD5/SHA1 section (RFC 5880 §4.3, §4.4). */
    public static final int AUTH_DIGEST_OFFSET = AUTH_SECTION_OFFSET + 8;
    /** The longest packet this codec produces or accepts: 24 + Keyed SHA1 section of 28. */
    public static final int MAX_LENGTH = AUTH_SECTION_OFFSET + 28;

    private static final int VERSION_SHIFT = 5;
    private static final int DIAG_MASK = 0x1f;
    private static final int STATE_SHIFT = 6;
    private static final int POLL = 0x20;
    private static final int FINAL = 0x10;
    private static final int CPI = 0x08;
    private static final int AUTH_PRESENT = 0x04;
    private static final int DEMAND = 0x02;
    private static final int MULTIPOINT = 0x01;
    /** RFC 5880 §6.8.6: the shortest Length with the A bit set (Auth Type and Auth Len). */
    private static final int MIN_AUTH_LENGTH = AUTH_SECTION_OFFSET + 2;
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    private ControlPacketCodec() {
        // static only
    }

    /**
     * Decodes the Control packet starting at {@code datagram.readerIndex()}, applying every
     * reception check of RFC 5880 §6.8.6 that needs no session context. The buffer's indexes are
     * left unchanged. The A bit versus configured authentication is checked by the session.
     *
     * @param datagram the UDP payload, readable bytes only
     * @return the packet
     * @throws DecodeException with a typed reason when the packet must be discarded
     */
    public static ControlPacket decode(final ByteBuf datagram) throws DecodeException {
        final int base = datagram.readerIndex();
        final int size = datagram.readableBytes();
        if (size == 0) {
            throw new DecodeException(RejectReason.TOO_SHORT, "empty datagram");
        }
        // RFC 5880 §6.8.6 checks, in the order the RFC lists them.
        final int version = datagram.getUnsignedByte(base) >>> VERSION_SHIFT;
        if (version != ControlPacket.VERSION) {
            throw new DecodeException(RejectReason.BAD_VERSION, "version " + version);
        }
        if (size < ControlPacket.MANDATORY_LENGTH) {
            throw new DecodeException(RejectReason.TOO_SHORT, "datagram of " + size + " bytes");
        }
        final int flags = datagram.getUnsignedByte(base + 1);
        final boolean authPresent = (flags & AUTH_PRESENT) != 0;
        final int length = datagram.getUnsignedByte(base + 3);
        if (length < (authPresent ? MIN_AUTH_LENGTH : ControlPacket.MANDATORY_LENGTH)) {
            throw new DecodeException(RejectReason.TOO_SHORT, "Length " + length + (authPresent ? " with A bit" : ""));
        }
        if (length > size) {
            throw new DecodeException(RejectReason.LENGTH_MISMATCH, "Length " + length + " > datagram " + size);
        }
        if (!authPresent && length != ControlPacket.MANDATORY_LENGTH) {
            // BFD version 1 defines nothing after the mandatory section without the A bit, so
            // this Length cannot describe a packet we understand.
            throw new DecodeException(RejectReason.LENGTH_MISMATCH, "Length " + length + " without A bit");
        }
        final int detectMult = datagram.getUnsignedByte(base + 2);
        if (detectMult == 0) {
            throw new DecodeException(RejectReason.ZERO_DETECT_MULT, "Detect Mult 0");
        }
        if ((flags & MULTIPOINT) != 0) {
            throw new DecodeException(RejectReason.MULTIPOINT, "M bit set");
        }
        final int myDiscriminator = datagram.getInt(base + 4);
        if (myDiscriminator == 0) {
            throw new DecodeException(RejectReason.ZERO_MY_DISCRIMINATOR, "My Discriminator 0");
        }
        final State state = State.ofCode(flags >>> STATE_SHIFT);
        final int yourDiscriminator = datagram.getInt(base + 8);
        if (yourDiscriminator == 0 && state != State.DOWN && state != State.ADMIN_DOWN) {
            throw new DecodeException(RejectReason.ZERO_YOUR_DISCRIMINATOR, "Your Discriminator 0 in " + state);
        }
        final AuthSection auth = authPresent ? AuthSectionCodec.decode(datagram, base, length) : null;
        return new ControlPacket(datagram.getUnsignedByte(base) & DIAG_MASK, state, (flags & POLL) != 0,
            (flags & FINAL) != 0, (flags & CPI) != 0, (flags & DEMAND) != 0, false, detectMult, myDiscriminator,
            yourDiscriminator, datagram.getUnsignedInt(base + 12), datagram.getUnsignedInt(base + 16),
            datagram.getUnsignedInt(base + 20), auth);
    }

    /**
     * Writes {@code packet} at {@code out.writerIndex()}, including its authentication section as
     * given (the Authenticator fills digests and sequence numbers).
     *
     * @param packet the packet
     * @param out the buffer to append to
     * @throws IllegalArgumentException if a field does not fit its wire width or the
     *         authentication data has the wrong length for its type
     */
    public static void encode(final ControlPacket packet, final ByteBuf out) {
        final AuthSection auth = packet.auth();
        if (auth == null) {
            writeMandatory(packet, false, ControlPacket.MANDATORY_LENGTH, out);
        } else {
            encodeWithAuth(packet, auth.type(), auth.keyId(), auth.sequence(), auth.data(), out);
        }
    }

    /**
     * Writes {@code packet} with the A bit set and the given authentication section, ignoring
     * {@code packet.auth()}. This lets the authenticator sign packets without building an
     * {@link AuthSection} (and copying arrays) for every packet sent.
     *
     * @param packet the packet
     * @param type Auth Type
     * @param keyId Auth Key ID, 0..255
     * @param sequence Sequence Number (ignored for Simple Password)
     * @param data password (1..16 bytes), MD5 digest (16 bytes) or SHA1 hash (20 bytes)
     * @param out the buffer to append to
     * @throws IllegalArgumentException if a field does not fit its wire width
     */
    public static void encodeWithAuth(final ControlPacket packet, final AuthType type, final int keyId,
            final long sequence, final byte[] data, final ByteBuf out) {
        final int authLen = AuthSectionCodec.authLen(type, data.length);
        AuthSectionCodec.checkFields(keyId, sequence);
        writeMandatory(packet, true, AUTH_SECTION_OFFSET + authLen, out);
        AuthSectionCodec.write(type, authLen, keyId, sequence, data, out);
    }

    /**
     * The number of bytes {@link #encode} writes for {@code packet}, which is also its Length field.
     *
     * @param packet the packet
     * @return 24 plus the Auth Len of its authentication section, if any
     */
    public static int encodedLength(final ControlPacket packet) {
        final AuthSection auth = packet.auth();
        return auth == null ? ControlPacket.MANDATORY_LENGTH
            : AUTH_SECTION_OFFSET + AuthSectionCodec.authLen(auth.type(), auth.data().length);
    }

    /**
     * The Auth Len of a section of {@code type} carrying {@code dataLength} bytes of password,
     * digest or hash (RFC 5880 §4.2 to §4.4).
     *
     * @param type Auth Type
     * @param dataLength password, digest or hash length
     * @return the Auth Len value
     * @throws IllegalArgumentException if {@code dataLength} is not valid for {@code type}
     */
    public static int authLen(final AuthType type, final int dataLength) {
        return AuthSectionCodec.authLen(type, dataLength);
    }

    private static void writeMandatory(final ControlPacket packet, final boolean authPresent, final int length,
            final ByteBuf out) {
        final int diag = packet.diagCode();
        if (diag < 0 || diag > DIAG_MASK) {
            throw new IllegalArgumentException("Diag " + diag + " does not fit 5 bits");
        }
        final int detectMult = packet.detectMult();
        if (detectMult < 0 || detectMult > 0xff) {
            throw new IllegalArgumentException("Detect Mult " + detectMult + " does not fit 8 bits");
        }
        final int flags = packet.state().code() << STATE_SHIFT
            | (packet.poll() ? POLL : 0)
            | (packet.fin() ? FINAL : 0)
            | (packet.cpi() ? CPI : 0)
            | (authPresent ? AUTH_PRESENT : 0)
            | (packet.demand() ? DEMAND : 0)
            | (packet.multipoint() ? MULTIPOINT : 0);
        // Check every field before writing any, so that a refused packet leaves {@code out} as it was.
        final int desiredMinTx = unsignedInt("Desired Min TX Interval", packet.desiredMinTxUs());
        final int requiredMinRx = unsignedInt("Required Min RX Interval", packet.requiredMinRxUs());
        final int requiredMinEchoRx = unsignedInt("Required Min Echo RX Interval", packet.requiredMinEchoRxUs());
        out.ensureWritable(length);
        out.writeByte(ControlPacket.VERSION << VERSION_SHIFT | diag);
        out.writeByte(flags);
        out.writeByte(detectMult);
        out.writeByte(length);
        out.writeInt(packet.myDiscriminator());
        out.writeInt(packet.yourDiscriminator());
        out.writeInt(desiredMinTx);
        out.writeInt(requiredMinRx);
        out.writeInt(requiredMinEchoRx);
    }

    static int unsignedInt(final String field, final long value) {
        if (value < 0 || value > MAX_UNSIGNED_INT) {
            throw new IllegalArgumentException(field + " " + value + " does not fit 32 unsigned bits");
        }
        return (int) value;
    }
}
