/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.config.KeyChainParser.Chain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yangtools.binding.Augmentable;

/**
 * The configuration one transaction would leave (or started from), read once for all rule sets:
 * every BFD session of every bfdv1 instance, every ip-sh interface authentication, and every key
 * chain. It holds what a commit's candidate holds for both subtrees, so a session and the key
 * chain it uses can arrive in the same transaction.
 */
public final class ConfigView {
    /** Nothing configured. */
    public static final ConfigView EMPTY = new ConfigView(null, Map.of());

    /**
     * The authentication of an ip-sh {@code interfaces} entry.
     *
     * @param where how messages name it
     * @param interfaceName the interface
     * @param authentication its authentication container
     */
    public record InterfaceAuth(String where, String interfaceName, Authentication authentication) {
    }

    /**
     * An entry that could not be read as a session at all.
     *
     * @param where how messages name it
     * @param message why
     */
    record Unreadable(String where, String message) {
    }

    private final @Nullable ControlPlaneProtocols protocols;
    private final Map<String, Chain> keyChains;
    private final List<ConfiguredSession> sessions = new ArrayList<>();
    private final List<InterfaceAuth> interfaceAuth = new ArrayList<>();
    private final List<Unreadable> unreadable = new ArrayList<>();

    private ConfigView(final @Nullable ControlPlaneProtocols protocols, final Map<String, Chain> keyChains) {
        this.protocols = protocols;
        this.keyChains = Map.copyOf(keyChains);
        if (protocols != null) {
            for (var protocol : protocols.nonnullControlPlaneProtocol().values()) {
                final var bfdAug = protocol.augmentation(ControlPlaneProtocol1.class);
                if (protocol.getType() instanceof Bfdv1 && bfdAug != null && bfdAug.getBfd() != null) {
                    read(protocol.requireName(), bfdAug.getBfd());
                }
            }
        }
    }

    /**
     * Reads a configuration.
     *
     * @param protocols the control-plane-protocols container, or null when absent
     * @param keyChains the key chains, parsed
     * @return the view
     */
    public static ConfigView of(final @Nullable ControlPlaneProtocols protocols, final Map<String, Chain> keyChains) {
        return new ConfigView(protocols, keyChains);
    }

    /**
     * Reads a configuration.
     *
     * @param protocols the control-plane-protocols container, or null when absent
     * @param keyChains the ietf-key-chain container, or null when absent
     * @return the view
     */
    public static ConfigView of(final @Nullable ControlPlaneProtocols protocols, final @Nullable KeyChains keyChains) {
        return new ConfigView(protocols, KeyChainParser.parse(keyChains));
    }

    /**
     * Every control-plane-protocol, BFD or not, for rule sets about other protocols (static routes).
     *
     * @return the container, or null
     */
    public @Nullable ControlPlaneProtocols protocols() {
        return protocols;
    }

    /**
     * Every key chain by name.
     *
     * @return the chains
     */
    public Map<String, Chain> keyChains() {
        return keyChains;
    }

    /**
     * Every BFD session: ip-sh sessions and ip-mh session groups of all bfdv1 instances, in order.
     *
     * @return the sessions
     */
    public List<ConfiguredSession> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Every ip-sh {@code interfaces} entry that has authentication.
     *
     * @return the entries
     */
    public List<InterfaceAuth> interfaceAuth() {
        return List.copyOf(interfaceAuth);
    }

    /**
     * Entries that could not be read as sessions at all (an empty interface name).
     *
     * @return the entries and why
     */
    List<Unreadable> unreadable() {
        return List.copyOf(unreadable);
    }

    private void read(final String protocol, final Bfd bfd) {
        final var sh = bfd.augmentation(Bfd1.class);
        if (sh != null && sh.getIpSh() != null) {
            for (var entry : sh.getIpSh().nonnullInterfaces().values()) {
                if (entry.getAuthentication() != null) {
                    interfaceAuth.add(new InterfaceAuth("ip-sh interfaces " + entry.getInterface() + " (protocol "
                        + protocol + ")", entry.requireInterface(), entry.getAuthentication()));
                }
            }
            if (sh.getIpSh().getSessions() != null) {
                for (var session : sh.getIpSh().getSessions().nonnullSession().values()) {
                    singleHop(protocol, session);
                }
            }
        }
        // the ip-mh augmentation shares the class name Bfd1 with the imported ip-sh one
        final var mh = bfd.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh
            .rev220922.Bfd1.class);
        if (mh != null && mh.getIpMh() != null && mh.getIpMh().getSessionGroups() != null) {
            for (var group : mh.getIpMh().getSessionGroups().nonnullSessionGroup().values()) {
                multiHop(protocol, group);
            }
        }
    }

    private void singleHop(final String protocol, final Session session) {
        final var dest = ConfigMapper.toInet(session.requireDestAddr());
        final var where = "ip-sh session interface=" + session.getInterface() + " dest-addr="
            + dest.getHostAddress() + " (protocol " + protocol + placedOn(session) + ")";
        if (session.requireInterface().isEmpty()) {
            unreadable.add(new Unreadable(where, "interface must not be empty: a single-hop session runs on one "
                + "interface (RFC 5881 section 2)"));
            return;
        }
        final var ext = session.augmentation(Session1.class);
        sessions.add(new ConfiguredSession(protocol, where, new SingleHopKey(session.requireInterface(), dest),
            session.getSourceAddr() == null ? null : ConfigMapper.toInet(session.getSourceAddr()), session,
            session.getAuthentication(), ext, ext == null ? null : ext.getEcho(), session));
    }

    private void multiHop(final String protocol, final SessionGroup group) {
        final var source = ConfigMapper.toInet(group.requireSourceAddr());
        final var dest = ConfigMapper.toInet(group.requireDestAddr());
        final var where = "ip-mh session-group source-addr=" + source.getHostAddress() + " dest-addr="
            + dest.getHostAddress() + " (protocol " + protocol + placedOn(group) + ")";
        if (source.getClass() != dest.getClass()) {
            unreadable.add(new Unreadable(where, AddressRules.familyMessage(source, dest)));
            return;
        }
        sessions.add(new ConfiguredSession(protocol, where, new MultiHopKey(source, dest), source, group,
            group.getAuthentication(), group.augmentation(SessionGroup1.class), null, group));
    }

    private static String placedOn(final Augmentable<?> entry) {
        final var node = Placements.node(entry);
        return node == null ? "" : ", placed on " + node;
    }
}
