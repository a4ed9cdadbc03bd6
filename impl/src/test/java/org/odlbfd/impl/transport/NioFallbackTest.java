/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Issue 9: on a platform without native epoll the fallback runs on NIO, which can neither send
 * with TTL 255 nor see the received TTL. A single-hop session there is refused with a clear
 * status (RFC 5881 §5 cannot be met), never run without GTSM; multihop still opens.
 */
class NioFallbackTest {
    private static final TransportConfig PORTS = new TransportConfig(45784, 45784, 46784, 46784, 45785, 45785,
        50501, 50502, 1 << 20);

    @Test
    void singleHopIsRefusedWithoutNativeEpoll() throws Exception {
        final InetAddress local = InetAddress.getByName("127.0.0.1");
        final InetAddress peer = InetAddress.getByName("127.0.0.2");
        try (UdpTransport nio = UdpTransport.create(1, PORTS, false)) {
            assertFalse(nio.nativeTransport());
            final SessionConfig singleHop = new SessionConfig("sh", new SingleHopKey("lo", peer), local, 300_000,
                300_000, 3, 0, 0, false, false, null, "", 0, 0, 254, false);
            assertFalse(nio.open(singleHop));
            assertFalse(nio.openAsync(singleHop).join());
            final String status = nio.status(singleHop);
            assertTrue(status != null && status.contains("RFC 5881") && status.contains("NIO"), status);

            final SessionConfig multiHop = new SessionConfig("mh", new MultiHopKey(local, peer), local, 300_000,
                300_000, 3, 0, 0, false, false, null, "", 0, 0, 254, false);
            assertTrue(nio.open(multiHop));
            assertNull(nio.status(multiHop));
        }
    }
}
