/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;

/**
 * What makes an entry a session at all: a non-empty interface name, one address family on a
 * multihop key, and ietf-bfd-ip-mh's mandatory {@code rx-ttl}. The datastore does not enforce
 * {@code rx-ttl} (module odl-bfd-deviations): ODL reports a missing mandatory leaf as HTTP 500
 * without its name, this rule as HTTP 400 naming it.
 */
final class StructureRules implements ConfigRule {
    @Override
    public void check(final ConfigView config, final Violations violations) {
        for (var entry : config.unreadable()) {
            violations.add(entry.where(), entry.message());
        }
        for (var session : config.sessions()) {
            if (session.entry() instanceof SessionGroup group && group.getRxTtl() == null) {
                violations.add(session.where(), "rx-ttl is missing; ietf-bfd-ip-mh requires it (RFC 9314): the "
                    + "lowest TTL a packet from this peer may arrive with, 1..255 (255 when the peer is one hop away)");
            }
        }
    }
}
