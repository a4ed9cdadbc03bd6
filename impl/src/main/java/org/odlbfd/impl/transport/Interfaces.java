/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.linux.UdpSocket;

/**
 * Interface names by index, for the datagrams' IP_PKTINFO (an index) against the sessions'
 * configuration (a name). Small indexes sit in an array, so a lookup on the receive path allocates
 * nothing; a miss asks the kernel once.
 */
final class Interfaces {
    private static final int ARRAY = 4096;
    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");
    /** linux/if.h IFF_POINTOPOINT: a point-to-point link (tun, gre, ipip, ppp, wireguard). */
    static final int IFF_POINTOPOINT = 0x10;
    private final AtomicReferenceArray<String> small = new AtomicReferenceArray<>(ARRAY);
    private final ConcurrentHashMap<Integer, String> large = new ConcurrentHashMap<>();
    /** IFF_POINTOPOINT by interface name, for the names whose flags could be read. */
    private final ConcurrentHashMap<String, Boolean> pointToPoint = new ConcurrentHashMap<>();

    @Nullable String name(final int index) {
        if (index <= 0) {
            return null;
        }
        String name = index < ARRAY ? small.get(index) : large.get(index);
        if (name == null) {
            name = UdpSocket.interfaceName(index);
            if (name != null) {
                if (index < ARRAY) {
                    small.set(index, name);
                } else {
                    large.put(index, name);
                }
            }
        }
        return name;
    }

    /**
     * Forgets the names (an interface was renamed or replaced).
     */
    void clear() {
        for (int i = 0; i < ARRAY; i++) {
            small.set(i, null);
        }
        large.clear();
        pointToPoint.clear();
    }

    /**
     * Whether an interface is point-to-point (RFC 5881 §6 then accepts the first packet from any
     * source address). Read once per name, unreadable flags included: the names asked about are
     * those packets arrived on, and a flood on an interface whose flags cannot be read must not
     * cost a file read per packet. {@link #clear} forgets the answers.
     *
     * @param ifname interface name
     * @return true when its flags have IFF_POINTOPOINT
     */
    boolean pointToPoint(final String ifname) {
        final Boolean known = pointToPoint.get(ifname);
        if (known != null) {
            return known;
        }
        final int flags = flagsOf(SYS_CLASS_NET, ifname);
        final boolean p2p = flags >= 0 && (flags & IFF_POINTOPOINT) != 0;
        if (pointToPoint.size() < ARRAY) {
            // bounded: names come from the kernel's interface table, not from packet contents
            pointToPoint.put(ifname, p2p);
        }
        return p2p;
    }

    /**
     * Whether the interface of this index is point-to-point.
     *
     * @param index interface index
     * @return true when its flags have IFF_POINTOPOINT
     */
    boolean pointToPoint(final int index) {
        final String ifname = name(index);
        return ifname != null && pointToPoint(ifname);
    }

    /**
     * An interface's flags (linux/if.h IFF_*), from /sys/class/net/IF/flags ("0x1091").
     *
     * @param sysClassNet /sys/class/net (another directory in tests)
     * @param ifname interface name
     * @return the flags, or -1 when there is no such interface or the name is no plain name
     */
    static int flagsOf(final Path sysClassNet, final String ifname) {
        if (ifname.isEmpty() || ifname.indexOf('/') >= 0 || ifname.startsWith(".")) {
            return -1;
        }
        try {
            final String text = Files.readString(sysClassNet.resolve(ifname).resolve("flags")).strip();
            return Integer.parseInt(text.startsWith("0x") ? text.substring(2) : text, 16);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The VRF an interface is enslaved to: its master, when the master is a VRF device
     * (/sys/class/net/IF/master and the master's {@code vrf} link kind).
     *
     * @param ifname interface
     * @return the VRF device name, or null for the default VRF
     */
    static @Nullable String vrfOf(final String ifname) {
        final Path master = SYS_CLASS_NET.resolve(ifname).resolve("master");
        try {
            if (!Files.isSymbolicLink(master)) {
                return null;
            }
            final String name = Files.readSymbolicLink(master).getFileName().toString();
            // a VRF device has no 'bridge' or 'bonding' directory; its uevent says DEVTYPE=vrf
            final Path uevent = SYS_CLASS_NET.resolve(name).resolve("uevent");
            return Files.isReadable(uevent) && Files.readString(uevent).contains("DEVTYPE=vrf") ? name : null;
        } catch (IOException e) {
            return null;
        }
    }
}
