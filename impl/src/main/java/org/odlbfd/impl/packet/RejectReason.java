/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

/**
 * Why a received packet was discarded. Each reason is counted, per session where the packet can
 * be attributed to one and globally otherwise; none ever throws through the engine.
 */
public enum RejectReason {
    /** RFC 5880 §6.8.6: version is not 1. */
    BAD_VERSION,
    /** RFC 5880 §6.8.6: Length is below 24 (26 with the A bit), or the datagram is shorter than 24. */
    TOO_SHORT,
    /** RFC 5880 §6.8.6: Length is greater than the payload of the datagram. */
    LENGTH_MISMATCH,
    /** RFC 5880 §6.8.6: Detect Mult is zero. */
    ZERO_DETECT_MULT,
    /** RFC 5880 §6.8.6: the Multipoint bit is set. */
    MULTIPOINT,
    /** RFC 5880 §6.8.6: My Discriminator is zero. */
    ZERO_MY_DISCRIMINATOR,
    /** RFC 5880 §6.8.6: Your Discriminator is zero and State is neither Down nor AdminDown. */
    ZERO_YOUR_DISCRIMINATOR,
    /** RFC 5880 §6.8.6: Your Discriminator is non-zero and selects no session. */
    UNKNOWN_DISCRIMINATOR,
    /** RFC 5880 §6.8.6: Your Discriminator is zero and no session matches address and interface. */
    NO_SESSION,
    /** RFC 5880 §6.8.6: the A bit does not match whether authentication is configured. */
    AUTH_MISMATCH,
    /** RFC 5880 §4.2-4.4: the authentication section is malformed (length, type, key id). */
    BAD_AUTH_SECTION,
    /** RFC 5880 §6.7: password, digest or hash does not verify. */
    AUTH_FAILED,
    /** RFC 5880 §6.7.3/§6.7.4: the sequence number is outside the acceptance window (replay). */
    AUTH_SEQUENCE,
    /** RFC 5881 §5 (GTSM): single-hop packet received with TTL/hop limit below 255. */
    TTL_TOO_LOW,
    /** RFC 5883 §2: multihop packet below the configured rx-ttl floor. */
    RX_TTL_BELOW_FLOOR,
    /** RFC 5881 §4: echo packet that is not one of ours, or not for a session using echo. */
    BAD_ECHO,
    /**
     * RFC 5881 §4 / RFC 5883 §2: the packet selected a session of the other kind (a single-hop
     * session's discriminator in a packet to the multihop port 4784, or the reverse).
     */
    WRONG_PORT,
    /** RFC 5881 §4: a single-hop packet that arrived on another interface than its session's. */
    WRONG_INTERFACE,
    /** RFC 5881 §4 / RFC 5883 §2: the source address is not the session's peer. */
    WRONG_SOURCE,
    /** RFC 5883 §2: a multihop packet addressed to another local address than its session's. */
    WRONG_DESTINATION,
    /** The engine's bounded hand-off queue between event loops was full: dropped before decoding. */
    OVERLOAD
}
