/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import org.odlbfd.api.SingleHopKey;

/**
 * A single-hop session with odl-bfd-ext process-interface-status: its state is its interface's
 * BFD status (seed 000, Huawei's process-interface-status).
 *
 * @param key the session (its interface is the coupled one)
 * @param sessionName the session's name as the operator sees it
 * @param subInterfaces whether sub-interfaces (Linux links whose IFLA_LINK is this one) follow it
 */
public record Coupling(SingleHopKey key, String sessionName, boolean subInterfaces) {
    /**
     * Checks the components.
     *
     * @param key key
     * @param sessionName name
     * @param subInterfaces sub-interfaces follow
     */
    public Coupling {
        requireNonNull(key, "key");
        requireNonNull(sessionName, "sessionName");
    }
}
