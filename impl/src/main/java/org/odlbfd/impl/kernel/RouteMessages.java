/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.routetracker.Prefix;

/**
 * rtnetlink route messages (rtnetlink(7), linux/rtnetlink.h): RTM_NEWROUTE with NLM_F_REPLACE to
 * install or change a route in one step (ECMP as RTA_MULTIPATH), RTM_DELROUTE restricted to our
 * protocol and metric, and the RTM_GETROUTE dump read back at start.
 *
 * <pre>
 *  struct rtmsg (12)
 *  +--------+---------+---------+-----+-------+----------+-------+------+-----------+
 *  | family | dst_len | src_len | tos | table | protocol | scope | type | flags 32  |
 *  +--------+---------+---------+-----+-------+----------+-------+------+-----------+
 *  RTA_MULTIPATH: struct rtnexthop (8) { len 16, flags 8, hops 8, ifindex 32 } + RTA_GATEWAY, ...
 * </pre>
 */
final class RouteMessages {
    static final short RTM_NEWROUTE = 24;
    static final short RTM_DELROUTE = 25;
    static final short RTM_GETROUTE = 26;
    static final int RTMSG = 12;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int RT_TABLE_MAIN = 254;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_LINK = 253;
    static final int RT_SCOPE_NOWHERE = 255;
    static final int RTN_UNICAST = 1;
    static final int RTN_BLACKHOLE = 6;
    static final int RTN_UNREACHABLE = 7;
    static final int RTN_PROHIBIT = 8;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_MULTIPATH = 9;
    static final int RTA_TABLE = 15;
    private static final int RTNH = 8;

    /**
     * One next hop, resolved for the kernel.
     *
     * @param gateway the gateway, or null for a device route
     * @param ifindex the outgoing interface's index, 0 to let the kernel resolve the gateway
     */
    record Hop(@Nullable InetAddress gateway, int ifindex) {
    }

    /**
     * A route read back from a dump.
     *
     * @param table the table
     * @param prefix the destination
     * @param protocol rtm_protocol
     * @param metric RTA_PRIORITY
     * @param type rtm_type
     * @param hops the next hops (one, or the RTA_MULTIPATH entries)
     */
    record Dumped(int table, Prefix prefix, int protocol, int metric, int type, List<Hop> hops) {
    }

    private RouteMessages() {
        // static only
    }

    /**
     * RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE: creates the route or replaces the one with the same
     * table, prefix and metric, next hops and all, in one step (no window without a route).
     *
     * @param type RTN_UNICAST, or RTN_BLACKHOLE/UNREACHABLE/PROHIBIT (then no hops)
     */
    static void replace(final ByteBuffer buf, final int seq, final int table, final Prefix prefix, final List<Hop> hops,
            final int type, final int protocol, final int metric) {
        final int start = NlMessage.begin(buf, RTM_NEWROUTE, (short) (NlMessage.NLM_F_REQUEST | NlMessage.NLM_F_ACK
            | NlMessage.NLM_F_CREATE | NlMessage.NLM_F_REPLACE), seq);
        // a route through an interface alone is on-link (scope link); any other is universe
        final boolean deviceOnly = type == RTN_UNICAST && hops.size() == 1 && hops.get(0).gateway() == null;
        rtmsg(buf, prefix, table, protocol, deviceOnly ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE, type);
        common(buf, prefix, table, metric);
        if (hops.size() == 1) {
            final Hop hop = hops.get(0);
            if (hop.gateway() != null) {
                NlMessage.attr(buf, RTA_GATEWAY, hop.gateway().getAddress());
            }
            if (hop.ifindex() != 0) {
                NlMessage.attrInt(buf, RTA_OIF, hop.ifindex());
            }
        } else if (hops.size() > 1) {
            final int mp = NlMessage.beginNested(buf, RTA_MULTIPATH);
            for (Hop hop : hops) {
                final int nh = buf.position();
                // rtnh_hops is the weight minus one: equal weights, equal shares (ECMP)
                buf.putShort((short) 0).put((byte) 0).put((byte) 0).putInt(hop.ifindex());
                if (hop.gateway() != null) {
                    NlMessage.attr(buf, RTA_GATEWAY, hop.gateway().getAddress());
                }
                buf.putShort(nh, (short) (buf.position() - nh));
            }
            NlMessage.endNested(buf, mp);
        }
        NlMessage.end(buf, start);
    }

    /**
     * RTM_DELROUTE of our route only: protocol and metric must match, so another daemon's route to
     * the same prefix survives.
     */
    static void delete(final ByteBuffer buf, final int seq, final int table, final Prefix prefix, final int protocol,
            final int metric) {
        final int start = NlMessage.begin(buf, RTM_DELROUTE, (short) (NlMessage.NLM_F_REQUEST | NlMessage.NLM_F_ACK),
            seq);
        rtmsg(buf, prefix, table, protocol, RT_SCOPE_NOWHERE, 0);
        common(buf, prefix, table, metric);
        NlMessage.end(buf, start);
    }

