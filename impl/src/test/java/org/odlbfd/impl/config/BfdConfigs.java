/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.List;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpMhBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.SessionGroupsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpShBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.Interfaces;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.SessionsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.BfdBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.CryptoAlgorithm;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChainsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChainBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.Key;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.KeyBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.KeyStringBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.LifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.key.string.key.string.style.KeystringBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.SendAndAcceptLifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.send.and.accept.lifetime.SendAcceptLifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.lifetime.lifetime.StartEndTimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocolsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Test data: ietf-bfd and ietf-key-chain configuration built with the generated builders.
 */
public final class BfdConfigs {
    private BfdConfigs() {
        // static only
    }

    static SessionBuilder sh(final String ifname, final String dest) {
        return new SessionBuilder().setInterface(ifname).setDestAddr(IetfInetUtil.ipAddressFor(dest));
    }

    static SessionGroupBuilder mh(final String source, final String dest) {
        return new SessionGroupBuilder().setSourceAddr(IetfInetUtil.ipAddressFor(source))
            .setDestAddr(IetfInetUtil.ipAddressFor(dest)).setRxTtl(new Hops(Uint8.valueOf(254)));
    }

    public static ControlPlaneProtocol protocol(final String name, final List<Session> sessions,
            final List<SessionGroup> groups, final List<Interfaces> interfaces) {
        final var bfd = new BfdBuilder();
        if (!sessions.isEmpty() || !interfaces.isEmpty()) {
            bfd.addAugmentation(new Bfd1Builder().setIpSh(new IpShBuilder()
                .setSessions(new SessionsBuilder().setSession(BindingMap.ordered(sessions)).build())
                .setInterfaces(BindingMap.ordered(interfaces)).build()).build());
        }
        if (!groups.isEmpty()) {
            bfd.addAugmentation(new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh
                .rev220922.Bfd1Builder().setIpMh(new IpMhBuilder()
                    .setSessionGroups(new SessionGroupsBuilder().setSessionGroup(BindingMap.ordered(groups)).build())
                    .build()).build());
        }
        return new ControlPlaneProtocolBuilder().setType(Bfdv1.VALUE).setName(name)
            .addAugmentation(new ControlPlaneProtocol1Builder().setBfd(bfd.build()).build()).build();
    }

    static ControlPlaneProtocols protocols(final ControlPlaneProtocol... protocols) {
        return new ControlPlaneProtocolsBuilder().setControlPlaneProtocol(BindingMap.ordered(List.of(protocols)))
            .build();
    }

    static ControlPlaneProtocols sessions(final Session... sessions) {
        return protocols(protocol("bfd", List.of(sessions), List.of(), List.of()));
    }

    static ControlPlaneProtocols groups(final SessionGroup... groups) {
        return protocols(protocol("bfd", List.of(), List.of(groups), List.of()));
    }

    static KeyBuilder key(final long id, final CryptoAlgorithm algorithm, final String secret) {
        return new KeyBuilder().setKeyId(Uint64.valueOf(id)).setCryptoAlgorithm(algorithm)
            .setKeyString(new KeyStringBuilder().setKeyStringStyle(new KeystringBuilder().setKeystring(secret)
                .build()).build());
    }

    /** A key whose send and accept lifetime starts at a yang:date-and-time given as text. */
    static KeyBuilder keyFrom(final long id, final CryptoAlgorithm algorithm, final String secret,
            final String startDateTime) {
        return key(id, algorithm, secret).setLifetime(new LifetimeBuilder().setLifetime(
            new SendAndAcceptLifetimeBuilder().setSendAcceptLifetime(new SendAcceptLifetimeBuilder().setLifetime(
                new StartEndTimeBuilder().setStartDateTime(new DateAndTime(startDateTime)).build()).build())
            .build()).build());
    }

    static KeyChains chains(final String name, final Key... keys) {
        return new KeyChainsBuilder().setKeyChain(BindingMap.of(new KeyChainBuilder().setName(name)
            .setKey(BindingMap.ordered(List.of(keys))).build())).build();
    }
}
