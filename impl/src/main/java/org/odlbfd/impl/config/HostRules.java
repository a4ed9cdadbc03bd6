/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import java.net.Inet6Address;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.odlbfd.api.SingleHopKey;

/**
 * What the embedded agent's host must have for a session it runs: the source-addr configured on
 * one of its interfaces (the agent sends from it and binds to it), and for an IPv6 link-local
 * destination the interface that scopes it (RFC 4007 section 6). Checked against the host's
 * interfaces at commit time.
 *
 * <p>Only sessions the embedded agent runs are judged: a session rendered on a NETCONF device has
 * the device's addresses. The predicate says which sessions the agent runs: those not placed.
 */
final class HostRules implements ConfigRule {
    /** The embedded agent runs every session that is not placed on a NETCONF device. */
    static final Predicate<ConfiguredSession> ALL_EMBEDDED = ConfiguredSession::embedded;

    private final Supplier<Host> host;
    private final Predicate<ConfiguredSession> embedded;

    /**
     * Creates the rules.
     *
     * @param host the host, read once per check
     * @param embedded which sessions the embedded agent runs
     */
    HostRules(final Supplier<Host> host, final Predicate<ConfiguredSession> embedded) {
        this.host = requireNonNull(host);
        this.embedded = requireNonNull(embedded);
    }

    @Override
    public void check(final ConfigView config, final Violations violations) {
        Host now = null;
        for (var session : config.sessions()) {
            if (!embedded.test(session)) {
                continue;
            }
            if (now == null) {
                now = host.get();
            }
            final var source = session.source();
            if (source != null && !now.isLocal(source)) {
                violations.add(session.where(), "source-addr " + source.getHostAddress()
                    + " is not an address of this host: the embedded agent sends from it, so it must be configured "
                    + "on one of the host's interfaces first");
            }
            if (session.key() instanceof SingleHopKey sh && sh.destination() instanceof Inet6Address
                    && sh.destination().isLinkLocalAddress() && !now.hasInterface(sh.interfaceName())) {
                violations.add(session.where(), "dest-addr " + sh.destination().getHostAddress()
                    + " is link-local, which only means something on its interface (RFC 4007), and interface "
                    + sh.interfaceName() + " does not exist on this host");
            }
        }
    }
}
