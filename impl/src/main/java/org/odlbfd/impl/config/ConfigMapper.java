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
import org.odlbfd.api.AuthType;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.KeyChainParser.Algorithm;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.CommonCfgParms;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleInterval;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.EchoParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionExtParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup2;
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

    /** odl-bfd-ext echo interval when echo is enabled and no interval is given (FRR's default too). */
    public static final long DEFAULT_ECHO_US = 50_000;

    /** Looks up the algorithm of a key chain (see {@link KeyChainKeys#algorithm(String)}). */
    @FunctionalInterface
    public interface ChainAlgorithms {
        /** No key chains at all. */
        ChainAlgorithms NONE = keyChain -> null;

        /**
         * The chain's algorithm.
         *
         * @param keyChain chain name
         * @return algorithm, or null when the chain is unknown or unusable by BFD
         */
        @Nullable Algorithm algorithm(String keyChain);
    }

    private ConfigMapper() {
        // static only
    }

    /**
     * Maps one ip-sh session without key chains (tests, unauthenticated sessions).
     *
     * @param protocol the control-plane-protocol name
     * @param session the configured session
     * @return the session config
     * @throws IllegalArgumentException when the values break a rule YANG cannot express
     */
    public static SessionConfig singleHop(final String protocol, final Session session) {
        return singleHop(protocol, session, null, ChainAlgorithms.NONE);
    }

    /**
     * Maps one ip-sh session.
     *
     * @param protocol the control-plane-protocol name
     * @param session the configured session
     * @param interfaceAuth the {@code ip-sh/interfaces[interface]/authentication} of the session's interface,
     *        used when the session has none of its own
     * @param algorithms key-chain algorithms
     * @return the session config
     * @throws IllegalArgumentException when the values break a rule YANG cannot express
     */
    public static SessionConfig singleHop(final String protocol, final Session session,
            final @Nullable Authentication interfaceAuth, final ChainAlgorithms algorithms) {
        final var dest = toInet(session.requireDestAddr());
        final var source = session.getSourceAddr() == null ? null : toInet(session.getSourceAddr());
        if (source != null && source.getClass() != dest.getClass()) {
            throw new IllegalArgumentException("source-addr " + source.getHostAddress()
                + " and dest-addr " + dest.getHostAddress() + " must be of the same address family");
        }
        final var auth = session.getAuthentication() != null ? session.getAuthentication() : interfaceAuth;
        final var ext = session.augmentation(Session1.class);
        return common(protocol, new SingleHopKey(session.requireInterface(), dest), source, session, auth,
            algorithms, DEFAULT_TTL, DEFAULT_TTL, ext, ext);
    }

    /**
     * Maps one ip-mh session-group without key chains (tests, unauthenticated sessions).
     *
     * @param protocol the control-plane-protocol name
     * @param group the configured session group
     * @return the session config
     * @throws IllegalArgumentException when the values break a rule YANG cannot express
     */
    public static SessionConfig multiHop(final String protocol, final SessionGroup group) {
        return multiHop(protocol, group, ChainAlgorithms.NONE);
    }

    /**
     * Maps one ip-mh session-group (one session per group).
     *
     * @param protocol the control-plane-protocol name
     * @param group the configured session group
     * @param algorithms key-chain algorithms
     * @return the session config
     * @throws IllegalArgumentException when the values break a rule YANG cannot express
     */
    public static SessionConfig multiHop(final String protocol, final SessionGroup group,
            final ChainAlgorithms algorithms) {
        // odl-bfd-ext vrf (SessionGroup2: the VRF augment of the session group)
        final var vrfAug = group.augmentation(SessionGroup2.class);
        final var key = new MultiHopKey(toInet(group.requireSourceAddr()), toInet(group.requireDestAddr()),
            vrfAug == null ? null : vrfAug.getVrf());
        // rx-ttl is mandatory in ietf-bfd-ip-mh; the commit cohort enforces it (odl-bfd-deviations), so null
        // only comes from tests or data written around the cohort: 255, the strictest floor, then applies
        // no echo on multihop: RFC 5883 section 3, and odl-bfd-ext has no echo container there
        return common(protocol, key, key.source(), group, group.getAuthentication(), algorithms,
            hops(group.getTxTtl(), DEFAULT_TTL), hops(group.getRxTtl(), DEFAULT_TTL),
            group.augmentation(SessionGroup1.class), null);
    }

    private static SessionConfig common(final String protocol, final org.odlbfd.api.SessionKey key,
            final @Nullable InetAddress source, final CommonCfgParms cfg, final @Nullable Authentication auth,
            final ChainAlgorithms algorithms, final int txTtl, final int rxTtl, final @Nullable SessionExtParms ext,
            final @Nullable EchoParms echoParms) {
        final var keyChain = auth == null ? null : auth.getKeyChain();
        final var meticulous = auth != null && Boolean.TRUE.equals(auth.getMeticulous());
        final AuthType authType;
        if (keyChain == null) {
            authType = null;
        } else {
            final var algorithm = algorithms.algorithm(keyChain);
            if (algorithm == null) {
                // never run a session meant to be authenticated without authentication
                throw new IllegalArgumentException("key-chain " + keyChain
                    + " is missing, empty, or has keys BFD cannot use");
            }
            authType = authType(algorithm, meticulous);
        }
        final var echo = echoParms == null ? null : echoParms.getEcho();
        final boolean echoOn = echo != null && Boolean.TRUE.equals(echo.getEnabled());
        final long echoTx = echoOn ? micros(echo.getDesiredMinEchoTxInterval(), DEFAULT_ECHO_US) : 0;
        final long echoRx = echo == null ? 0
            : micros(echo.getRequiredMinEchoRxInterval(), echoOn ? DEFAULT_ECHO_US : 0);
        return new SessionConfig(protocol, key, source, params(cfg), Boolean.TRUE.equals(cfg.getDemandEnabled()),
            Boolean.TRUE.equals(cfg.getAdminDown()), keyChain, meticulous, authType, txTtl, rxTtl,
            ext == null ? null : ext.getSessionName(), ext == null ? null : ext.getDescription(),
            ext == null || ext.getStaticLocalDiscriminator() == null ? 0
                : ext.getStaticLocalDiscriminator().getValue().toJava(),
            ext == null || ext.getStaticRemoteDiscriminator() == null ? 0
                : ext.getStaticRemoteDiscriminator().getValue().toJava(),
            ext != null && Boolean.TRUE.equals(ext.getPassive()), echoTx, echoRx);
    }

    /**
     * The BFD Auth Type for a key-chain algorithm (RFC 5880 §4.1, §6.7).
     *
     * @param algorithm the chain's algorithm
     * @param meticulous ietf-bfd {@code meticulous}
     * @return the auth type; cleartext has no sequence number, so no meticulous variant
     */
    public static AuthType authType(final Algorithm algorithm, final boolean meticulous) {
        return switch (algorithm) {
            case CLEARTEXT -> AuthType.SIMPLE_PASSWORD;
            case MD5 -> meticulous ? AuthType.METICULOUS_KEYED_MD5 : AuthType.KEYED_MD5;
            case SHA1 -> meticulous ? AuthType.METICULOUS_KEYED_SHA1 : AuthType.KEYED_SHA1;
        };
    }

    private static SessionParams params(final CommonCfgParms cfg) {
        final var mult = cfg.getLocalMultiplier() == null ? DEFAULT_MULTIPLIER
            : cfg.getLocalMultiplier().getValue().intValue();
        long tx = DEFAULT_INTERVAL_US;
        long rx = DEFAULT_INTERVAL_US;
        final var type = cfg.getIntervalConfigType();
        if (type instanceof TxRxIntervals txRx) {
            tx = micros(txRx.getDesiredMinTxInterval(), DEFAULT_INTERVAL_US);
            rx = micros(txRx.getRequiredMinRxInterval(), DEFAULT_INTERVAL_US);
        } else if (type instanceof SingleInterval single) {
            tx = micros(single.getMinInterval(), DEFAULT_INTERVAL_US);
            rx = tx;
        }
        if (tx == 0) {
            throw new IllegalArgumentException("desired-min-tx-interval must not be 0 (RFC 5880 section 6.8.1)");
        }
        return new SessionParams(tx, rx, mult);
    }

    private static long micros(final @Nullable Uint32 value, final long dflt) {
        return value == null ? dflt : value.toJava();
    }

    private static int hops(final @Nullable Hops value, final int dflt) {
        return value == null ? dflt : value.getValue().intValue();
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
