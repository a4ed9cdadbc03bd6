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
    private final AtomicReferenceArray<String> small = new AtomicReferenceArray<>(ARRAY);
    private final ConcurrentHashMap<Integer, String> large = new ConcurrentHashMap<>();

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
    }

    /**
     * The VRF an interface is enslaved to: its master, when the master is a VRF device
     * (/sys/class/net/IF/master and the master's {@code vrf} link kind).
     *
     * @param ifname interface
     * @return the VRF device name, or null for the default VRF
     */
    static @Nullable String vrfOf(final String ifname) {
        final Path master = Path.of("/sys/class/net", ifname, "master");
        try {
            if (!Files.isSymbolicLink(master)) {
                return null;
            }
            final String name = Files.readSymbolicLink(master).getFileName().toString();
            // a VRF device has no 'bridge' or 'bonding' directory; its uevent says DEVTYPE=vrf
            final Path uevent = Path.of("/sys/class/net", name, "uevent");
            return Files.isReadable(uevent) && Files.readString(uevent).contains("DEVTYPE=vrf") ? name : null;
        } catch (IOException e) {
            return null;
        }
    }
}
