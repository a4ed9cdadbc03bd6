/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

/**
 * The UDP ports of RFC 5881 §4 and RFC 5883 §2.
 */
public final class Ports {
    /** Single-hop Control packets, RFC 5881 §4. */
    public static final int SINGLE_HOP = 3784;
    /** Echo packets, RFC 5881 §4. */
    public static final int ECHO = 3785;
    /** Multihop Control packets, RFC 5883 §2. */
    public static final int MULTI_HOP = 4784;
    /** Source port of single-hop Control packets; RFC 5881 §4 wants 49152-65535 (FRR uses 49152). */
    public static final int SOURCE_SINGLE_HOP = 49152;
    /** Source port of multihop Control packets (FRR uses 49153). */
    public static final int SOURCE_MULTI_HOP = 49153;
    /** Lowest source port allowed, RFC 5881 §4. */
    public static final int SOURCE_MIN = 49152;

    private Ports() {
        // constants
    }
}
