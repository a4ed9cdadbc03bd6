/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

/**
 * BFD session state, with the wire code of RFC 5880 §4.1 ("Sta") and iana-bfd-types.
 */
public enum State {
    ADMIN_DOWN(0),
    DOWN(1),
    INIT(2),
    UP(3);

    private static final State[] BY_CODE = values();

    private final int code;

    State(final int code) {
        this.code = code;
    }

    /**
     * The two-bit wire value.
     *
     * @return code in 0..3
     */
    public int code() {
        return code;
    }

    /**
     * The state's name as RFC 5880 §6.2 writes it (AdminDown, Down, Init, Up), for text an operator
     * reads; one place, so every message spells the states alike.
     *
     * @return the name
     */
    public String rfcName() {
        return switch (this) {
            case ADMIN_DOWN -> "AdminDown";
            case DOWN -> "Down";
            case INIT -> "Init";
            case UP -> "Up";
        };
    }

    /**
     * Decodes the two-bit wire value.
     *
     * @param code value in 0..3; any other bits are masked off
     * @return the state
     */
    public static State ofCode(final int code) {
        return BY_CODE[code & 0x3];
    }
}
