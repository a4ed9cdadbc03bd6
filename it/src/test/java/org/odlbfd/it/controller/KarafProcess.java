/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.controller;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built controller distribution, run as a child process in the foreground ({@code bin/karaf
 * server}), so that it dies with the test and only our own PID is ever killed.
 */
final class KarafProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarafProcess.class);
    /** Runtime state a previous run may have left (the datastore journal is in state/): stale sessions. */
    private static final List<String> STATE_DIRS = List.of("data", "journal", "snapshots", "state",
        "cache", "instances", "lock");

    private final Path home;
    private final Process process;

    private KarafProcess(final Path home, final Process process) {
        this.home = home;
        this.process = process;
    }

    static KarafProcess start(final Path home, final Path log) throws IOException {
        final var karaf = home.resolve("bin/karaf");
        if (!Files.isExecutable(karaf)) {
            throw new IllegalStateException("no controller at " + home + ": build karaf-distribution first");
        }
        for (var dir : STATE_DIRS) {
            deleteTree(home.resolve(dir));
        }
        final var builder = new ProcessBuilder(karaf.toString(), "server").directory(home.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        final var javaHome = System.getProperty("java.home");
        builder.environment().put("JAVA_HOME", javaHome);
        LOG.info("Starting {} with JAVA_HOME={}, log {}", karaf, javaHome, log);
        return new KarafProcess(home, builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /**
     * Resident set size of the controller JVM (the karaf script execs java, or is its parent).
     *
     * @return RSS in KiB, or -1 when unknown
     */
    long rssKib() {
        final var pids = Stream.concat(Stream.of(process.toHandle()), process.descendants())
            .map(ProcessHandle::pid).toList();
        long best = -1;
        for (var pid : pids) {
            try {
                for (var line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        best = Math.max(best, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException e) {
                LOG.debug("no status for {}", pid, e);
            }
        }
        return best;
    }

    @Override
    public void close() throws InterruptedException {
        // SIGTERM lets Karaf stop its bundles; its children go with it
        final var children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            LOG.warn("Controller did not stop in 60 s, killing it");
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        for (var child : children) {
            child.destroyForcibly();
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
        }
        LOG.info("Controller at {} stopped", home);
    }

    static Duration since(final long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
