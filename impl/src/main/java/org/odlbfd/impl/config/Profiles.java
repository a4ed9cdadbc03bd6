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
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Bfd1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.Profile;

/**
 * The profiles of one bfdv1 instance (odl-bfd-ext {@code bfd/profiles/profile}, FRR's
 * {@code bfd profile}) and its {@code default-profile}: which profile a session takes its unset
 * values from. The static-route tracker resolves a tracked next hop's profile the same way.
 */
public final class Profiles {
    /** An instance without profiles. */
    public static final Profiles NONE = new Profiles(Map.of(), null);

    private final Map<String, Profile> byName;
    private final @Nullable String defaultProfile;

    private Profiles(final Map<String, Profile> byName, final @Nullable String defaultProfile) {
        this.byName = byName;
        this.defaultProfile = defaultProfile;
    }

    /**
     * Reads the profiles of an instance.
     *
     * @param bfd the instance's {@code bfd} container, or null
     * @return its profiles
     */
    public static Profiles of(final @Nullable Bfd bfd) {
        final Bfd1 ext = bfd == null ? null : bfd.augmentation(Bfd1.class);
        if (ext == null) {
            return NONE;
        }
        final var map = new LinkedHashMap<String, Profile>();
        if (ext.getProfiles() != null) {
            for (var profile : ext.getProfiles().nonnullProfile().values()) {
                map.put(profile.requireName(), profile);
            }
        }
        return new Profiles(Map.copyOf(map), ext.getDefaultProfile());
    }

    /**
     * The profile a session uses: the one it names, else the instance's default-profile.
     *
     * @param own the session's {@code profile} leaf, or null
     * @return the profile, or null when the session uses none
     * @throws IllegalArgumentException when the profile named does not exist (the commit cohort
     *     refuses that; this guards data written around it)
     */
    public @Nullable Profile forSession(final @Nullable String own) {
        final String name = own != null ? own : defaultProfile;
        if (name == null) {
            return null;
        }
        final Profile profile = byName.get(name);
        if (profile == null) {
            throw new IllegalArgumentException((own != null ? "profile " : "default-profile ") + name
                + " does not exist");
        }
        return profile;
    }

    /**
     * Every profile by name.
     *
     * @return the profiles
     */
    public Map<String, Profile> all() {
        return byName;
    }

    /**
     * The instance's default profile.
     *
     * @return its name, or null
     */
    public @Nullable String defaultProfile() {
        return defaultProfile;
    }
}
