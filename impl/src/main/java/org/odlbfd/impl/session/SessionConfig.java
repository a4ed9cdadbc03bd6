/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.PathType;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;

/**
 * Immutable configuration of one session. Intervals are microseconds as on the wire.
 *
 * @param name operator-visible name
 * @param key identity (ietf-bfd key)
 * @param localAddress source address, or null to let the transport choose
 * @param desiredMinTxUs bfd.DesiredMinTxInterval as configured
 * @param requiredMinRxUs bfd.RequiredMinRxInterval as configured
 * @param detectMult bfd.DetectMult
 * @param echoTxUs desired echo transmit interval, 0 for no echo (RFC 5880 §6.4)
 * @param echoRxUs Required Min Echo RX Interval to advertise, 0 when we do not loop echoes
 * @param passive RFC 5880 §6.1 passive role
 * @param demand bfd.DemandMode (RFC 5880 §6.6)
 * @param authType bfd.AuthType, or null for none
 * @param keyChain key-chain name for the authenticator
 * @param staticLocalDiscr configured bfd.LocalDiscr, 0 to allocate one
 * @param staticRemoteDiscr configured bfd.RemoteDiscr, 0 to learn it
 * @param rxTtlFloor multihop minimum received TTL (RFC 5883 §2), ignored for single-hop
 * @param adminDown start in AdminDown
 * @param txTtl multihop TTL / hop limit of transmitted packets (ietf-bfd-ip-mh tx-ttl); single-hop
 *     always sends 255 (RFC 5881 §5)
 * @param vrf the VRF device whose sockets carry the session, or null for the default VRF (for
 *     single-hop the transport takes the VRF of the interface when this is null)
 */
