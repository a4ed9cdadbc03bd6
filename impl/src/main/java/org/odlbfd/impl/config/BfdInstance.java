/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.HashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;

/**
 * The sessions of one ietf-bfd control-plane-protocol instance (RFC 9314), walked the same way by
 * everyone who reads them: the agent here ({@link BfdConfigListener}) and the renderer for NETCONF
 * devices (package southbound). Each takes its own share by placement.
 */
public final class BfdInstance {
    private BfdInstance() {
        // static only
    }

    /**
     * The bfd container of an instance, when the instance is one of type bfdv1.
     *
     * @param protocol the instance, or null when it was deleted
     * @return its bfd container, or null when it is no BFD instance or has none
     */
    public static @Nullable Bfd bfd(final @Nullable ControlPlaneProtocol protocol) {
        if (protocol == null || !(protocol.getType() instanceof Bfdv1)) {
            return null;
        }
        final var bfdAug = protocol.augmentation(ControlPlaneProtocol1.class);
        return bfdAug == null ? null : bfdAug.getBfd();
    }

    /**
     * Hands every ip-sh session and every ip-mh session group to its consumer, in datastore order.
     * A single-hop session comes with the authentication configured on its interface's ip-sh
     * {@code interfaces} entry, so each reader applies it the same way.
     *
     * @param bfd the instance's bfd container
     * @param singleHop receives each session and its interface's authentication, or null
     * @param multiHop receives each session group
     */
    public static void forEachSession(final Bfd bfd, final BiConsumer<Session, @Nullable Authentication> singleHop,
            final Consumer<SessionGroup> multiHop) {
        final var sh = bfd.augmentation(Bfd1.class);
        if (sh != null && sh.getIpSh() != null && sh.getIpSh().getSessions() != null) {
            final var interfaceAuth = new HashMap<String, Authentication>();
            for (var entry : sh.getIpSh().nonnullInterfaces().values()) {
                if (entry.getAuthentication() != null) {
                    interfaceAuth.put(entry.requireInterface(), entry.getAuthentication());
                }
            }
            for (var session : sh.getIpSh().getSessions().nonnullSession().values()) {
                singleHop.accept(session, interfaceAuth.get(session.requireInterface()));
            }
        }
        // the ip-mh augmentation shares the class name Bfd1 with the imported ip-sh one
        final var mh = bfd.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh
            .rev220922.Bfd1.class);
        if (mh != null && mh.getIpMh() != null && mh.getIpMh().getSessionGroups() != null) {
            for (var group : mh.getIpMh().getSessionGroups().nonnullSessionGroup().values()) {
                multiHop.accept(group);
            }
        }
    }
}
