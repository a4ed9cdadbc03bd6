/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.util.Map;
import org.odlbfd.api.SessionKey;

/**
 * Everything the tracker takes from the configuration datastore, immutable.
 *
 * @param instances static instances by name
 * @param sessionNames the key of every operator-configured bfdv1 session, by its session-name
 *        (explicit, or the default {@code sh:IF:DEST} / {@code mh:SRC->DEST})
 * @param couplings process-interface-status sessions, by interface name
 */
public record TrackedConfig(Map<String, StaticInstance> instances, Map<String, SessionKey> sessionNames,
        Map<String, Coupling> couplings) {
    /** Nothing configured. */
    public static final TrackedConfig EMPTY = new TrackedConfig(Map.of(), Map.of(), Map.of());

    /**
     * Copies.
     *
     * @param instances instances
     * @param sessionNames session names
     * @param couplings couplings
     */
    public TrackedConfig {
        instances = Map.copyOf(instances);
        sessionNames = Map.copyOf(sessionNames);
        couplings = Map.copyOf(couplings);
    }
}
