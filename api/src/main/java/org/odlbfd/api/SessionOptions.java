/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Path settings of a session a client creates, beside its key and timers.
 *
 * @param source the local address for a single-hop session (one of the interface's, RFC 5881 §4), or
 *        null to let the system choose; a multihop key names its own, so it is ignored there
 * @param minRxTtl multihop only: the lowest TTL (hop limit) accepted on received packets (RFC 5883
 *        §2); single-hop sessions always require 255 (RFC 5881 §5)
 */
public record SessionOptions(@Nullable InetAddress source, int minRxTtl) {
    /** No source chosen; a multihop peer at most one router away (FRR's default minimum TTL 254). */
    public static final SessionOptions DEFAULT = new SessionOptions(null, 254);

    /**
     * Checks the TTL.
     *
     * @param source local address or null
     * @param minRxTtl 1..255
     */
    public SessionOptions {
        if (minRxTtl < 1 || minRxTtl > 255) {
            throw new IllegalArgumentException("rx-ttl " + minRxTtl + " must be in 1..255");
        }
    }
}
