/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.List;
import org.odlbfd.impl.config.BfdConfigs;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChainBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.KeyBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.KeyStringBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.key.string.key.string.style.KeystringBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.NonzeroDiscriminator;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup2Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.Link;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.LinkBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.EndABuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.EndBBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link.StaticDiscriminatorsBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link._static.discriminators.assignment.AllocateBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link._static.discriminators.assignment.GivenBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.placement.parms.PlacementBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Test data for the southbound: placed sessions, links and key chains built with the generated builders.
 */
final class SouthboundData {
    private SouthboundData() {
        // static only
    }

    /** An ip-sh session, 300 ms x 3, placed on {@code node} (or on the embedded agent when null). */
    static Session sh(final String ifname, final String dest, final String node) {
        final var builder = new SessionBuilder().setInterface(ifname).setDestAddr(IetfInetUtil.ipAddressFor(dest))
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(3)))
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(300_000))
                .setRequiredMinRxInterval(Uint32.valueOf(300_000)).build());
        if (node != null) {
            builder.addAugmentation(new Session2Builder().setPlacement(new PlacementBuilder().setNode(node).build())
                .build());
        }
        return builder.build();
    }

    /** The same session with a key chain. */
    static Session withChain(final Session session, final String chain) {
        return new SessionBuilder(session).setAuthentication(new AuthenticationBuilder().setKeyChain(chain).build())
            .build();
    }

    /** The same session with a static local discriminator (odl-bfd-ext). */
    static Session withStatic(final Session session, final long local) {
        return new SessionBuilder(session).addAugmentation(new Session1Builder()
            .setStaticLocalDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(local))).build()).build();
    }

    /** An ip-mh session group placed on {@code node}. */
    static SessionGroup mh(final String source, final String dest, final String node) {
        return new SessionGroupBuilder().setSourceAddr(IetfInetUtil.ipAddressFor(source))
            .setDestAddr(IetfInetUtil.ipAddressFor(dest)).setRxTtl(new Hops(Uint8.valueOf(254)))
            .addAugmentation(new SessionGroup2Builder().setPlacement(new PlacementBuilder().setNode(node).build())
                .build())
            .build();
    }

    static ControlPlaneProtocol protocol(final String name, final List<Session> sessions,
            final List<SessionGroup> groups) {
        return BfdConfigs.protocol(name, sessions, groups, List.of());
    }

    /** A link between two devices, 200 ms x 4. */
    static LinkBuilder link(final String name, final String nodeA, final String ifA, final String addrA,
            final String nodeB, final String ifB, final String addrB) {
        return new LinkBuilder().setName(name)
            .setEndA(new EndABuilder().setNode(nodeA).setInterface(ifA)
                .setLocalAddress(IetfInetUtil.ipAddressFor(addrA)).build())
            .setEndB(new EndBBuilder().setNode(nodeB).setInterface(ifB)
                .setLocalAddress(IetfInetUtil.ipAddressFor(addrB)).build())
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(4)))
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(200_000))
                .setRequiredMinRxInterval(Uint32.valueOf(200_000)).build());
    }

    static Link allocated(final LinkBuilder link) {
        return link.setStaticDiscriminators(new StaticDiscriminatorsBuilder()
            .setAssignment(new AllocateBuilder().setAllocate(Empty.value()).build()).build()).build();
    }

    static Link given(final LinkBuilder link, final long endA, final long endB) {
        return link.setStaticDiscriminators(new StaticDiscriminatorsBuilder()
            .setAssignment(new GivenBuilder()
                .setEndADiscriminator(new NonzeroDiscriminator(Uint32.valueOf(endA)))
                .setEndBDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(endB))).build()).build()).build();
    }

    /** A keyed-MD5 chain with one key. */
    static KeyChain md5Chain(final String name, final String secret) {
        return new KeyChainBuilder().setName(name).setKey(BindingMap.of(new KeyBuilder()
            .setKeyId(Uint64.valueOf(5)).setCryptoAlgorithm(Md5.VALUE)
            .setKeyString(new KeyStringBuilder().setKeyStringStyle(new KeystringBuilder().setKeystring(secret)
                .build()).build())
            .build())).build();
    }
}
