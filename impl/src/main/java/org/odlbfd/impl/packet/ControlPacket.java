/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.State;

/**
 * A decoded BFD Control packet (RFC 5880 §4.1). Discriminators are unsigned 32-bit values held in
 * an {@code int}; intervals are unsigned 32-bit microsecond values held in a {@code long}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       My Discriminator                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Your Discriminator                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Desired Min TX Interval                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Required Min RX Interval                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Required Min Echo RX Interval                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Auth Type   |   Auth Len    |    Authentication Data...     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param diagCode the five-bit Diag field as received (unassigned codes are kept, not rejected)
 * @param state Sta
 * @param poll P bit
 * @param fin F bit
 * @param cpi C bit (Control Plane Independent)
 * @param demand D bit
 * @param multipoint M bit; always rejected on receive (RFC 5880 §6.8.6)
 * @param detectMult Detect Mult, 0..255
 * @param myDiscriminator My Discriminator
 * @param yourDiscriminator Your Discriminator
 * @param desiredMinTxUs Desired Min TX Interval in microseconds
 * @param requiredMinRxUs Required Min RX Interval in microseconds
 * @param requiredMinEchoRxUs Required Min Echo RX Interval in microseconds
 * @param auth the authentication section, or null when the A bit is clear
 */
public record ControlPacket(int diagCode, State state, boolean poll, boolean fin, boolean cpi, boolean demand,
        boolean multipoint, int detectMult, int myDiscriminator, int yourDiscriminator, long desiredMinTxUs,
        long requiredMinRxUs, long requiredMinEchoRxUs, @Nullable AuthSection auth) {
    /** Version of the protocol this codec speaks (RFC 5880 §4.1). */
    public static final int VERSION = 1;
    /** Length of the mandatory section. */
    public static final int MANDATORY_LENGTH = 24;

    /**
     * Whether the A bit is set.
     *
     * @return true if an authentication section is present
     */
    public boolean authPresent() {
        return auth != null;
    }
}
