/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session2;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup2;

/**
 * What the tracker reads from the operator's bfdv1 instances: each session's key by its name (for
 * {@code bfd/session-name} of a next hop, Huawei's {@code track bfd-session NAME}), and the sessions
 * with process-interface-status. The names are the ones the operator sees: the odl-bfd-ext
 * {@code session-name}, else the default {@code sh:IF:DEST} or {@code mh:SRC->DEST}.
 *
 * @param names key by session name
 * @param couplings process-interface-status sessions by interface
 */
record BfdSessions(Map<String, SessionKey> names, Map<String, Coupling> couplings) {
    static BfdSessions of(final Collection<ControlPlaneProtocol> protocols) {
        final Map<String, SessionKey> names = new HashMap<>();
        final Map<String, Coupling> couplings = new HashMap<>();
        for (var protocol : protocols) {
            final var aug = protocol.augmentation(ControlPlaneProtocol1.class);
            if (!(protocol.getType() instanceof Bfdv1) || aug == null || aug.getBfd() == null) {
                continue;
            }
            final var bfd = aug.getBfd();
            final var sh = bfd.augmentation(Bfd1.class);
            if (sh != null && sh.getIpSh() != null && sh.getIpSh().getSessions() != null) {
                for (var session : sh.getIpSh().getSessions().nonnullSession().values()) {
                    final var key = new SingleHopKey(session.requireInterface(),
                        ConfigReader.toInet(session.requireDestAddr()));
                    final var ext = session.augmentation(Session1.class);
                    final String name = ext != null && ext.getSessionName() != null ? ext.getSessionName()
                        : "sh:" + key.interfaceName() + ":" + key.destination().getHostAddress();
                    names.put(name, key);
                    final var status = session.augmentation(Session2.class);
                    if (status != null && status.getProcessInterfaceStatus() != null) {
                        couplings.putIfAbsent(key.interfaceName(), new Coupling(key, name,
                            Boolean.TRUE.equals(status.getProcessInterfaceStatus().getSubInterfaces())));
                    }
                }
            }
            final var mh = bfd.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh
                .rev220922.Bfd1.class);
            if (mh != null && mh.getIpMh() != null && mh.getIpMh().getSessionGroups() != null) {
                for (var group : mh.getIpMh().getSessionGroups().nonnullSessionGroup().values()) {
                    final var vrf = group.augmentation(SessionGroup2.class);
                    final var key = new MultiHopKey(ConfigReader.toInet(group.requireSourceAddr()),
                        ConfigReader.toInet(group.requireDestAddr()), vrf == null ? null : vrf.getVrf());
                    final var ext = group.augmentation(SessionGroup1.class);
                    names.put(ext != null && ext.getSessionName() != null ? ext.getSessionName()
                        : "mh:" + key.source().getHostAddress() + "->" + key.destination().getHostAddress(), key);
                }
            }
        }
        return new BfdSessions(names, couplings);
    }
}
