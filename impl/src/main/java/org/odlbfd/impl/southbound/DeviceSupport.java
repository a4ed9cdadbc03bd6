/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.interfaces.rev180220.interfaces.Interface;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Links;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Which of the modules the southbound renders a device implements, from its mount point's schema.
 * The controller writes with its own module revisions, so a device that implements a module in
 * another revision is named, not guessed at: RFC 9314 (2022-09-22), RFC 8349 (2018-03-13) and
 * RFC 8177 (2017-06-15) are the revisions devices implement for these models.
 *
 * @param routing ietf-routing and ietf-bfd(-types): any ietf-bfd at all
 * @param singleHop ietf-bfd-ip-sh
 * @param multiHop ietf-bfd-ip-mh
 * @param keyChain ietf-key-chain
 * @param ext odl-bfd-ext
 * @param interfaces ietf-interfaces
 * @param problems each module the device has in another revision, or lacks although it is needed
 */
record DeviceSupport(boolean routing, boolean singleHop, boolean multiHop, boolean keyChain, boolean ext,
        boolean interfaces, List<String> problems) {
    static final QNameModule ROUTING = ControlPlaneProtocol.QNAME.getModule();
    static final QNameModule BFD = Bfd.QNAME.getModule();
    static final QNameModule BFD_TYPES = Bfdv1.QNAME.getModule();
    static final QNameModule IP_SH = Session.QNAME.getModule();
    static final QNameModule IP_MH = SessionGroup.QNAME.getModule();
    static final QNameModule KEY_CHAIN = KeyChain.QNAME.getModule();
    static final QNameModule EXT = Links.QNAME.getModule();
    static final QNameModule INTERFACES = Interface.QNAME.getModule();

    /**
     * What a device implements.
     *
     * @param context its schema, from the mount point
     * @return its support
     */
    static DeviceSupport of(final EffectiveModelContext context) {
        final var problems = new ArrayList<String>();
        final boolean routing = has(context, ROUTING, problems) & has(context, BFD, problems)
            & has(context, BFD_TYPES, problems);
        return new DeviceSupport(routing, has(context, IP_SH, problems), has(context, IP_MH, problems),
            has(context, KEY_CHAIN, problems), has(context, EXT, problems), has(context, INTERFACES, problems),
            problems);
    }

    private static boolean has(final EffectiveModelContext context, final QNameModule module,
            final List<String> problems) {
        if (context.findModule(module).isPresent()) {
            return true;
        }
        for (var other : context.findModules(module.namespace())) {
            problems.add(other.getName() + " is at revision " + other.getRevision().map(Object::toString)
                .orElse("(none)") + " on the device, the controller renders "
                + module.revision());
        }
        return false;
    }

    /**
     * Why a device cannot hold an entry as wanted, if it cannot.
     *
     * @param wanted the entry
     * @return the reason, or null when it can
     */
    @Nullable String refusal(final Wanted wanted) {
        final var missing = new ArrayList<String>();
        if (!routing) {
            missing.add("ietf-routing/ietf-bfd (RFC 8349/9314)");
        }
        switch (wanted.key().session()) {
            case SingleHopKey sh -> {
                if (!singleHop) {
                    missing.add("ietf-bfd-ip-sh");
                }
            }
            case MultiHopKey mh -> {
                if (!multiHop) {
                    missing.add("ietf-bfd-ip-mh");
                }
            }
        }
        if (wanted.keyChain() != null && !keyChain) {
            missing.add("ietf-key-chain (RFC 8177), which its authentication needs");
        }
        if (wanted.needsExt() && !ext) {
            missing.add("odl-bfd-ext, which its echo, static discriminators or passive role need (RFC 9314 has "
                + "none of them)");
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "the device does not implement " + String.join(", ", missing)
            + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")");
    }

    /**
     * The namespaces the controller writes to this device, which it compares on reads.
     *
     * @return namespaces
     */
    Set<XMLNamespace> judged() {
        final var result = new HashSet<XMLNamespace>();
        for (var module : List.of(ROUTING, BFD, BFD_TYPES, IP_SH, IP_MH, KEY_CHAIN)) {
            result.add(module.namespace());
        }
        if (ext) {
            result.add(EXT.namespace());
        }
        return result;
    }
}
