/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.rpc;

import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.engine.SessionSnapshot;

/**
 * Which sessions an operator RPC applies to, from odl-bfd-ext's {@code session-selector}: one
 * session by name, by its single-hop key (interface, dest-addr) or by its multihop key
 * (source-addr, dest-addr), or all sessions when nothing is given.
 *
 * @param name session name, or null
 * @param interfaceName single-hop interface, or null
 * @param source multihop source, or null
 * @param destination destination, or null
 */
public record SessionSelection(@Nullable String name, @Nullable String interfaceName, @Nullable InetAddress source,
        @Nullable InetAddress destination) {
    /**
     * Checks that the leaves given name one session, or none at all.
     *
     * @throws IllegalArgumentException with the rule broken, in words for the operator
     */
    public SessionSelection {
        final boolean byKey = interfaceName != null || source != null || destination != null;
        if (name != null && byKey) {
            throw new IllegalArgumentException("give either session-name or a session key (interface or source-addr"
                + " with dest-addr), not both");
        }
        if (byKey) {
            if (destination == null) {
                throw new IllegalArgumentException("dest-addr is missing: a session key is interface + dest-addr"
                    + " (single-hop) or source-addr + dest-addr (multihop)");
            }
            if (interfaceName != null && source != null) {
                throw new IllegalArgumentException("give interface (single-hop) or source-addr (multihop), not both");
            }
            if (interfaceName == null && source == null) {
                throw new IllegalArgumentException("dest-addr needs interface (single-hop) or source-addr (multihop)");
            }
        }
    }

    /**
     * Whether this selects every session.
     *
     * @return true when no leaf was given
     */
    public boolean all() {
        return name == null && destination == null;
    }

    /**
     * Whether a session is selected.
     *
     * @param session the session
     * @return true when it matches
     */
    public boolean matches(final SessionSnapshot session) {
        if (all()) {
            return true;
        }
        if (name != null) {
            return name.equals(session.name());
        }
        return switch (session.key()) {
            case SingleHopKey sh -> sh.interfaceName().equals(interfaceName) && sh.destination().equals(destination);
            case MultiHopKey mh -> mh.source().equals(source) && mh.destination().equals(destination);
        };
    }

    @Override
    public String toString() {
        if (all()) {
            return "all sessions";
        }
        if (name != null) {
            return "session-name " + name;
        }
        return interfaceName != null ? "ip-sh " + interfaceName + "," + destination.getHostAddress()
            : "ip-mh " + source.getHostAddress() + "," + destination.getHostAddress();
    }
}
