/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

/**
 * BFD diagnostic codes, RFC 5880 §4.1 ("Diag") and the IANA registry mirrored by iana-bfd-types.
 */
public enum Diagnostic {
    NONE(0),
    CONTROL_EXPIRY(1),
    ECHO_FAILED(2),
    NEIGHBOR_DOWN(3),
    FORWARDING_RESET(4),
    PATH_DOWN(5),
    CONCATENATED_PATH_DOWN(6),
    ADMIN_DOWN(7),
    REVERSE_CONCATENATED_PATH_DOWN(8),
    /** RFC 6428 §3.2; only meaningful for MPLS-TP, kept so every IANA code decodes. */
    MIS_CONNECTIVITY_DEFECT(9);

    private static final Diagnostic[] BY_CODE = values();

    private final int code;

    Diagnostic(final int code) {
        this.code = code;
    }

    /**
     * The five-bit wire value.
     *
     * @return code in 0..9
     */
    public int code() {
        return code;
    }

    /**
     * Decodes the five-bit wire value. Unassigned codes (10..31) are reported as null so that a
     * receiver can ignore them: RFC 5880 §6.8.6 gives no rule to reject a packet for its Diag.
     *
     * @param code the wire value
     * @return the diagnostic, or null if the code is unassigned
     */
    public static Diagnostic ofCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
