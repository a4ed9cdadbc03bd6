/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Addresses a BFD session can use at all (RFC 5881 section 4, RFC 5883 section 1), whatever host
 * runs it: unicast, not unspecified, not loopback, not the limited broadcast, one family, two
 * different ends, and no link-local address on a multihop path.
 */
final class AddressRules implements ConfigRule {
    private static final InetAddress LIMITED_BROADCAST = InetAddresses.forString("255.255.255.255");

    @Override
    public void check(final ConfigView config, final Violations violations) {
        for (var session : config.sessions()) {
            final var where = session.where();
            final var dest = session.dest();
            address(violations, where, "dest-addr", dest);
            final var source = session.source();
            if (source != null) {
                address(violations, where, "source-addr", source);
                if (source.getClass() != dest.getClass()) {
                    violations.add(where, familyMessage(source, dest));
                } else if (source.equals(dest)) {
                    violations.add(where, "source-addr and dest-addr must differ (both " + dest.getHostAddress()
                        + "): a session with itself never comes up");
                }
            }
            if (!session.singleHop()) {
                linkLocal(violations, where, "source-addr", session.source());
                linkLocal(violations, where, "dest-addr", dest);
            }
        }
    }

    static String familyMessage(final InetAddress source, final InetAddress dest) {
        return "source-addr " + source.getHostAddress() + " and dest-addr " + dest.getHostAddress()
            + " must be of the same address family";
    }

    private static void address(final Violations violations, final String where, final String field,
            final InetAddress address) {
        final var text = field + " " + address.getHostAddress();
        if (address.isAnyLocalAddress()) {
            violations.add(where, text
                + " is the unspecified address; BFD needs a unicast address (RFC 5881 section 4)");
        } else if (address.isMulticastAddress()) {
            violations.add(where, text + " is a multicast address; BFD sessions are unicast (RFC 5881 section 4)");
        } else if (address.isLoopbackAddress()) {
            violations.add(where, text + " is a loopback address (127.0.0.0/8, ::1): it never leaves this host, "
                + "so there is no path to detect");
        } else if (LIMITED_BROADCAST.equals(address)) {
            violations.add(where, text + " is the limited broadcast address; BFD sessions are unicast "
                + "(RFC 5881 section 4)");
        }
    }

    private static void linkLocal(final Violations violations, final String where, final String field,
            final InetAddress address) {
        // Inet4Address.isLinkLocalAddress is 169.254/16; Inet6Address's is fe80::/10
        if (address != null && address.isLinkLocalAddress()) {
            violations.add(where, field + " " + address.getHostAddress() + " is link-local ("
                + (address instanceof Inet4Address ? "169.254.0.0/16" : "fe80::/10")
                + "); a multihop session crosses routers (RFC 5883 section 1): use ip-sh for a link-local peer");
        }
    }
}
