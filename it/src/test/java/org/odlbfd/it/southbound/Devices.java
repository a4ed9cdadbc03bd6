/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.southbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.interop.Testbed;

/**
 * What the NETCONF test devices share: the YANG modules they load, and bounded waits.
 */
public final class Devices {
    private Devices() {
    }

    /** Fails the test unless netconfd, sshd and the test login are installed (tools/install-peers.sh). */
    public static void requireNetconfd() {
        Testbed.require(NetconfdDevice.NETCONFD, NetconfdDevice.SSHD, "/usr/sbin/netconf-subsystem");
        if (!Shell.run("id", NetconfdDevice.USER).ok()) {
            throw new IllegalStateException("user " + NetconfdDevice.USER + " missing: run tools/install-peers.sh");
        }
    }

    /** The modules both devices load: RFC 9314, its imports and odl-bfd-ext, unpacked by it/pom.xml. */
    public static Path yangDir() {
        final var dir = Path.of(System.getProperty("bfd.it.deviceYang", "target/device-yang/META-INF/yang"))
            .toAbsolutePath();
        if (!Files.isReadable(dir.resolve("ietf-bfd@2022-09-22.yang"))) {
            throw new IllegalStateException("no device YANG in " + dir + ": it/pom.xml unpacks it (profile "
                + "southbound-devices)");
        }
        return dir;
    }

    /** Bounded wait until something listens on address:port inside the namespace. */
    static void awaitListening(final NetNs net, final String ns, final String address, final int port,
            final Duration timeout) {
        final long end = System.nanoTime() + timeout.toNanos();
        final String local = ":" + port + " ";
        while (System.nanoTime() < end) {
            final var out = net.exec(ns, "ss", "-ltnH").out();
            for (var line : out.split("\n")) {
                if (line.contains(address) && line.contains(local)) {
                    return;
                }
            }
            Shell.sleep(200);
        }
        throw new IllegalStateException("nothing listens on " + address + ":" + port + " in " + ns + " after "
            + timeout);
    }

    /** Bounded wait until a process we signalled is gone. */
    static void awaitGone(final long pid, final Duration timeout) {
        final long end = System.nanoTime() + timeout.toNanos();
        while (Shell.alive(pid) && System.nanoTime() < end) {
            Shell.sleep(50);
        }
    }
}
