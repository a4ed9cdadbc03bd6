/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionPolicyParms;

/**
 * odl-bfd-ext profiles: a session's {@code profile} and an instance's {@code default-profile} name a
 * profile of the same instance (the datastore does not check such references, and a session naming
 * a missing profile would not run), and what a profile sets obeys the rules a session's own leaves
 * obey: the platform's interval floor, an existing and usable key chain.
 */
final class ProfileRules implements ConfigRule {
    @Override
    public void check(final ConfigView config, final Violations violations) {
        final Map<String, Profiles> instances = byProtocol(config);
        for (var instance : instances.entrySet()) {
            final var profiles = instance.getValue();
            final var dflt = profiles.defaultProfile();
            if (dflt != null && !profiles.all().containsKey(dflt)) {
                violations.add("bfd default-profile (protocol " + instance.getKey() + ")", "default-profile " + dflt
                    + " does not exist: it must name an entry of odl-bfd-ext profiles/profile in this instance");
            }
            for (var profile : profiles.all().values()) {
                final var where = "profile " + profile.requireName() + " (protocol " + instance.getKey() + ")";
                final var tx = profile.getDesiredMinTxInterval();
                // the embedded agent's floor: profiles feed its sessions
                TimerRules.interval(violations, where, "desired-min-tx-interval", tx, false, true);
                TimerRules.interval(violations, where, "required-min-rx-interval", profile.getRequiredMinRxInterval(),
                    true, true);
                if (profile.getEcho() != null) {
                    TimerRules.echo(violations, where, profile.getEcho(), true);
                }
                AuthRules.authentication(config, violations, where, profile.getAuthentication());
            }
        }
        for (var session : config.sessions()) {
            final var name = profileOf(session);
            final var profiles = instances.getOrDefault(session.protocol(), Profiles.NONE);
            if (name != null && !profiles.all().containsKey(name)) {
                violations.add(session.where(), "profile " + name + " does not exist: a session's profile must name an"
                    + " entry of odl-bfd-ext profiles/profile in its own instance (protocol " + session.protocol()
                    + ")");
            }
        }
    }

    /**
     * The session's own {@code profile} leaf.
     *
     * @param session the session
     * @return the name, or null
     */
    static @Nullable String profileOf(final ConfiguredSession session) {
        return session.ext() instanceof SessionPolicyParms parms ? parms.getProfile() : null;
    }

    /**
     * The profiles of every bfdv1 instance.
     *
     * @param config the configuration
     * @return instance name to its profiles
     */
    static Map<String, Profiles> byProtocol(final ConfigView config) {
        final var result = new LinkedHashMap<String, Profiles>();
        final var protocols = config.protocols();
        if (protocols != null) {
            for (var protocol : protocols.nonnullControlPlaneProtocol().values()) {
                final var aug = protocol.augmentation(ControlPlaneProtocol1.class);
                if (protocol.getType() instanceof Bfdv1 && aug != null && aug.getBfd() != null) {
                    result.put(protocol.requireName(), Profiles.of(aug.getBfd()));
                }
            }
        }
        return result;
    }
}
