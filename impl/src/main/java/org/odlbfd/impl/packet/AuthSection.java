/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import org.odlbfd.api.AuthType;

/**
 * The optional authentication section of a Control packet (RFC 5880 §4.2 to §4.4).
 *
 * <p>For Simple Password {@code data} is the password (1..16 bytes) and {@code sequence} is 0.
 * For the MD5 types {@code data} is the 16-byte digest, for the SHA1 types the 20-byte hash;
 * {@code sequence} is the unsigned 32-bit Sequence Number.
 *
 * @param type Auth Type
 * @param keyId Auth Key ID, 0..255
 * @param sequence Sequence Number (unsigned 32 bit), 0 for Simple Password
 * @param data password, digest or hash, as on the wire
 */
public record AuthSection(AuthType type, int keyId, long sequence, byte[] data) {
    /**
     * Copies {@code data} so that the record stays immutable.
     *
     * @param type Auth Type
     * @param keyId Auth Key ID
     * @param sequence Sequence Number
     * @param data password, digest or hash
     */
    public AuthSection {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
