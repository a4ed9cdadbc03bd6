/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

/**
 * One key of a key chain as BFD uses it: an 8-bit Auth Key ID (RFC 5880 §4.2) and the secret.
 *
 * @param keyId the BFD Auth Key ID, 0..255
 * @param secret the password or key bytes
 */
public record AuthKey(int keyId, byte[] secret) {
    /**
     * Checks the key id range and copies the secret.
     *
     * @param keyId the BFD Auth Key ID
     * @param secret the password or key bytes
     */
    public AuthKey {
        if (keyId < 0 || keyId > 255) {
            throw new IllegalArgumentException("BFD key id " + keyId + " must be in 0..255 (RFC 5880 section 4.2)");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }
}
