/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.odlbfd.api.AuthType;

/**
 * The Keyed MD5/SHA1 digest computed independently of the code under test, the way
 * samples/verify_auth.py checks BIRD's packets: the packet with the key, zero-padded (or cut) to
 * the digest length, in the digest field at offset 32.
 */
final class DigestOracle {
    private DigestOracle() {
        // static only
    }

    static byte[] expectedDigest(final AuthType type, final byte[] packet, final byte[] key)
            throws NoSuchAlgorithmException {
        final boolean md5 = type == AuthType.KEYED_MD5 || type == AuthType.METICULOUS_KEYED_MD5;
        final int length = md5 ? 16 : 20;
        final byte[] input = packet.clone();
        System.arraycopy(Arrays.copyOf(key, length), 0, input, 32, length);
        return MessageDigest.getInstance(md5 ? "MD5" : "SHA-1").digest(input);
    }

    static byte[] carriedDigest(final AuthType type, final byte[] packet) {
        final boolean md5 = type == AuthType.KEYED_MD5 || type == AuthType.METICULOUS_KEYED_MD5;
        return Arrays.copyOfRange(packet, 32, 32 + (md5 ? 16 : 20));
    }
}
