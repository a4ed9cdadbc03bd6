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
import org.odlbfd.api.AuthType;
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
 * @param keyChain {@code authentication/key-chain} (the session's own, else its interface's), or null
 * @param meticulous {@code authentication/meticulous}
 * @param authType BFD Auth Type derived from the key chain's algorithm and {@code meticulous}; null without
 *        authentication
 * @param txTtl multihop {@code tx-ttl}; 255 for single-hop (RFC 5881 §5)
 * @param rxTtl multihop {@code rx-ttl} floor; 255 for single-hop (GTSM, RFC 5881 §5)
 * @param name odl-bfd-ext {@code session-name}, or null
 * @param description odl-bfd-ext {@code description}, or null
 * @param localDiscriminator odl-bfd-ext {@code static-local-discriminator} (unsigned 32 bits), 0 to allocate one
 * @param remoteDiscriminator odl-bfd-ext {@code static-remote-discriminator} (unsigned 32 bits), 0 to learn it
 * @param passive odl-bfd-ext {@code passive} (RFC 5880 §6.1)
 * @param echoTxUs odl-bfd-ext echo transmit interval, 0 for no echo (single-hop only, RFC 5883 §3)
 * @param echoRxUs odl-bfd-ext Required Min Echo RX Interval to advertise, 0 for none
 */
public record SessionConfig(String protocol, SessionKey key, @Nullable InetAddress source, SessionParams params,
        boolean demand, boolean adminDown, @Nullable String keyChain, boolean meticulous, @Nullable AuthType authType,
        int txTtl, int rxTtl, @Nullable String name, @Nullable String description, long localDiscriminator,
        long remoteDiscriminator, boolean passive, long echoTxUs, long echoRxUs) {
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
     * @param authType auth type, non-null exactly when keyChain is
     * @param txTtl transmit TTL
     * @param rxTtl receive TTL floor
     * @param name session name or null
     * @param description description or null
     * @param localDiscriminator static local discriminator or 0
     * @param remoteDiscriminator static remote discriminator or 0
     * @param passive passive role
     * @param echoTxUs echo transmit interval or 0
     * @param echoRxUs advertised echo receive interval or 0
     */
    public SessionConfig {
        requireNonNull(protocol, "protocol");
        requireNonNull(key, "key");
        requireNonNull(params, "params");
        if (keyChain == null != (authType == null)) {
            throw new IllegalArgumentException("an auth type needs a key chain and a key chain an auth type");
        }
    }

    /**
     * The engine's record of this session. The name is {@code session-name}, else {@code sh:IF:DEST}
     * or {@code mh:SRC->DEST}.
     *
     * @return the engine configuration
     */
    public org.odlbfd.impl.session.SessionConfig toEngine() {
        return new org.odlbfd.impl.session.SessionConfig(displayName(), key, source, params.desiredMinTxUs(),
            params.requiredMinRxUs(), params.detectMultiplier(), echoTxUs, echoRxUs, passive, demand, authType,
            keyChain == null ? "" : keyChain, (int) localDiscriminator, (int) remoteDiscriminator, rxTtl, adminDown,
            txTtl, null);
    }

    /**
     * The operator-visible name.
     *
     * @return {@code session-name}, or a readable default built from the key
     */
    public String displayName() {
        if (name != null) {
            return name;
        }
        return switch (key) {
            case SingleHopKey sh -> "sh:" + sh.interfaceName() + ":" + sh.destination().getHostAddress();
            case MultiHopKey mh -> "mh:" + mh.source().getHostAddress() + "->" + mh.destination().getHostAddress();
        };
    }
}
