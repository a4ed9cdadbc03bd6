/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point-to-point flag the transport gives the engine (RFC 5881 §6), read from
 * /sys/class/net/IF/flags. The host's {@code lo} is read for real; a point-to-point device is shown
 * with a copy of the flags a tun device has (0x1091), since a test may create devices only inside
 * its own network namespace, whose sysfs this JVM does not see.
 */
class InterfacesTest {
    @Test
    void loopbackIsNotPointToPoint() {
        final int flags = Interfaces.flagsOf(Path.of("/sys/class/net"), "lo");
        // IFF_UP | IFF_LOOPBACK at least: the file was really read
        assertNotEquals(-1, flags);
        assertEquals(0x9, flags & 0x9);
        assertEquals(0, flags & Interfaces.IFF_POINTOPOINT);
        assertFalse(new Interfaces().pointToPoint("lo"));
    }

    @Test
    void theFlagsOfATunDeviceSayPointToPoint(@TempDir final Path sys) throws IOException {
        Files.createDirectories(sys.resolve("tun0"));
        // what /sys/class/net/tun0/flags holds for an up tun device: UP|POINTOPOINT|NOARP|MULTICAST
        Files.writeString(sys.resolve("tun0").resolve("flags"), "0x1091\n");
        Files.createDirectories(sys.resolve("eth0"));
        Files.writeString(sys.resolve("eth0").resolve("flags"), "0x1003\n");
        assertEquals(Interfaces.IFF_POINTOPOINT, Interfaces.flagsOf(sys, "tun0") & Interfaces.IFF_POINTOPOINT);
        assertEquals(0, Interfaces.flagsOf(sys, "eth0") & Interfaces.IFF_POINTOPOINT);
    }

    @Test
    void noSuchInterfaceOrNoPlainNameIsNotPointToPoint(@TempDir final Path sys) throws IOException {
        Files.writeString(sys.resolve("flags"), "0x1091\n");
        assertEquals(-1, Interfaces.flagsOf(sys, "nosuch0"));
        assertEquals(-1, Interfaces.flagsOf(sys.resolve("x"), ".."));
        assertEquals(-1, Interfaces.flagsOf(sys, "a/b"));
        assertEquals(-1, Interfaces.flagsOf(sys, ""));
        assertFalse(new Interfaces().pointToPoint("odlbfd-nosuch0"));
    }
}
