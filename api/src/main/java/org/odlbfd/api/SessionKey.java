/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

import java.net.InetAddress;

/**
 * Identifies a BFD session the way ietf-bfd keys it: single-hop sessions by interface and
 * destination, multihop sessions by source and destination.
 */
public sealed interface SessionKey permits SingleHopKey, MultiHopKey {
    /**
     * The peer's address.
     *
     * @return destination address
     */
    InetAddress destination();

    /**
     * The path this key belongs to.
     *
     * @return path type
     */
    PathType pathType();
}
