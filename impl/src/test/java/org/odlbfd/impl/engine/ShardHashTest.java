/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * The placement hash on its own: the values the steering program must reproduce (worked by hand
 * from its definition), and the spread over loops of peers numbered with one parity. The agreement
 * with the kernel is {@code transport.SteeringTest}'s.
 */
class ShardHashTest {
    private static InetAddress addr(final String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void definitionIsTheWordTimesTheGoldenRatioShiftedModuloTheLoops() {
        // worked by hand (python3): 192.0.2.1 = 0xc0000201, times 0x9e3779b9 mod 2^32 = 0xcd2aebb9,
        // >> 16 = 0xcd2a = 52522, mod 7 = 1
        assertEquals(1, ShardHash.ofPeer(addr("192.0.2.1"), 7));
        // IPv6: the XOR of the four words, 0x20010db8 ^ 0 ^ 0 ^ 1 = 0x20010db9, times the multiplier
        // = 0xc0fe5bb1, >> 16 = 49406, mod 5 = 1
        assertEquals(1, ShardHash.ofPeer(addr("2001:db8::1"), 5));
        assertEquals(0, ShardHash.ofPeer(addr("0.0.0.0"), 3), "zero hashes to zero");
        assertEquals(1, ShardHash.ofDiscr(-1, 2), "unsigned: 0xffffffff is odd");
        assertEquals(Integer.remainderUnsigned(-7, 5), ShardHash.ofDiscr(-7, 5));
    }

    @Test
    void peersOfOneParitySpreadOverTwoLoops() {
        final int[] v4 = new int[2];
        final int[] v6 = new int[2];
        for (int i = 2; i <= 200; i += 2) {
            v4[ShardHash.ofPeer(addr("198.51.100." + i), 2)]++;
            v6[ShardHash.ofPeer(addr("2001:db8::" + Integer.toHexString(i)), 2)]++;
        }
        assertTrue(v4[0] >= 30 && v4[1] >= 30, "IPv4 even peers over 2 loops: " + v4[0] + "/" + v4[1]);
        assertTrue(v6[0] >= 30 && v6[1] >= 30, "IPv6 even peers over 2 loops: " + v6[0] + "/" + v6[1]);
    }
}
