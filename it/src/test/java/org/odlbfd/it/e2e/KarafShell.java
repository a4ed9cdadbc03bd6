/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distribution's own {@code bin/client} (Karaf's ssh client, port 8101), run inside the
 * controller's network namespace against 127.0.0.1, as an operator logged in to the controller's
 * host would: Karaf's ssh listens on the loopback only (etc/org.apache.karaf.shell.cfg, issue 9).
 * Karaf 4.4.8's client closes its ssh session as soon as its standard input ends, before the
 * command's channel has opened: so a command given as an argument must have a standard input that
 * stays open (a terminal, or here a pipe closed only after the client exits), and batch mode
 * ({@code -b}) reads the commands from standard input.
 */
final class KarafShell {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final String namespace;

    KarafShell(final Path home, final String namespace) {
        this.home = home;
        this.namespace = namespace;
    }

    /** {@code bin/client ... COMMAND}, standard input held open until the client is done. */
    String command(final String command) throws IOException, InterruptedException {
        final var args = base();
        args.add(command);
        return run(args, null);
    }

    /** {@code bin/client -b}, the commands written to its standard input, one a line. */
    String batch(final String... commands) throws IOException, InterruptedException {
        final var args = base();
        args.add("-b");
        return run(args, String.join("\n", commands) + "\n");
    }

    private List<String> base() {
        return new ArrayList<>(List.of("ip", "netns", "exec", namespace, home.resolve("bin/client").toString(), "-h",
            "127.0.0.1", "-a", "8101", "-u", "karaf", "-p", "karaf", "-r", "5"));
    }

    private String run(final List<String> args, final String input) throws IOException, InterruptedException {
        final Path out = Files.createTempFile("odlbfd-client-", ".out");
        try {
            final var builder = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            final Process process = builder.start();
            final OutputStream stdin = process.getOutputStream();
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
                stdin.close();
            }
            // with a command argument, stdin stays open until here
            final boolean done = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            if (input == null) {
                stdin.close();
            }
            final String text = Files.readString(out, StandardCharsets.UTF_8);
            if (!done || process.exitValue() != 0) {
                throw new AssertionError("bin/client " + args.subList(args.size() - 1, args.size()) + " "
                    + (done ? "exited " + process.exitValue() : "timed out") + ": " + text);
            }
            // Karaf colours some output; the assertions read plain text
            return text.replaceAll("\u001B\\[[;\\d]*m", "");
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
