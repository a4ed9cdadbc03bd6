/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.Map;
import org.odlbfd.api.SessionKey;

/**
 * A read-only view of the local discriminators the embedded agent runs its sessions with, both
 * static and the random ones it allocated (RFC 5880 §6.8.1). The commit cohort uses it to refuse,
 * with a 4xx, what the engine would otherwise refuse later and only log: a static discriminator
 * that another running session already has, or a new one for a running session.
 */
@FunctionalInterface
public interface RunningDiscriminators {
    /** No running sessions (tests, or sessions not on this controller). */
    RunningDiscriminators NONE = Map::of;

    /**
     * The sessions running now and their local discriminators (unsigned 32-bit values in an int).
     *
     * @return an immutable snapshot
     */
    Map<SessionKey, Integer> running();
}
