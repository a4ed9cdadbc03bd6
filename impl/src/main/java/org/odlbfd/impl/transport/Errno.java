/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

/**
 * Names of the errno values a BFD send can meet (Linux numbering), for the transport status.
 */
final class Errno {
    private Errno() {
        // functions only
    }

    static String describe(final int errno) {
        return switch (errno) {
            case 1 -> "EPERM (a firewall refused it)";
            case 13 -> "EACCES (not permitted)";
            case 19 -> "ENODEV (no such interface)";
            case 22 -> "EINVAL (invalid source address or interface)";
            case 90 -> "EMSGSIZE";
            case 99 -> "EADDRNOTAVAIL (the source address is not configured on this host)";
            case 101 -> "ENETUNREACH (no route to the peer)";
            case 105 -> "ENOBUFS (socket buffer full)";
            case 111 -> "ECONNREFUSED (the peer's port is closed)";
            case 113 -> "EHOSTUNREACH (no route to the peer)";
            case 11 -> "EAGAIN (socket buffer full)";
            case -1 -> "the send call failed";
            default -> "errno " + errno;
        };
    }
}
