/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.config.ConfigMapper;
import org.odlbfd.impl.config.ConfigValidator;
import org.odlbfd.impl.config.KeyChainParser.Chain;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleInterval;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.LinkEnd;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Links;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.Link;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link._static.discriminators.assignment.Given;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The rules of odl-bfd-ext links that YANG cannot express, checked before a commit like the ietf-bfd
 * rules of {@link ConfigValidator}. Pure; each message names the link, the field and the rule. A
 * collision with a session placed on the same device is not judged here (it depends on the ietf-bfd
 * configuration of the same moment): the link's end then shows failed, saying with what.
 */
final class LinkValidator {
    private LinkValidator() {
        // static only
    }

    /**
     * Checks every link.
     *
     * @param links the links after the commit, or null
     * @param chains every key chain after the commit
     * @return one message per broken rule
     */
    static List<String> validate(final @Nullable Links links, final Map<String, Chain> chains) {
        final var errors = new ArrayList<String>();
        if (links == null) {
            return errors;
        }
        final var sessions = new HashMap<EntryKey, String>();
        final var discriminators = new HashMap<String, String>();
        for (var link : links.nonnullLink().values()) {
            final var where = "link " + link.getName();
            final var endA = link.getEndA();
            final var endB = link.getEndB();
            if (endA == null || endB == null) {
                errors.add(where + ": needs end-a and end-b");
                continue;
            }
            final var addressA = ConfigMapper.toInet(endA.requireLocalAddress());
            final var addressB = ConfigMapper.toInet(endB.requireLocalAddress());
            addresses(where, addressA, addressB, errors);
            if (endA.requireNode().equals(endB.requireNode())
                    && endA.requireInterface().equals(endB.requireInterface())) {
                errors.add(where + ": end-a and end-b are the same interface " + endA.getInterface() + " of "
                    + endA.getNode() + "; a link joins two ends");
            }
            intervals(where, link, errors);
            errors.addAll(ConfigValidator.checkAuthentication(where, link.getAuthentication(), chains));
            final var instance = link.getProtocolInstance() == null ? LinkRenderer.DEFAULT_INSTANCE
                : link.getProtocolInstance();
            unique(where, endA, addressB, instance, sessions, errors);
            unique(where, endB, addressA, instance, sessions, errors);
            if (link.getStaticDiscriminators() != null
                    && link.getStaticDiscriminators().getAssignment() instanceof Given given) {
                discriminator(where, "end-a-discriminator", endA.requireNode(), given.getEndADiscriminator() == null
                    ? null : given.getEndADiscriminator().getValue(), discriminators, errors);
                discriminator(where, "end-b-discriminator", endB.requireNode(), given.getEndBDiscriminator() == null
                    ? null : given.getEndBDiscriminator().getValue(), discriminators, errors);
            }
        }
        return errors;
    }

    private static void addresses(final String where, final InetAddress addressA, final InetAddress addressB,
            final List<String> errors) {
        if (addressA.getClass() != addressB.getClass()) {
            errors.add(where + ": end-a local-address " + addressA.getHostAddress() + " and end-b local-address "
                + addressB.getHostAddress() + " must be of the same address family");
        } else if (addressA.equals(addressB)) {
            errors.add(where + ": end-a and end-b local-address must differ (both " + addressA.getHostAddress()
                + ")");
        }
        for (var address : List.of(addressA, addressB)) {
            if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
                errors.add(where + ": local-address " + address.getHostAddress()
                    + " is not a unicast address (RFC 5881 section 4)");
            }
        }
    }

    private static void intervals(final String where, final Link link, final List<String> errors) {
        final Uint32 tx;
        if (link.getIntervalConfigType() instanceof TxRxIntervals txRx) {
            tx = txRx.getDesiredMinTxInterval();
        } else if (link.getIntervalConfigType() instanceof SingleInterval single) {
            tx = single.getMinInterval();
        } else {
            tx = null;
        }
        if (tx != null && tx.longValue() == 0) {
            errors.add(where + ": desired-min-tx-interval must not be 0: bfd.DesiredMinTxInterval is never zero "
                + "(RFC 5880 section 6.8.1)");
        }
    }

    private static void unique(final String where, final LinkEnd end, final InetAddress peer, final String instance,
            final Map<EntryKey, String> sessions, final List<String> errors) {
        final var key = new EntryKey(end.requireNode() + "/" + instance,
            new org.odlbfd.api.SingleHopKey(end.requireInterface(), peer));
        final var other = sessions.putIfAbsent(key, where);
        if (other != null) {
            errors.add(where + ": its session on " + end.getNode() + " (interface " + end.getInterface()
                + " to " + peer.getHostAddress() + ") is already " + other + "'s");
        }
    }

    private static void discriminator(final String where, final String field, final String node,
            final @Nullable Uint32 value, final Map<String, String> used, final List<String> errors) {
        if (value == null) {
            return;
        }
        final var other = used.putIfAbsent(node + "/" + value, where + " " + field);
        if (other != null) {
            errors.add(where + ": " + field + " " + value + " is already used on " + node + " by " + other
                + "; bfd.LocalDiscr must be unique in the system (RFC 5880 section 6.8.1)");
        }
    }
}
