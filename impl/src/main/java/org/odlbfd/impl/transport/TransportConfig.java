/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import org.odlbfd.impl.session.Ports;

/**
 * The ports the transport uses. The standard ports are the default; tests on one host (for
 * example two engines on ::1, which has one address) listen and send on ports of their own.
 *
 * @param singleHopPort where single-hop Control packets are received (RFC 5881 §4: 3784)
 * @param peerSingleHopPort where single-hop Control packets are sent
 * @param multiHopPort where multihop Control packets are received (RFC 5883 §2: 4784)
 * @param peerMultiHopPort where multihop Control packets are sent
 * @param echoPort where Echo packets are received and sent (RFC 5881 §4: 3785)
 * @param peerEchoPort where Echo packets are sent
 * @param singleHopSourcePort single-hop source port, 49152-65535 (RFC 5881 §4)
 * @param multiHopSourcePort multihop source port, 49152-65535
 * @param receiveBufferBytes SO_RCVBUF
 * @param echoAddressing where our Echo packets go: to our own address (RFC 5881 §4, for the peer's
 *     forwarding plane to loop back; needs a policy route on this host, impl/README.md "Echo") or to
 *     the peer's address (for its BFD system to loop back)
 */
public record TransportConfig(int singleHopPort, int peerSingleHopPort, int multiHopPort, int peerMultiHopPort,
        int echoPort, int peerEchoPort, int singleHopSourcePort, int multiHopSourcePort, int receiveBufferBytes,
        EchoAddressing echoAddressing) {
    /** The standard ports, 4 MiB receive buffers, Echo to ourselves (RFC 5881 §4). */
    public static final TransportConfig STANDARD = new TransportConfig(Ports.SINGLE_HOP, Ports.SINGLE_HOP,
        Ports.MULTI_HOP, Ports.MULTI_HOP, Ports.ECHO, Ports.ECHO, Ports.SOURCE_SINGLE_HOP, Ports.SOURCE_MULTI_HOP,
        4 << 20, EchoAddressing.SELF);

    /**
     * Checks the source ports.
     *
     * @param singleHopPort single-hop rx port
     * @param peerSingleHopPort single-hop tx port
     * @param multiHopPort multihop rx port
     * @param peerMultiHopPort multihop tx port
     * @param echoPort echo rx port
     * @param peerEchoPort echo tx port
     * @param singleHopSourcePort single-hop source port
     * @param multiHopSourcePort multihop source port
     * @param receiveBufferBytes SO_RCVBUF
     * @param echoAddressing where Echo goes
     */
    public TransportConfig {
        if (singleHopSourcePort < Ports.SOURCE_MIN || multiHopSourcePort < Ports.SOURCE_MIN
                || singleHopSourcePort > 65535 || multiHopSourcePort > 65535) {
            throw new IllegalArgumentException("source ports must be in 49152-65535 (RFC 5881 section 4)");
        }
    }

    /**
     * Ports with Echo sent to the peer's address (what tests on one host use).
     *
     * @param singleHopPort single-hop rx port
     * @param peerSingleHopPort single-hop tx port
     * @param multiHopPort multihop rx port
     * @param peerMultiHopPort multihop tx port
     * @param echoPort echo rx port
     * @param peerEchoPort echo tx port
     * @param singleHopSourcePort single-hop source port
     * @param multiHopSourcePort multihop source port
     * @param receiveBufferBytes SO_RCVBUF
     */
    public TransportConfig(final int singleHopPort, final int peerSingleHopPort, final int multiHopPort,
            final int peerMultiHopPort, final int echoPort, final int peerEchoPort, final int singleHopSourcePort,
            final int multiHopSourcePort, final int receiveBufferBytes) {
        this(singleHopPort, peerSingleHopPort, multiHopPort, peerMultiHopPort, echoPort, peerEchoPort,
            singleHopSourcePort, multiHopSourcePort, receiveBufferBytes, EchoAddressing.PEER);
    }

    /**
     * Whether our Echo packets to this peer are addressed to our own address.
     *
     * @param peer the session's peer
     * @return true to address them to ourselves
     */
    public boolean echoToSelf(final java.net.InetAddress peer) {
        return echoAddressing.toSelf(peer);
    }

    /**
     * The same ports with IPv4 Echo to our own address (and IPv6 Echo to the peer), or all Echo to
     * the peer.
     *
     * @param toSelf true for {@link EchoAddressing#SELF_IPV4}, false for {@link EchoAddressing#PEER}
     * @return the new configuration
     */
    public TransportConfig withIpv4EchoToSelf(final boolean toSelf) {
        return withEchoAddressing(toSelf ? EchoAddressing.SELF_IPV4 : EchoAddressing.PEER);
    }

    /**
     * The same ports with another Echo addressing.
     *
     * @param addressing where Echo goes
     * @return the new configuration
     */
    public TransportConfig withEchoAddressing(final EchoAddressing addressing) {
        return new TransportConfig(singleHopPort, peerSingleHopPort, multiHopPort, peerMultiHopPort, echoPort,
            peerEchoPort, singleHopSourcePort, multiHopSourcePort, receiveBufferBytes, addressing);
    }
}
