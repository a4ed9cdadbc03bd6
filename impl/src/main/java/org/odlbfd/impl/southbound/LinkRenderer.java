/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.ConfigMapper;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.odlbfd.impl.southbound.Wanted.Origin;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.LinkEnd;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.NonzeroDiscriminator;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.Link;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.links.link._static.discriminators.assignment.Given;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Turns each odl-bfd-ext link into two matched ip-sh sessions, one per device: end A's session goes
 * from A's address to B's on A's interface, and the other way round; both get the link's timers,
 * multiplier and authentication. With static discriminators, the local discriminator of one end is
 * the remote discriminator of the other (RFC 5880 §6.8.1 lets bfd.RemoteDiscr be known in advance).
 *
 * <p>Allocation is deterministic, so a controller restart renders the same pair without storing it:
 * the candidate is a hash of the link's name, the end and an attempt number, taking the first that
 * no other static discriminator on the same device uses (discriminators are unique per system, RFC
 * 5880 §6.8.1, and each device is its own system). Links are allocated in name order, after the
 * discriminators that are given, so the pair stays as long as the links on those devices do.
 */
final class LinkRenderer {
    /** ietf-bfd-types has no instance name; odl-bfd-ext's default. */
    static final String DEFAULT_INSTANCE = "bfd";
    private static final int MAX_ATTEMPTS = 1_000_000;

    /**
     * One end's entry on its device.
     *
     * @param node the device
     * @param wanted the entry
     */
    record Rendered(String node, Wanted wanted) {
    }

    private LinkRenderer() {
        // static only
    }

    /**
     * Renders every link.
     *
     * @param links the links
     * @param used static local discriminators already taken on each device; allocations are added
     * @return two entries per link
     */
    static List<Rendered> render(final List<Link> links, final Map<String, Set<Long>> used) {
        final var sorted = links.stream().sorted(Comparator.comparing(Link::requireName)).toList();
        for (var link : sorted) {
            if (link.getStaticDiscriminators() != null
                    && link.getStaticDiscriminators().getAssignment() instanceof Given given
                    && link.getEndA() != null && link.getEndB() != null) {
                used.computeIfAbsent(link.getEndA().requireNode(), k -> new HashSet<>())
                    .add(given.requireEndADiscriminator().getValue().toJava());
                used.computeIfAbsent(link.getEndB().requireNode(), k -> new HashSet<>())
                    .add(given.requireEndBDiscriminator().getValue().toJava());
            }
        }
        final var result = new ArrayList<Rendered>();
        for (var link : sorted) {
            final LinkEnd endA = link.getEndA();
            final LinkEnd endB = link.getEndB();
            if (endA == null || endB == null) {
                // the link validator refuses this; nothing to render
                continue;
            }
            long discrA = 0;
            long discrB = 0;
            final var statics = link.getStaticDiscriminators();
            if (statics != null) {
                if (statics.getAssignment() instanceof Given given) {
                    discrA = given.requireEndADiscriminator().getValue().toJava();
                    discrB = given.requireEndBDiscriminator().getValue().toJava();
                } else {
                    discrA = allocate(link.requireName(), "a", used.computeIfAbsent(endA.requireNode(),
                        k -> new HashSet<>()));
                    discrB = allocate(link.requireName(), "b", used.computeIfAbsent(endB.requireNode(),
                        k -> new HashSet<>()));
                }
            }
            result.add(new Rendered(endA.requireNode(), end(link, endA, endB, true, discrA, discrB)));
            result.add(new Rendered(endB.requireNode(), end(link, endB, endA, false, discrB, discrA)));
        }
        return result;
    }

    private static Wanted end(final Link link, final LinkEnd self, final LinkEnd peer, final boolean endA,
            final long local, final long remote) {
        final var instance = link.getProtocolInstance() == null ? DEFAULT_INSTANCE : link.getProtocolInstance();
        final var key = new SingleHopKey(self.requireInterface(), ConfigMapper.toInet(peer.requireLocalAddress()));
        final var session = new SessionBuilder()
            .setInterface(self.requireInterface())
            .setDestAddr(peer.requireLocalAddress())
            .setSourceAddr(self.requireLocalAddress())
            .setLocalMultiplier(link.getLocalMultiplier())
            .setIntervalConfigType(link.getIntervalConfigType())
            .setDemandEnabled(link.getDemandEnabled())
            .setAdminDown(link.getAdminDown())
            .setAuthentication(link.getAuthentication());
        final var ext = new Session1Builder()
            .setDescription(description(link, endA));
        if (local != 0) {
            ext.setStaticLocalDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(local)))
                .setStaticRemoteDiscriminator(new NonzeroDiscriminator(Uint32.valueOf(remote)));
        }
        session.addAugmentation(ext.build());
        final var config = session.build();
        final var chain = link.getAuthentication() == null ? null : link.getAuthentication().getKeyChain();
        return new Wanted(new EntryKey(instance, key), config, chain, local != 0,
            new Origin.LinkEnd(link.requireName(), endA, local, remote), null);
    }

    private static String description(final Link link, final boolean endA) {
        final var text = "odl-bfd link " + link.requireName() + ", end " + (endA ? "A" : "B");
        return text.length() <= 242 ? text : text.substring(0, 242);
    }

    /**
     * A static discriminator for one end, unused on its device.
     *
     * @param link the link's name
     * @param end "a" or "b"
     * @param used the device's static discriminators; the result is added
     * @return a nonzero 31-bit discriminator
     */
    static long allocate(final String link, final String end, final Set<Long> used) {
        // bounded: a device would need millions of static sessions before this gives up
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            final long candidate = hash(link + '\0' + end + '\0' + attempt) & 0x7fff_ffffL;
            if (candidate != 0 && used.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free static discriminator after " + MAX_ATTEMPTS + " attempts");
    }

    private static long hash(final String text) {
        try {
            final var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Integer.toUnsignedLong(ByteBuffer.wrap(digest).getInt());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The link-end origin of a rendered entry, if it is one.
     *
     * @param wanted an entry
     * @return its link end, or null
     */
    static Origin.@Nullable LinkEnd linkEnd(final Wanted wanted) {
        return wanted.origin() instanceof Origin.LinkEnd end ? end : null;
    }
}
