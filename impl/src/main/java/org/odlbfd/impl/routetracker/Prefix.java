/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A destination prefix in canonical form: the host bits are cleared, so {@code 192.0.2.7/24} and
 * {@code 192.0.2.0/24} are one route (as the kernel and ietf-inet-types' canonical form have it).
 *
 * @param address the network address
 * @param length the prefix length
 */
public record Prefix(InetAddress address, int length) {
    /**
     * Checks and canonicalises.
     *
     * @param address any address of the prefix
     * @param length 0..32 (IPv4) or 0..128 (IPv6)
     */
    public Prefix {
        requireNonNull(address, "address");
        final byte[] bytes = address.getAddress();
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length " + length + " out of range for "
                + address.getHostAddress());
        }
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> bit % 8);
        }
        try {
            address = InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses {@code a.b.c.d/len} or {@code x::y/len}.
     *
     * @param text the prefix
     * @return the prefix
     */
    public static Prefix parse(final String text) {
        final int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a prefix: " + text);
        }
        return new Prefix(InetAddresses.forString(text.substring(0, slash)),
            Integer.parseInt(text.substring(slash + 1)));
    }

    /**
     * IPv4 or not.
     *
     * @return true for IPv4
     */
    public boolean ipv4() {
        return address instanceof Inet4Address;
    }

    /**
     * Whether an address lies inside this prefix.
     *
     * @param candidate the address
     * @return true when of the same family and inside
     */
    public boolean contains(final InetAddress candidate) {
        return candidate.getClass() == address.getClass() && new Prefix(candidate, length).equals(this);
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(address) + "/" + length;
    }
}
