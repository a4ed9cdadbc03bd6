/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.packet.AuthSection;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Per-session authentication state of RFC 5880 §6.7: bfd.AuthType, bfd.XmitAuthSeq,
 * bfd.RcvAuthSeq and bfd.AuthSeqKnown. Not thread-safe: it lives on its session's thread.
 *
 * <p>One strategy per type does the work: {@link SimplePasswordAuth} (RFC 5880 §6.7.2) and
 * {@link KeyedDigestAuth} for the MD5 (§6.7.3) and SHA1 (§6.7.4) types, keyed and meticulous.
 */
public final class Authenticator {
    private final AuthType type;
    private final AuthStrategy strategy;

    private Authenticator(final AuthType type, final AuthStrategy strategy) {
        this.type = type;
        this.strategy = strategy;
    }

    /**
     * Creates the state for one session.
     *
     * @param type the configured authentication type
     * @param keyChain key-chain name looked up in {@code keys}
     * @param keys key source
     * @param random seeds bfd.XmitAuthSeq (RFC 5880 §6.8.1: random initial value)
     * @return the authenticator
     */
    public static Authenticator create(final AuthType type, final String keyChain, final KeyProvider keys,
            final RandomGenerator random) {
        requireNonNull(keyChain);
        requireNonNull(keys);
        requireNonNull(random);
        final AuthStrategy strategy = switch (type) {
            case SIMPLE_PASSWORD -> new SimplePasswordAuth(keyChain, keys);
            case KEYED_MD5, METICULOUS_KEYED_MD5, KEYED_SHA1, METICULOUS_KEYED_SHA1 ->
                new KeyedDigestAuth(type, keyChain, keys, random);
        };
        return new Authenticator(type, strategy);
    }

    /**
     * The configured type.
     *
     * @return auth type
     */
    public AuthType type() {
        return type;
    }

    /**
     * Encodes {@code packet} (whose auth section is ignored) with a fresh authentication section,
     * signed with the current send key, and advances bfd.XmitAuthSeq as §6.7.3/§6.7.4 require.
     *
     * @param packet the packet to send
     * @param out the buffer to append to
     * @return false when no send key is available (nothing written; count as a send failure)
     */
    public boolean encode(final ControlPacket packet, final ByteBuf out) {
        return strategy.encode(packet, out);
    }

    /**
     * Verifies a received packet that carries an authentication section, and on success updates
     * bfd.RcvAuthSeq and bfd.AuthSeqKnown.
     *
     * <p>The acceptance window is 3 x Detect Mult. RFC 5880 §6.7.3 names the packet's Detect Mult
     * field, which is what sizes the sender's own loss tolerance; the session's value is used as a
     * floor so that a sender with a small multiplier is not held to a narrower window than ours.
     *
     * @param datagram the received bytes, from readerIndex, as given to the decoder
     * @param packet the decoded packet
     * @param detectMult the session's bfd.DetectMult, which sizes the acceptance window (3x)
     * @return null when accepted, else the reason to discard
     */
    public @Nullable RejectReason verify(final ByteBuf datagram, final ControlPacket packet, final int detectMult) {
        final AuthSection auth = packet.auth();
        // RFC 5880 §6.7.2-§6.7.4: "If the Auth Type field does not match the configured type,
        // the packet MUST be discarded"; a packet without a section cannot match either.
        if (auth == null || auth.type() != type) {
            return RejectReason.AUTH_MISMATCH;
        }
        return strategy.verify(datagram, packet, auth, 3 * Math.max(detectMult, packet.detectMult()));
    }

    /**
     * Forgets the peer's sequence number: RFC 5880 §6.8.1 wants bfd.AuthSeqKnown reset when no
     * packet has arrived for twice the Detection Time.
     */
    public void forgetSequence() {
        strategy.forgetSequence();
    }
}
