/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import io.netty.buffer.ByteBuf;
import java.security.MessageDigest;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.packet.AuthSection;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.ControlPacketCodec;
import org.odlbfd.impl.packet.RejectReason;

/**
 * Simple Password authentication (RFC 5880 §6.7.2): the password travels in clear, there is no
 * sequence number and so no replay protection.
 */
final class SimplePasswordAuth implements AuthStrategy {
    /** RFC 5880 §4.2: the password is 1 to 16 bytes. */
    private static final int MAX_PASSWORD = 16;

    private final String keyChain;
    private final KeyProvider keys;

    SimplePasswordAuth(final String keyChain, final KeyProvider keys) {
        this.keyChain = keyChain;
        this.keys = keys;
    }

    @Override
    public boolean encode(final ControlPacket packet, final ByteBuf out) {
        final AuthKey key = keys.sendKey(keyChain);
        if (key == null) {
            return false;
        }
        final byte[] password = key.secret();
        if (!validPassword(password)) {
            // A password that cannot be put on the wire is no usable send key.
            return false;
        }
        ControlPacketCodec.encodeWithAuth(packet, AuthType.SIMPLE_PASSWORD, key.keyId(), 0, password, out);
        return true;
    }

    @Override
    public @Nullable RejectReason verify(final ByteBuf datagram, final ControlPacket packet, final AuthSection auth,
            final int window) {
        // RFC 5880 §6.7.2: the Key ID must name a configured key and the password must match it.
        final AuthKey key = keys.acceptKey(keyChain, auth.keyId());
        if (key == null) {
            return RejectReason.AUTH_FAILED;
        }
        final byte[] expected = key.secret();
        // Constant-time comparison; also false when the lengths differ.
        return validPassword(expected) && MessageDigest.isEqual(expected, auth.data()) ? null
            : RejectReason.AUTH_FAILED;
    }

    @Override
    public void forgetSequence() {
        // No sequence number in Simple Password.
    }

    private static boolean validPassword(final byte[] password) {
        return password.length >= 1 && password.length <= MAX_PASSWORD;
    }
}
