/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.CommonCfgParms;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionExtParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.echo.parms.Echo;
import org.opendaylight.yangtools.binding.Augmentable;

/**
 * One configured session as the validation rules see it: an ip-sh session or an ip-mh session
 * group of a bfdv1 instance, with its key and addresses already converted.
 *
 * @param protocol the control-plane-protocol instance
 * @param where how messages name it
 * @param key the session key (ietf-bfd's list key)
 * @param source source-addr, or null when an ip-sh session has none
 * @param common the ietf-bfd-types common parameters (the session or group itself)
 * @param authentication its own authentication container, or null
 * @param ext the odl-bfd-ext leaves, or null
 * @param echo the odl-bfd-ext echo container (ip-sh only), or null
 * @param entry the binding object itself (Session or SessionGroup), for rules that read other augmentations
 */
public record ConfiguredSession(String protocol, String where, SessionKey key, @Nullable InetAddress source,
        CommonCfgParms common, @Nullable Authentication authentication, @Nullable SessionExtParms ext,
        @Nullable Echo echo, Object entry) {
    /**
     * Whether this is an ip-sh session.
     *
     * @return true for single-hop
     */
    public boolean singleHop() {
        return key instanceof SingleHopKey;
    }

    /**
     * The peer's address.
     *
     * @return dest-addr
     */
    public InetAddress dest() {
        return switch (key) {
            case SingleHopKey sh -> sh.destination();
            case MultiHopKey mh -> mh.destination();
        };
    }

    /**
     * The NETCONF device the session is placed on (odl-bfd-ext {@code placement/node}).
     *
     * @return the topology-netconf node-id, or null when the embedded agent runs it
     */
    public @Nullable String node() {
        return entry instanceof Augmentable<?> augmentable ? Placements.node(augmentable) : null;
    }

    /**
     * Whether the embedded agent runs the session (it is not placed on a device).
     *
     * @return true for the embedded agent
     */
    public boolean embedded() {
        return node() == null;
    }

    /**
     * The system the session runs in, as a prefix for what must be unique per system (session keys,
     * local discriminators: RFC 5880 §6.8.1): empty for the embedded agent, the node for a device.
     *
     * @return the prefix
     */
    public String system() {
        final var node = node();
        return node == null ? "" : "node " + node + ": ";
    }

    /**
     * The odl-bfd-ext static local discriminator.
     *
     * @return the value (unsigned, in a long), 0 when none
     */
    public long staticLocalDiscriminator() {
        return ext == null || ext.getStaticLocalDiscriminator() == null ? 0
            : ext.getStaticLocalDiscriminator().getValue().toJava();
    }
}
