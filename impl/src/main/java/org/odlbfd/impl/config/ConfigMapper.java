/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.CommonCfgParms;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleInterval;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Turns ietf-bfd configuration into {@link SessionConfig}. Generated getters return null where
 * YANG has a default, so every default of ietf-bfd-types and ietf-bfd-ip-mh is applied here and
 * nowhere else.
 */
public final class ConfigMapper {
    /** ietf-bfd-types {@code local-multiplier} default. */
    public static final int DEFAULT_MULTIPLIER = 3;
    /** ietf-bfd-types {@code desired-min-tx-interval}, {@code required-min-rx-interval}, {@code min-interval}. */
    public static final long DEFAULT_INTERVAL_US = 1_000_000;
    /** ietf-bfd-ip-mh {@code tx-ttl} default; also the fixed single-hop TTL of RFC 5881 §5. */
    public static final int DEFAULT_TTL = 255;

    private ConfigMapper() {
        // static only
    }

    /**
     * Maps one ip-sh session.
     *
     * @param protocol the control-plane-protocol name
     * @param session the configured session
     * @return the session config
     * @throws IllegalArgumentException when the values break a rule YANG cannot express
     */
    public static SessionConfig singleHop(final String protocol, final Session session) {
        final var dest = toInet(session.requireDestAddr());
        final var source = session.getSourceAddr() == null ? null : toInet(session.getSourceAddr());
        if (source != null && source.getClass() != dest.getClass()) {
            throw new IllegalArgumentException("source-addr " + source.getHostAddress()
                + " and dest-addr " + dest.getHostAddress() + " must be of the same address family");
        }
        return common(protocol, new SingleHopKey(session.requireInterface(), dest), source, session,
            DEFAULT_TTL, DEFAULT_TTL);
    }

    /**
     * Maps one ip-mh session-group (one session per group).
     *
     * @param protocol the control-plane-protocol name
     * @param group the configured session group
     * @return the session config
     * @throws IllegalArgumentException when the values break a rule YANG cannot express
     */
    public static SessionConfig multiHop(final String protocol, final SessionGroup group) {
        final var key = new MultiHopKey(toInet(group.requireSourceAddr()), toInet(group.requireDestAddr()));
        // rx-ttl is mandatory in ietf-bfd-ip-mh; RESTCONF enforces it, so null only comes from tests
        return common(protocol, key, key.source(), group, hops(group.getTxTtl(), DEFAULT_TTL),
            hops(group.getRxTtl(), DEFAULT_TTL));
    }

    private static SessionConfig common(final String protocol, final org.odlbfd.api.SessionKey key,
            final @Nullable InetAddress source, final CommonCfgParms cfg, final int txTtl, final int rxTtl) {
        final var auth = cfg.getAuthentication();
        return new SessionConfig(protocol, key, source, params(cfg), Boolean.TRUE.equals(cfg.getDemandEnabled()),
            Boolean.TRUE.equals(cfg.getAdminDown()), keyChain(auth),
            auth != null && Boolean.TRUE.equals(auth.getMeticulous()), txTtl, rxTtl);
    }

    private static SessionParams params(final CommonCfgParms cfg) {
        final var mult = cfg.getLocalMultiplier() == null ? DEFAULT_MULTIPLIER
            : cfg.getLocalMultiplier().getValue().intValue();
        long tx = DEFAULT_INTERVAL_US;
        long rx = DEFAULT_INTERVAL_US;
        final var type = cfg.getIntervalConfigType();
        if (type instanceof TxRxIntervals txRx) {
            tx = micros(txRx.getDesiredMinTxInterval());
            rx = micros(txRx.getRequiredMinRxInterval());
        } else if (type instanceof SingleInterval single) {
            tx = micros(single.getMinInterval());
            rx = tx;
        }
        if (tx == 0) {
            throw new IllegalArgumentException("desired-min-tx-interval must not be 0 (RFC 5880 section 6.8.1)");
        }
        return new SessionParams(tx, rx, mult);
    }

    private static long micros(final @Nullable Uint32 value) {
        return value == null ? DEFAULT_INTERVAL_US : value.toJava();
    }

    private static int hops(final @Nullable Hops value, final int dflt) {
        return value == null ? dflt : value.getValue().intValue();
    }

    private static @Nullable String keyChain(final @Nullable Authentication auth) {
        return auth == null ? null : auth.getKeyChain();
    }

    /**
     * Converts an ietf-inet-types ip-address; a zone index ({@code %eth0}) is dropped because the
     * session key already names the interface.
     *
     * @param address the YANG address
     * @return the Java address
     */
    public static InetAddress toInet(final IpAddress address) {
        final var text = address.getIpv4Address() != null ? address.getIpv4Address().getValue()
            : address.getIpv6Address().getValue();
        final var zone = text.indexOf('%');
        return InetAddresses.forString(zone < 0 ? text : text.substring(0, zone));
    }
}
