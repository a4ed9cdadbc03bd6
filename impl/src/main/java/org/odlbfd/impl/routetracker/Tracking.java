/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;

/**
 * How a next hop is tracked by BFD.
 */
public sealed interface Tracking {
    /**
     * A session of the tracker's own, through the client API, shared with every other user of the
     * same key (other routes, the operator).
     *
     * @param key the session key: interface and next hop, or source and next hop for multihop
     * @param params the timers this next hop asks for
     * @param options source address and multihop TTL floor
     */
    record OwnSession(SessionKey key, SessionParams params, SessionOptions options) implements Tracking {
        /**
         * Checks the components.
         *
         * @param key key
         * @param params timers
         * @param options options
         */
        public OwnSession {
            requireNonNull(key, "key");
            requireNonNull(params, "params");
            requireNonNull(options, "options");
        }
    }

    /**
     * An operator-configured session, named by its odl-bfd-ext session-name (Huawei's
     * {@code track bfd-session NAME}); its key comes from the bfdv1 configuration.
     *
     * @param name the session-name
     */
    record NamedSession(String name) implements Tracking {
        /**
         * Checks the name.
         *
         * @param name session-name
         */
        public NamedSession {
            requireNonNull(name, "name");
        }
    }
}
