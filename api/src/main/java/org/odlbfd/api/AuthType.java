/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

/**
 * BFD authentication types, RFC 5880 §4.1 ("Auth Type") and iana-bfd-types {@code auth-type}.
 */
public enum AuthType {
    SIMPLE_PASSWORD(1, false),
    KEYED_MD5(2, false),
    METICULOUS_KEYED_MD5(3, true),
    KEYED_SHA1(4, false),
    METICULOUS_KEYED_SHA1(5, true);

    private final int code;
    private final boolean meticulous;

    AuthType(final int code, final boolean meticulous) {
        this.code = code;
        this.meticulous = meticulous;
    }

    /**
     * The wire value.
     *
     * @return code in 1..5
     */
    public int code() {
        return code;
    }

    /**
     * Whether the sequence number must increase on every packet (RFC 5880 §6.7.3, §6.7.4).
     *
     * @return true for the meticulous variants
     */
    public boolean meticulous() {
        return meticulous;
    }

    /**
     * Decodes the wire value.
     *
     * @param code the wire value
     * @return the type, or null if the code is reserved or unassigned
     */
    public static AuthType ofCode(final int code) {
        for (AuthType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }
}
