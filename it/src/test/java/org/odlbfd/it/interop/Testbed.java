/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Preconditions of the interop tests. A missing tool is a failure, never a skip: a green run must
 * mean the peers really ran. {@code tools/install-peers.sh} installs everything listed here.
 */
public final class Testbed {
    public static final String BFDD = "/usr/lib/frr/bfdd";
    public static final String ZEBRA = "/usr/lib/frr/zebra";
    public static final String VTYSH = "/usr/bin/vtysh";
    public static final String BIRD = "/usr/sbin/bird";
    public static final String BIRDC = "/usr/sbin/birdc";
    static final String KEEPALIVED = "/usr/sbin/keepalived";
    static final String NFT = "/usr/sbin/nft";
    static final String PING = "/usr/bin/ping";

    private Testbed() {
    }

    /** Fails the calling test class loudly unless we are root and every binary is installed. */
    public static void require(final String... binaries) {
        final List<String> problems = new ArrayList<>();
        if (!"0".equals(Shell.run("id", "-u").out().trim())) {
            problems.add("not running as root (network namespaces need it)");
        }
        final Shell.Result netns = Shell.run("ip", "netns", "list");
        if (!netns.ok()) {
            problems.add("`ip netns list` failed: " + netns.err());
        }
        for (String bin : List.of(PING, NFT)) {
            if (!Files.isExecutable(Path.of(bin))) {
                problems.add(bin + " missing");
            }
        }
        for (String bin : binaries) {
            if (!Files.isExecutable(Path.of(bin))) {
                problems.add(bin + " missing");
            }
        }
        if (!problems.isEmpty()) {
            fail("interop testbed not usable: " + problems + " - run tools/install-peers.sh as root");
        }
    }
}
