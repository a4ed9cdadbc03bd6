/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.routetracker.Prefix;

/**
 * rtnetlink link and address messages: the RTM_GETLINK and RTM_GETADDR dumps and the
 * RTM_NEWLINK / RTM_NEWADDR entries they return.
 *
 * <pre>
 *  struct ifinfomsg (16): family 8, pad 8, type 16, index 32, flags 32, change 32
 *    IFLA_IFNAME, IFLA_LINK (the parent of a VLAN/macvlan, the peer of a veth), IFLA_MASTER (the VRF
 *    an interface is enslaved to), IFLA_LINK_NETNSID (the IFLA_LINK lives in another namespace),
 *    IFLA_LINKINFO { IFLA_INFO_KIND "vrf" | "vlan" | ..., IFLA_INFO_DATA { IFLA_VRF_TABLE } }
 *  struct ifaddrmsg (8): family 8, prefixlen 8, flags 8, scope 8, index 32; IFA_ADDRESS
 * </pre>
 */
final class LinkMessages {
    static final short RTM_NEWLINK = 16;
    static final short RTM_DELLINK = 17;
    static final short RTM_GETLINK = 18;
    static final short RTM_NEWADDR = 20;
    static final short RTM_DELADDR = 21;
    static final short RTM_GETADDR = 22;
    static final int IFINFOMSG = 16;
    static final int IFADDRMSG = 8;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_LINK = 5;
    static final int IFLA_MASTER = 10;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_LINK_NETNSID = 37;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int IFLA_VRF_TABLE = 1;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    /** Multicast groups of link and address changes (RTMGRP_LINK, RTMGRP_IPV4_IFADDR, RTMGRP_IPV6_IFADDR). */
    static final int GROUPS = 0x1 | 0x10 | 0x100;

    /**
     * One link.
     *
     * @param index ifindex
     * @param name its name
     * @param kind IFLA_INFO_KIND ("vrf", "vlan", "veth", ...), or null for a plain device
     * @param parent IFLA_LINK in this namespace, 0 when none or in another namespace
     * @param master IFLA_MASTER (the VRF or bridge it is enslaved to), 0 when none
     * @param vrfTable IFLA_VRF_TABLE of a VRF link, 0 otherwise
     * @param flags ifi_flags (IFF_UP 0x1, IFF_RUNNING 0x40)
     */
    record Link(int index, String name, @Nullable String kind, int parent, int master, int vrfTable, int flags) {
        static final int IFF_UP = 0x1;
        static final int IFF_RUNNING = 0x40;
    }

    /**
     * One address with its connected prefix.
     *
     * @param index the link's ifindex
     * @param prefix the connected prefix
     */
    record Address(int index, Prefix prefix) {
    }

    private LinkMessages() {
        // static only
    }

    static void dumpLinks(final ByteBuffer buf, final int seq) {
        final int start = NlMessage.begin(buf, RTM_GETLINK, (short) (NlMessage.NLM_F_REQUEST | NlMessage.NLM_F_DUMP),
            seq);
        buf.put(new byte[IFINFOMSG]);
        NlMessage.end(buf, start);
    }

    static void dumpAddresses(final ByteBuffer buf, final int seq) {
        final int start = NlMessage.begin(buf, RTM_GETADDR, (short) (NlMessage.NLM_F_REQUEST | NlMessage.NLM_F_DUMP),
            seq);
        buf.put(new byte[IFADDRMSG]);
        NlMessage.end(buf, start);
    }

    static @Nullable Link parseLink(final ByteBuffer buf, final int start, final int length) {
        final int body = start + NlMessage.HEADER;
        final int index = buf.getInt(body + 4);
        final int flags = buf.getInt(body + 8);
        String name = null;
        String kind = null;
        int parent = 0;
        int master = 0;
        int vrfTable = 0;
        boolean foreignParent = false;
        final var attrs = new NlMessage.Attrs(buf, body + IFINFOMSG, start + length);
        while (attrs.advance()) {
            switch (attrs.type()) {
                case IFLA_IFNAME -> name = attrs.string();
                case IFLA_LINK -> parent = attrs.intValue();
                case IFLA_MASTER -> master = attrs.intValue();
                case IFLA_LINK_NETNSID -> foreignParent = true;
                case IFLA_LINKINFO -> {
                    final var info = attrs.nested();
                    while (info.advance()) {
                        if (info.type() == IFLA_INFO_KIND) {
                            kind = info.string();
                        } else if (info.type() == IFLA_INFO_DATA) {
                            final var data = info.nested();
                            while (data.advance()) {
                                if (data.type() == IFLA_VRF_TABLE && "vrf".equals(kind)) {
                                    vrfTable = data.intValue();
                                }
                            }
                        }
                    }
                }
                default -> {
                    // not needed
                }
            }
        }
        if (name == null) {
            return null;
        }
        // a veth's IFLA_LINK is its peer, and a link in another namespace is nobody's parent here
        return new Link(index, name, kind, foreignParent || "veth".equals(kind) || parent == index ? 0 : parent,
            master, vrfTable, flags);
    }

    static @Nullable Address parseAddress(final ByteBuffer buf, final int start, final int length) {
        final int body = start + NlMessage.HEADER;
        final int family = buf.get(body);
        if (family != RouteMessages.AF_INET && family != RouteMessages.AF_INET6) {
            return null;
        }
        final int prefixLength = Byte.toUnsignedInt(buf.get(body + 1));
        final int index = buf.getInt(body + 4);
        InetAddress address = null;
        InetAddress local = null;
        final var attrs = new NlMessage.Attrs(buf, body + IFADDRMSG, start + length);
        while (attrs.advance()) {
            if (attrs.type() == IFA_ADDRESS) {
                address = RouteMessages.address(attrs.bytes());
            } else if (attrs.type() == IFA_LOCAL) {
                local = RouteMessages.address(attrs.bytes());
            }
        }
        // IFA_ADDRESS is the peer on a point-to-point link: the connected side is the peer's
        final InetAddress connected = address != null ? address : local;
        return connected == null ? null : new Address(index, new Prefix(connected, prefixLength));
    }
}
