/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Where our Echo packets are addressed (impl/README.md, "Echo", says which peer needs which).
 */
public enum EchoAddressing {
    /**
     * RFC 5881 §4: to our own address, so that the peer's forwarding plane sends them back. The
     * default. On Linux they leave the host only through a policy route ahead of the local table;
     * without it they loop through lo, are dropped (TTL still 255, source = destination), and
     * the session goes Down with ECHO_FAILED. Works with FRR 8.4 over IPv4 and with another
     * odl-bfd agent whose host forwards.
     */
    SELF,
    /**
     * Compatibility: to the peer's address, for its BFD system to loop them back at application
     * level. FRR 8.4 does so for IPv6 (bfdd bounces IPv6 Echo that arrives with hop limit 255),
     * and so does another odl-bfd agent; FRR 8.4 over IPv4 does not.
     */
    PEER,
    /** IPv4 to our own address, IPv6 to the peer's: what FRR 8.4 needs for both families. */
    SELF_IPV4;

    /**
     * Whether Echo to this peer goes to our own address.
     *
     * @param peer the session's peer
     * @return true for our own address
     */
    public boolean toSelf(final InetAddress peer) {
        return this == SELF || this == SELF_IPV4 && peer instanceof Inet4Address;
    }

    /**
     * Parses a setting: {@code self}, {@code peer} or {@code self-ipv4}.
     *
     * @param text the setting
     * @return the mode
     * @throws IllegalArgumentException naming the allowed values
     */
    public static EchoAddressing parse(final String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "self" -> SELF;
            case "peer" -> PEER;
            case "self-ipv4" -> SELF_IPV4;
            default -> throw new IllegalArgumentException("echo addressing '" + text
                + "': expected self (RFC 5881 section 4), peer or self-ipv4");
        };
    }

    /**
     * A sentence for a session's transport status when its Echo failed.
     *
     * @param peer the session's peer
     * @return the hint
     */
    public String hint(final InetAddress peer) {
        return toSelf(peer)
            ? "Echo is addressed to our own address (RFC 5881 section 4): the peer must forward it back, and this "
                + "host needs the policy route of impl/README.md 'Echo'; without it Echo loops through lo and fails"
            : "Echo is addressed to the peer, whose BFD system must loop it back";
    }
}
