/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

/**
 * The timer parameters a client asks for. Intervals are in microseconds, as on the wire
 * (RFC 5880 §4.1) and in ietf-bfd-types.
 *
 * @param desiredMinTxUs bfd.DesiredMinTxInterval
 * @param requiredMinRxUs bfd.RequiredMinRxInterval; 0 asks the peer to send no periodic packets at all, which
 *     holds the session Down (RFC 5880 §6.8.18: with nothing to receive there is nothing to detect)
 * @param detectMultiplier bfd.DetectMult, 1..255
 */
public record SessionParams(long desiredMinTxUs, long requiredMinRxUs, int detectMultiplier) {
    /** ietf-bfd-types defaults: 1 s both ways, multiplier 3. */
    public static final SessionParams DEFAULT = new SessionParams(1_000_000, 1_000_000, 3);

    private static final long MAX_INTERVAL_US = 0xFFFF_FFFFL;

    /**
     * Checks the ranges.
     *
     * @param desiredMinTxUs bfd.DesiredMinTxInterval
     * @param requiredMinRxUs bfd.RequiredMinRxInterval
     * @param detectMultiplier bfd.DetectMult
     */
    public SessionParams {
        if (desiredMinTxUs <= 0 || desiredMinTxUs > MAX_INTERVAL_US) {
            throw new IllegalArgumentException("desired-min-tx-interval " + desiredMinTxUs
                + " must be in 1.." + MAX_INTERVAL_US + " microseconds (RFC 5880 section 6.8.1: never zero)");
        }
        if (requiredMinRxUs < 0 || requiredMinRxUs > MAX_INTERVAL_US) {
            throw new IllegalArgumentException("required-min-rx-interval " + requiredMinRxUs
                + " must be in 0.." + MAX_INTERVAL_US + " microseconds");
        }
        if (detectMultiplier < 1 || detectMultiplier > 255) {
            throw new IllegalArgumentException("local-multiplier " + detectMultiplier + " must be in 1..255");
        }
    }
}