    /**
     * RTM_GETROUTE of one address ({@code ip route get}): the kernel answers with the route it would
     * use, its gateway and outgoing interface.
     *
     * @param oif the VRF device's index to look up in that VRF, 0 for the default VRF
     */
    static void lookup(final ByteBuffer buf, final int seq, final java.net.InetAddress address, final int oif) {
        final int start = NlMessage.begin(buf, RTM_GETROUTE, NlMessage.NLM_F_REQUEST, seq);
        final byte[] bytes = address.getAddress();
        buf.put((byte) (bytes.length == 4 ? AF_INET : AF_INET6)).put((byte) (bytes.length * 8))
            .put(new byte[RTMSG - 2]);
        NlMessage.attr(buf, RTA_DST, bytes);
        if (oif != 0) {
            NlMessage.attrInt(buf, RTA_OIF, oif);
        }
        NlMessage.end(buf, start);
    }

    /** RTM_GETROUTE dump of one family, every table. */
    static void dump(final ByteBuffer buf, final int seq, final boolean ipv4) {
        final int start = NlMessage.begin(buf, RTM_GETROUTE, (short) (NlMessage.NLM_F_REQUEST | NlMessage.NLM_F_DUMP),
            seq);
        buf.put((byte) (ipv4 ? AF_INET : AF_INET6)).put(new byte[RTMSG - 1]);
        NlMessage.end(buf, start);
    }

    private static void rtmsg(final ByteBuffer buf, final Prefix prefix, final int table, final int protocol,
            final int scope, final int type) {
        buf.put((byte) (prefix.ipv4() ? AF_INET : AF_INET6)).put((byte) prefix.length()).put((byte) 0).put((byte) 0)
            // tables above 255 only fit RTA_TABLE; rtm_table then says RT_TABLE_UNSPEC
            .put((byte) (table < 256 ? table : 0)).put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
    }

    private static void common(final ByteBuffer buf, final Prefix prefix, final int table, final int metric) {
        if (prefix.length() > 0) {
            NlMessage.attr(buf, RTA_DST, prefix.address().getAddress());
        }
        NlMessage.attrInt(buf, RTA_PRIORITY, metric);
        NlMessage.attrInt(buf, RTA_TABLE, table);
    }

    /**
     * Parses one RTM_NEWROUTE of a dump.
     *
     * @param buf the datagram
     * @param start the message's start
     * @param length its length
     * @return the route, or null when it is not an IPv4/IPv6 route
     */
    static @Nullable Dumped parse(final ByteBuffer buf, final int start, final int length) {
        final int body = start + NlMessage.HEADER;
        final int family = buf.get(body);
        if (family != AF_INET && family != AF_INET6) {
            return null;
        }
        final int size = family == AF_INET ? 4 : 16;
        final int dstLen = Byte.toUnsignedInt(buf.get(body + 1));
        int table = Byte.toUnsignedInt(buf.get(body + 4));
        final int protocol = Byte.toUnsignedInt(buf.get(body + 5));
        final int type = Byte.toUnsignedInt(buf.get(body + 7));
        byte[] dst = new byte[size];
        int metric = 0;
        InetAddress gateway = null;
        int oif = 0;
        final List<Hop> hops = new ArrayList<>();
        final var attrs = new NlMessage.Attrs(buf, body + RTMSG, start + length);
        while (attrs.advance()) {
            switch (attrs.type()) {
                case RTA_DST -> dst = attrs.bytes();
                case RTA_TABLE -> table = attrs.intValue();
                case RTA_PRIORITY -> metric = attrs.intValue();
                case RTA_GATEWAY -> gateway = address(attrs.bytes());
                case RTA_OIF -> oif = attrs.intValue();
                case RTA_MULTIPATH -> multipath(buf, attrs.start(), attrs.start() + attrs.length(), hops);
                default -> {
                    // not needed
                }
            }
        }
        if (hops.isEmpty() && (gateway != null || oif != 0)) {
            hops.add(new Hop(gateway, oif));
        }
        return new Dumped(table, new Prefix(address(dst), dstLen), protocol, metric, type, hops);
    }

    private static void multipath(final ByteBuffer buf, final int from, final int to, final List<Hop> hops) {
        int at = from;
        while (at + RTNH <= to) {
            final int length = Short.toUnsignedInt(buf.getShort(at));
            if (length < RTNH || at + length > to) {
                return;
            }
            final int ifindex = buf.getInt(at + 4);
            InetAddress gateway = null;
            final var attrs = new NlMessage.Attrs(buf, at + RTNH, at + length);
            while (attrs.advance()) {
                if (attrs.type() == RTA_GATEWAY) {
                    gateway = address(attrs.bytes());
                }
            }
            hops.add(new Hop(gateway, ifindex));
            at += NlMessage.align(length);
        }
    }

    static InetAddress address(final byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + bytes.length + " bytes", e);
        }
    }
}
