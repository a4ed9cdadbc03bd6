/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.common.net.InetAddresses;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.routetracker.Prefix;

/**
 * The rtnetlink messages byte for byte, without a kernel: what we build parses back, the layout
 * is iproute2's request for the same route (strace of ip route replace) plus RTA_TABLE, and a VRF
 * link's table is read from IFLA_LINKINFO (this machine's kernel has no VRF driver, so the kernel
 * tests cannot create one).
 */
class MessagesTest {
    private static final Prefix NET = Prefix.parse("203.0.113.0/24");

    @Test
    void multipathReplaceHasTheKernelLayout() {
        final ByteBuffer buf = NlMessage.buffer(1024);
        RouteMessages.replace(buf, 7, 254, NET, List.of(
            new RouteMessages.Hop(InetAddresses.forString("192.0.2.2"), 2),
            new RouteMessages.Hop(InetAddresses.forString("198.51.100.2"), 3)), RouteMessages.RTN_UNICAST, 84, 20);
        buf.flip();
        final byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        // nlmsghdr(len 88, RTM_NEWROUTE, REQUEST|ACK|REPLACE|CREATE, seq 7), rtmsg(inet, /24, main, proto 84,
        // universe, unicast), RTA_DST, RTA_PRIORITY 20, RTA_TABLE 254, RTA_MULTIPATH{rtnexthop+RTA_GATEWAY x2}
        // (little-endian host)
        if (java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN) {
            assertEquals("58000000180005050700000000000000" + "02180000fe540001" + "00000000"
                + "08000100cb007100" + "0800060014000000" + "08000f00fe000000"
                + "24000900" + "1000000002000000" + "08000500c0000202" + "1000000003000000" + "08000500c6336402",
                HexFormat.of().formatHex(bytes));
        }
        final var parsed = RouteMessages.parse(ByteBuffer.wrap(bytes).order(buf.order()), 0, bytes.length);
        assertNotNull(parsed);
        assertEquals(NET, parsed.prefix());
        assertEquals(254, parsed.table());
        assertEquals(84, parsed.protocol());
        assertEquals(20, parsed.metric());
        assertEquals(List.of(new RouteMessages.Hop(InetAddresses.forString("192.0.2.2"), 2),
            new RouteMessages.Hop(InetAddresses.forString("198.51.100.2"), 3)), parsed.hops());
    }

    @Test
    void deleteNamesProtocolMetricAndTable() {
        final ByteBuffer buf = NlMessage.buffer(256);
        RouteMessages.delete(buf, 9, 1001, Prefix.parse("2001:db8::/32"), 84, 20);
        buf.flip();
        final var parsed = RouteMessages.parse(buf, 0, buf.limit());
        assertNotNull(parsed);
        assertEquals(RouteMessages.RTM_DELROUTE, buf.getShort(4));
        // table 1001 does not fit rtm_table: RTA_TABLE carries it
        assertEquals(0, buf.get(NlMessage.HEADER + 4));
        assertEquals(1001, parsed.table());
        assertEquals(Prefix.parse("2001:db8::/32"), parsed.prefix());
        assertEquals(84, parsed.protocol());
    }

    @Test
    void vrfLinkGivesItsTableAndVethPeersAreNoParents() {
        final ByteBuffer buf = NlMessage.buffer(512);
        link(buf, 7, "vpna", "vrf", 0, 1010);
        final var vrf = LinkMessages.parseLink(buf, 0, buf.position());
        assertEquals(new LinkMessages.Link(7, "vpna", "vrf", 0, 0, 1010, 0), vrf);

        buf.clear();
        link(buf, 8, "vA", "veth", 9, 0);
        assertEquals(0, LinkMessages.parseLink(buf, 0, buf.position()).parent());

        buf.clear();
        link(buf, 10, "vA.100", "vlan", 8, 0);
        assertEquals(8, LinkMessages.parseLink(buf, 0, buf.position()).parent());
    }

    private static void link(final ByteBuffer buf, final int index, final String name, final String kind,
            final int parent, final int table) {
        final int start = NlMessage.begin(buf, LinkMessages.RTM_NEWLINK, (short) 0, 1);
        buf.put((byte) 0).put((byte) 0).putShort((short) 1).putInt(index).putInt(0).putInt(0);
        NlMessage.attr(buf, LinkMessages.IFLA_IFNAME, (name + "\0").getBytes(StandardCharsets.US_ASCII));
        if (parent != 0) {
            NlMessage.attrInt(buf, LinkMessages.IFLA_LINK, parent);
        }
        final int info = NlMessage.beginNested(buf, LinkMessages.IFLA_LINKINFO);
        NlMessage.attr(buf, LinkMessages.IFLA_INFO_KIND, (kind + "\0").getBytes(StandardCharsets.US_ASCII));
        if (table != 0) {
            final int data = NlMessage.beginNested(buf, LinkMessages.IFLA_INFO_DATA);
            NlMessage.attrInt(buf, LinkMessages.IFLA_VRF_TABLE, table);
            NlMessage.endNested(buf, data);
        }
        NlMessage.endNested(buf, info);
        NlMessage.end(buf, start);
    }
}
