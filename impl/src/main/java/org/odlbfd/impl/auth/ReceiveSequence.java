/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

/**
 * bfd.RcvAuthSeq and bfd.AuthSeqKnown (RFC 5880 §6.8.1) with the acceptance windows of
 * RFC 5880 §6.7.3 and §6.7.4, in circular unsigned 32-bit arithmetic.
 */
final class ReceiveSequence {
    private static final long MASK = 0xFFFF_FFFFL;

    private long rcvAuthSeq;
    private boolean known;

    /**
     * Whether {@code sequence} may be accepted. Until a first packet has been accepted any value
     * is (bfd.AuthSeqKnown is 0). After that, Keyed accepts bfd.RcvAuthSeq to
     * bfd.RcvAuthSeq + window inclusive (a repeated number is fine, the sender MAY keep it);
     * Meticulous accepts bfd.RcvAuthSeq + 1 to bfd.RcvAuthSeq + window, because the sender MUST
     * advance it on every packet.
     *
     * @param sequence received Sequence Number, unsigned 32 bit
     * @param meticulous whether the type is a meticulous one
     * @param window 3 x Detect Mult
     * @return true when within the window
     */
    boolean acceptable(final long sequence, final boolean meticulous, final int window) {
        if (!known) {
            return true;
        }
        final long ahead = (sequence - rcvAuthSeq) & MASK;
        return ahead <= window && (!meticulous || ahead != 0);
    }

    /**
     * Records a packet that passed authentication.
     *
     * @param sequence its Sequence Number
     */
    void accept(final long sequence) {
        rcvAuthSeq = sequence & MASK;
        known = true;
    }

    void forget() {
        known = false;
    }

    boolean known() {
        return known;
    }

    long rcvAuthSeq() {
        return rcvAuthSeq;
    }
}
