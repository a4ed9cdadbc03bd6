/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionExtParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * The form an entry takes on a device. A device knows RFC 9314; it may also implement odl-bfd-ext
 * (our remote agent does, and so do the test devices), and then it gets the session settings of
 * odl-bfd-ext too. It never gets {@code placement}: that says where the controller puts the session,
 * which means nothing on the device itself. Any other augmentation (another module of the controller's)
 * stays on the controller.
 */
final class DeviceForm {
    private DeviceForm() {
        // static only
    }

    /**
     * An ip-sh session as a device holds it.
     *
     * @param intent the session as configured on the controller
     * @param interfaceAuth the controller's {@code ip-sh/interfaces[interface]/authentication} of the
     *     session's interface: folded into the session when it has none of its own, same meaning
     * @param keepExt keep odl-bfd-ext's session settings
     * @return the device's form
     */
    static Session session(final Session intent, final @Nullable Authentication interfaceAuth,
            final boolean keepExt) {
        final var builder = new SessionBuilder(intent);
        for (var type : intent.augmentations().keySet()) {
            if (!keepExt || type != Session1.class) {
                builder.removeAugmentation(type);
            }
        }
        if (intent.getAuthentication() == null && interfaceAuth != null) {
            builder.setAuthentication(interfaceAuth);
        }
        return builder.build();
    }

    /**
     * An ip-mh session group as a device holds it.
     *
     * @param intent the group as configured on the controller
     * @param keepExt keep odl-bfd-ext's session settings
     * @return the device's form
     */
    static SessionGroup group(final SessionGroup intent, final boolean keepExt) {
        final var builder = new SessionGroupBuilder(intent);
        for (var type : intent.augmentations().keySet()) {
            if (!keepExt || type != SessionGroup1.class) {
                builder.removeAugmentation(type);
            }
        }
        return builder.build();
    }

    /**
     * The entry without odl-bfd-ext, for a device that does not implement it.
     *
     * @param config a device form
     * @return the same without odl-bfd-ext
     */
    static DataObject withoutExt(final DataObject config) {
        return switch (config) {
            case Session session -> session(session, null, false);
            case SessionGroup group -> group(group, false);
            default -> throw new IllegalArgumentException("not an ietf-bfd entry: " + config);
        };
    }

    /**
     * Whether an entry uses odl-bfd-ext settings that change how the session runs. A device without
     * odl-bfd-ext cannot run such an entry as configured; the name and description only label it.
     *
     * @param config a device form
     * @return true with echo, static discriminators or the passive role
     */
    static boolean needsExt(final DataObject config) {
        return switch (config) {
            case Session session -> {
                final var ext = session.augmentation(Session1.class);
                yield behaves(ext) || ext != null && ext.getEcho() != null
                    && Boolean.TRUE.equals(ext.getEcho().getEnabled());
            }
            case SessionGroup group -> behaves(group.augmentation(SessionGroup1.class));
            default -> false;
        };
    }

    private static boolean behaves(final @Nullable SessionExtParms ext) {
        return ext != null && (ext.getStaticLocalDiscriminator() != null || ext.getStaticRemoteDiscriminator() != null
            || Boolean.TRUE.equals(ext.getPassive()));
    }

    /**
     * The key chain an entry authenticates with.
     *
     * @param config a device form
     * @return the chain's name, or null
     */
    static @Nullable String keyChain(final DataObject config) {
        final Authentication auth = switch (config) {
            case Session session -> session.getAuthentication();
            case SessionGroup group -> group.getAuthentication();
            default -> null;
        };
        return auth == null ? null : auth.getKeyChain();
    }
}
