/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of the test's own (unique name, deleted at the end), so that routes are
 * programmed there and never in the host's tables. Needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN), as
 * every test that touches namespaces does in this project (tools/test.sh runs as root).
 */
final class TestNamespace implements AutoCloseable {
    private final String name;

    private TestNamespace(final String name) {
        this.name = name;
    }

    static TestNamespace create(final String tag) throws IOException, InterruptedException {
        assumeTrue("0".equals(run("id", "-u").trim()), "needs root for a network namespace");
        final String name = "odlbfd-" + tag + "-" + ProcessHandle.current().pid();
        run("ip", "netns", "add", name);
        final TestNamespace ns = new TestNamespace(name);
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    Path path() {
        return Path.of("/run/netns", name);
    }

    /** Runs {@code ip -n NS ARGS}, failing on a non-zero exit. */
    String ip(final String... args) throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    static String run(final String... cmd) throws IOException, InterruptedException {
        final Path out = Files.createTempFile("odlbfd-ip", ".out");
        try {
            final Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not end in 10 s");
            }
            final String text = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "del", name);
    }
}
