/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Per-session authentication state of RFC 5880 §6.7: bfd.AuthType, bfd.XmitAuthSeq,
 * bfd.RcvAuthSeq and bfd.AuthSeqKnown. Not thread-safe: it lives on its session's thread.
 */
public final class Authenticator {
    private Authenticator() {
        // placeholder until the packet branch lands
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
        throw new UnsupportedOperationException("implemented on the packet branch");
    }

    /**
     * The configured type.
     *
     * @return auth type
     */
    public AuthType type() {
        throw new UnsupportedOperationException("implemented on the packet branch");
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
        throw new UnsupportedOperationException("implemented on the packet branch");
    }

    /**
     * Verifies a received packet that carries an authentication section, and on success updates
     * bfd.RcvAuthSeq and bfd.AuthSeqKnown.
     *
     * @param datagram the received bytes, from readerIndex, as given to the decoder
     * @param packet the decoded packet
     * @param detectMult the session's bfd.DetectMult, which sizes the acceptance window (3x)
     * @return null when accepted, else the reason to discard
     */
    public @Nullable RejectReason verify(final ByteBuf datagram, final ControlPacket packet, final int detectMult) {
        throw new UnsupportedOperationException("implemented on the packet branch");
    }

    /**
     * Forgets the peer's sequence number: RFC 5880 §6.8.1 wants bfd.AuthSeqKnown reset when no
     * packet has arrived for twice the Detection Time.
     */
    public void forgetSequence() {
        throw new UnsupportedOperationException("implemented on the packet branch");
    }
}
