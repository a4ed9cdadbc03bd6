/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;

/**
 * One configured session, immutable, with every YANG default already applied (see
 * {@link ConfigMapper}). This is what the datastore layer hands to the engine.
 *
 * @param protocol name of the bfdv1 control-plane-protocol instance that holds it
 * @param key the session key
 * @param source local address; for single-hop the optional {@code source-addr}, for multihop the key's source
 * @param params timers
 * @param demand {@code demand-enabled}
 * @param adminDown {@code admin-down}
 * @param keyChain {@code authentication/key-chain}, or null without authentication
 * @param meticulous {@code authentication/meticulous}
 * @param txTtl multihop {@code tx-ttl}; 255 for single-hop (RFC 5881 §5)
 * @param rxTtl multihop {@code rx-ttl} floor; 255 for single-hop (GTSM, RFC 5881 §5)
 */
public record SessionConfig(String protocol, SessionKey key, @Nullable InetAddress source, SessionParams params,
        boolean demand, boolean adminDown, @Nullable String keyChain, boolean meticulous, int txTtl, int rxTtl) {
    /**
     * Checks the components.
     *
     * @param protocol protocol instance name
     * @param key the session key
     * @param source local address
     * @param params timers
     * @param demand demand mode wanted
     * @param adminDown administratively down
     * @param keyChain key chain or null
     * @param meticulous meticulous authentication
     * @param txTtl transmit TTL
     * @param rxTtl receive TTL floor
     */
    public SessionConfig {
        requireNonNull(protocol, "protocol");
        requireNonNull(key, "key");
        requireNonNull(params, "params");
    }

    /**
     * The engine's view of this session.
     *
     * @return the engine configuration
     */
    public org.odlbfd.impl.session.SessionConfig toEngine() {
        final String name = switch (key) {
            case SingleHopKey sh -> "sh:" + sh.interfaceName() + ":" + sh.destination().getHostAddress();
            case MultiHopKey mh -> "mh:" + mh.source().getHostAddress() + "->" + mh.destination().getHostAddress();
        };
        return new org.odlbfd.impl.session.SessionConfig(name, key, source, params.desiredMinTxUs(),
            params.requiredMinRxUs(), params.detectMultiplier(), 0, 0, false, demand, null,
            keyChain == null ? "" : keyChain, 0, 0, rxTtl, adminDown);
    }
}
