/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The spoofing tool of the flood and spoof tests: {@code src/test/resources/flood/flooder.c},
 * compiled by the test with gcc into its run directory, run inside one of the test's namespaces.
 * It sends BFD Control packets with a chosen (the real peer's) source address and TTL 64 through
 * a raw socket, as fast as the machine allows, for a time or a count.
 */
final class Flooder {
    /** One spoofed stream: source, destination, UDP port, Your Discriminator (or "random"). */
    record Target(String source, String destination, int port, String yourDiscr) {
    }

    /** What the tool reported. */
    record Result(long sent, double seconds, long pps) {
    }

    private final Path binary;
    private final Path dir;

    private Flooder(final Path binary, final Path dir) {
        this.binary = binary;
        this.dir = dir;
    }

    static Flooder build() {
        final Path dir = RunDir.create("flooder");
        final Path source = dir.resolve("flooder.c");
        try (InputStream in = Flooder.class.getResourceAsStream("/flood/flooder.c")) {
            if (in == null) {
                throw new IllegalStateException("flood/flooder.c is missing from the test resources");
            }
            Files.copy(in, source);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy flooder.c", e);
        }
        final Path binary = dir.resolve("flooder");
        Shell.run(Duration.ofSeconds(60), "gcc", "-O2", "-Wall", "-o", binary.toString(), source.toString()).check();
        return new Flooder(binary, dir);
    }

    /** Runs in {@code ns} for {@code seconds} (or until {@code count} packets, when positive). */
    Result run(final NetNs net, final String ns, final double seconds, final long count, final List<Target> targets) {
        final StringBuilder lines = new StringBuilder();
        for (Target target : targets) {
            lines.append(target.source()).append(' ').append(target.destination()).append(' ').append(target.port())
                .append(' ').append(target.yourDiscr()).append('\n');
        }
        final Path file = dir.resolve("targets-" + System.nanoTime() + ".txt");
        RunDir.write(file, lines.toString());
        // niced: a real attacker spends its own CPU, not ours; it still sends as fast as idle CPU allows
        final Shell.Result result = Shell.run(Duration.ofSeconds((long) seconds + 30), "ip", "netns", "exec", ns,
            "nice", "-n", "10", binary.toString(), Double.toString(seconds), Long.toString(count), file.toString())
            .check();
        // SENT n REFUSED r SECONDS s PPS p
        final String[] words = result.out().trim().split("\\s+");
        return new Result(Long.parseLong(words[1]), Double.parseDouble(words[5]), Long.parseLong(words[7]));
    }
}
