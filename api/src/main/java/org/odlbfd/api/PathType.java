/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

/**
 * What a BFD session runs over; mirrors the {@code path-type} identities of ietf-bfd-types.
 */
public enum PathType {
    /** RFC 5881, UDP 3784, TTL 255 both ways. */
    IP_SINGLE_HOP,
    /** RFC 5883, UDP 4784, rx-ttl floor. */
    IP_MULTI_HOP,
    /** RFC 7130 micro-BFD on a LAG member, UDP 6784. */
    LAG,
    /** RFC 5884 BFD for MPLS LSPs. */
    MPLS
}
