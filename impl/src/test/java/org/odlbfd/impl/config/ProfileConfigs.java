/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.BfdBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Bfd1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.damping.parms.DampingBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.ProfilesBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.Profile;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.ProfileBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Test data for odl-bfd-ext profiles: a profile builder and an instance with profiles added.
 */
final class ProfileConfigs {
    private ProfileConfigs() {
        // static only
    }

    static ProfileBuilder profile(final String name) {
        return new ProfileBuilder().setName(name);
    }

    static DampingBuilder damping(final long halfLifeS, final long suppress, final long reuse, final long maxS) {
        return new DampingBuilder().setEnabled(true).setHalfLife(Uint16.valueOf(halfLifeS))
            .setSuppress(Uint32.valueOf(suppress)).setReuse(Uint32.valueOf(reuse))
            .setMaxSuppressTime(Uint16.valueOf(maxS));
    }

    /** The instance with these profiles and default profile. */
    static ControlPlaneProtocol withProfiles(final ControlPlaneProtocol protocol, final @Nullable String dflt,
            final Profile... profiles) {
        final var aug = protocol.augmentation(ControlPlaneProtocol1.class);
        final var bfd = new BfdBuilder(aug.getBfd()).addAugmentation(new Bfd1Builder()
            .setProfiles(new ProfilesBuilder().setProfile(BindingMap.ordered(List.of(profiles))).build())
            .setDefaultProfile(dflt).build()).build();
        return new ControlPlaneProtocolBuilder(protocol)
            .addAugmentation(new ControlPlaneProtocol1Builder(aug).setBfd(bfd).build()).build();
    }
}
