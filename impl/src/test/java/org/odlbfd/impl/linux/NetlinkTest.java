/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JNI library against the running kernel: an RTM_GETLINK dump over rtnetlink must list the
 * loopback interface of the namespace the test runs in.
 */
class NetlinkTest {
    private static final short RTM_NEWLINK = 16;
    private static final short RTM_GETLINK = 18;
    private static final short NLMSG_ERROR = 2;
    private static final short NLMSG_DONE = 3;
    private static final short NLM_F_REQUEST = 1;
    private static final short NLM_F_DUMP = 0x300;
    private static final short IFLA_IFNAME = 3;
    private static final int NLMSG_HDRLEN = 16;
    private static final int IFINFOMSG_LEN = 16;

    @Test
    void libraryLoads() {
        assertNull(NativeLibrary.unavailabilityCause(), "libodlbfd must build and load on this machine");
        assertTrue(NativeLibrary.isAvailable());
    }

    @Test
    void linkDumpListsLoopback() throws IOException {
        final Set<String> names = new HashSet<>();
        try (Netlink netlink = Netlink.open(Netlink.NETLINK_ROUTE, 0, 0)) {
            assertTrue(netlink.portId() > 0, "the kernel assigns a port id on bind");
            final ByteBuffer request = ByteBuffer.allocateDirect(NLMSG_HDRLEN + IFINFOMSG_LEN)
                .order(ByteOrder.nativeOrder());
            request.putInt(NLMSG_HDRLEN + IFINFOMSG_LEN).putShort(RTM_GETLINK)
                .putShort((short) (NLM_F_REQUEST | NLM_F_DUMP)).putInt(1).putInt(0);
            request.put(new byte[IFINFOMSG_LEN]).flip();
            netlink.send(request);
            assertEquals(0, request.remaining());

            final ByteBuffer reply = ByteBuffer.allocateDirect(32 * 1024).order(ByteOrder.nativeOrder());
            boolean done = false;
            // bounded: a dump of a test namespace or host takes a handful of datagrams
            for (int datagrams = 0; datagrams < 1000 && !done; datagrams++) {
                reply.clear();
                assertTrue(netlink.receive(reply, 5000) > 0, "the kernel answers within 5 s");
                done = parse(reply, names);
            }
            assertTrue(done, "the dump ends with NLMSG_DONE");
        }
        assertTrue(names.contains("lo"), "links seen: " + names);
    }

    @Test
    void refusesHeapBuffers() throws IOException {
        try (Netlink netlink = Netlink.open(Netlink.NETLINK_ROUTE, 0, 0)) {
            assertThrows(IllegalArgumentException.class, () -> netlink.send(ByteBuffer.allocate(16)));
        }
    }

    private static boolean parse(final ByteBuffer datagram, final Set<String> names) {
        while (datagram.remaining() >= NLMSG_HDRLEN) {
            final int start = datagram.position();
            final int length = datagram.getInt(start);
            final short type = datagram.getShort(start + 4);
            if (type == NLMSG_DONE) {
                return true;
            }
            assertTrue(type != NLMSG_ERROR, "the kernel refused the dump");
            if (type == RTM_NEWLINK) {
                int attr = start + NLMSG_HDRLEN + IFINFOMSG_LEN;
                while (attr + 4 <= start + length) {
                    final int attrLength = Short.toUnsignedInt(datagram.getShort(attr));
                    if (attrLength < 4) {
                        break;
                    }
                    if (datagram.getShort(attr + 2) == IFLA_IFNAME) {
                        final byte[] name = new byte[attrLength - 5];
                        datagram.get(attr + 4, name);
                        names.add(new String(name, StandardCharsets.US_ASCII));
                    }
                    attr += attrLength + 3 & ~3;
                }
            }
            datagram.position(start + (length + 3 & ~3));
        }
        return false;
    }
}