public record SessionConfig(String name, SessionKey key, @Nullable InetAddress localAddress, long desiredMinTxUs,
        long requiredMinRxUs, int detectMult, long echoTxUs, long echoRxUs, boolean passive, boolean demand,
        @Nullable AuthType authType, String keyChain, int staticLocalDiscr, int staticRemoteDiscr, int rxTtlFloor,
        boolean adminDown, int txTtl, @Nullable String vrf) {
    /** The TTL every single-hop packet is sent with, and the multihop default (RFC 5881 §5). */
    public static final int MAX_TTL = 255;

    /**
     * Checks the components.
     *
     * @param name name
     * @param key key
     * @param localAddress source address
     * @param desiredMinTxUs tx
     * @param requiredMinRxUs rx
     * @param detectMult multiplier
     * @param echoTxUs echo tx
     * @param echoRxUs echo rx advertised
     * @param passive passive role
     * @param demand demand mode
     * @param authType auth type
     * @param keyChain key chain
     * @param staticLocalDiscr static local discriminator
     * @param staticRemoteDiscr static remote discriminator
     * @param rxTtlFloor multihop rx ttl floor
     * @param adminDown start disabled
     * @param txTtl multihop transmit TTL
     * @param vrf VRF device, or null
     */
    public SessionConfig {
        requireNonNull(name);
        requireNonNull(key);
        requireNonNull(keyChain);
        // RFC 5880 §6.8.1: bfd.DesiredMinTxInterval is never zero; Detect Mult is 1..255 (§6.8.6).
        if (desiredMinTxUs <= 0 || requiredMinRxUs < 0 || detectMult < 1 || detectMult > 255) {
            throw new IllegalArgumentException("bad timers tx=" + desiredMinTxUs + " rx=" + requiredMinRxUs
                + " mult=" + detectMult);
        }
        if (echoTxUs < 0 || echoRxUs < 0) {
            throw new IllegalArgumentException("echo intervals must not be negative");
        }
        if (rxTtlFloor < 0 || rxTtlFloor > 255) {
            throw new IllegalArgumentException("rx-ttl " + rxTtlFloor + " must be in 0..255");
        }
        if (txTtl < 1 || txTtl > MAX_TTL) {
            throw new IllegalArgumentException("tx-ttl " + txTtl + " must be in 1..255");
        }
    }

    /**
     * A session in the default VRF that sends with TTL 255.
     *
     * @param name name
     * @param key key
     * @param localAddress source address
     * @param desiredMinTxUs tx
     * @param requiredMinRxUs rx
     * @param detectMult multiplier
     * @param echoTxUs echo tx
     * @param echoRxUs echo rx advertised
     * @param passive passive role
     * @param demand demand mode
     * @param authType auth type
     * @param keyChain key chain
     * @param staticLocalDiscr static local discriminator
     * @param staticRemoteDiscr static remote discriminator
     * @param rxTtlFloor multihop rx ttl floor
     * @param adminDown start disabled (the VRF is the one a multihop key names)
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public SessionConfig(final String name, final SessionKey key, final @Nullable InetAddress localAddress,
            final long desiredMinTxUs, final long requiredMinRxUs, final int detectMult, final long echoTxUs,
            final long echoRxUs, final boolean passive, final boolean demand, final @Nullable AuthType authType,
            final String keyChain, final int staticLocalDiscr, final int staticRemoteDiscr, final int rxTtlFloor,
            final boolean adminDown) {
        this(name, key, localAddress, desiredMinTxUs, requiredMinRxUs, detectMult, echoTxUs, echoRxUs, passive,
            demand, authType, keyChain, staticLocalDiscr, staticRemoteDiscr, rxTtlFloor, adminDown, MAX_TTL,
            vrfOf(key));
    }

    /**
     * The TTL / hop limit this session's Control packets leave with: 255 for single-hop (RFC 5881
     * §5), the configured tx-ttl for multihop (RFC 5883 §2 leaves it to configuration).
     *
     * @return TTL
     */
    public int transmitTtl() {
        return singleHop() ? MAX_TTL : txTtl;
    }

    /**
     * The same session in another VRF.
     *
     * @param vrfName VRF device, or null for the default VRF
     * @return config
     */
    public SessionConfig withVrf(final @Nullable String vrfName) {
        // a multihop session is keyed by its VRF too, so packets read on the VRF's sockets find it
        final SessionKey inVrf = key instanceof MultiHopKey mh ? new MultiHopKey(mh.source(), mh.destination(),
            vrfName) : key;
        return new SessionConfig(name, inVrf, localAddress, desiredMinTxUs, requiredMinRxUs, detectMult, echoTxUs,
            echoRxUs, passive, demand, authType, keyChain, staticLocalDiscr, staticRemoteDiscr, rxTtlFloor,
            adminDown, txTtl, vrfName);
    }

    private static @Nullable String vrfOf(final SessionKey key) {
        return key instanceof MultiHopKey mh ? mh.vrf() : null;
    }

    /**
     * A plain session with the given timers and nothing else.
     *
     * @param name name
     * @param key key
     * @param localAddress source address
     * @param params timers
     * @return config
     */
    public static SessionConfig of(final String name, final SessionKey key, final @Nullable InetAddress localAddress,
            final SessionParams params) {
        // a multihop key names its local address (RFC 5883 §3: the session is the address pair); a
        // wildcard one leaves the source to the transport
        final InetAddress local = localAddress == null && key instanceof MultiHopKey mh
            && !mh.source().isAnyLocalAddress() ? mh.source() : localAddress;
        return new SessionConfig(name, key, local, params.desiredMinTxUs(), params.requiredMinRxUs(),
            params.detectMultiplier(), 0, 0, false, false, null, "", 0, 0, 254, false);
    }

    /**
     * The same session with other timers.
     *
     * @param params timers
     * @return config
     */
    public SessionConfig withParams(final SessionParams params) {
        return new SessionConfig(name, key, localAddress, params.desiredMinTxUs(), params.requiredMinRxUs(),
            params.detectMultiplier(), echoTxUs, echoRxUs, passive, demand, authType, keyChain, staticLocalDiscr,
            staticRemoteDiscr, rxTtlFloor, adminDown, txTtl, vrf);
    }

    /**
     * The same session with another multihop TTL floor.
     *
     * @param floor rx-ttl (RFC 5883 §2)
     * @return config
     */
    public SessionConfig withRxTtlFloor(final int floor) {
        return new SessionConfig(name, key, localAddress, desiredMinTxUs, requiredMinRxUs, detectMult, echoTxUs,
            echoRxUs, passive, demand, authType, keyChain, staticLocalDiscr, staticRemoteDiscr, floor, adminDown,
            txTtl, vrf);
    }

    /**
     * The same session with another echo interval.
     *
     * @param echoUs echo tx interval and advertised echo rx interval, 0 for none
     * @return config
     */
    public SessionConfig withEcho(final long echoUs) {
        return new SessionConfig(name, key, localAddress, desiredMinTxUs, requiredMinRxUs, detectMult, echoUs,
            echoUs, passive, demand, authType, keyChain, staticLocalDiscr, staticRemoteDiscr, rxTtlFloor,
            adminDown, txTtl, vrf);
    }

    /**
     * The timers as client parameters.
     *
     * @return params
     */
    public SessionParams params() {
        return new SessionParams(desiredMinTxUs, requiredMinRxUs, detectMult);
    }

    /**
     * Single-hop (RFC 5881) or not.
     *
     * @return true for single-hop
     */
    public boolean singleHop() {
        return key.pathType() == PathType.IP_SINGLE_HOP;
    }

    /**
     * The interface a single-hop session is bound to.
     *
     * @return interface name, or null for multihop
     */
    public @Nullable String interfaceName() {
        return key instanceof SingleHopKey sh ? sh.interfaceName() : null;
    }
}
