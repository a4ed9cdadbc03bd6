/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;

/**
 * ietf-inet-types addresses as a device returns them in DOM (strings), compared as addresses: a
 * device may write an IPv6 address in another textual form than the controller did.
 */
final class Addresses {
    private Addresses() {
        // static only
    }

    /**
     * Parses an ip-address value; a zone index ({@code %eth0}) is dropped, as in ConfigMapper.
     *
     * @param value the DOM value
     * @return the address, or null when the value is none
     */
    static @Nullable InetAddress parse(final @Nullable Object value) {
        if (value == null) {
            return null;
        }
        final var text = value.toString();
        final var zone = text.indexOf('%');
        try {
            return InetAddresses.forString(zone < 0 ? text : text.substring(0, zone));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
