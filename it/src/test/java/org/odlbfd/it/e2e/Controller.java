/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built controller distribution run in the foreground inside a network namespace
 * ({@code ip netns exec NS bin/karaf server}), so that its embedded BFD agent binds and sends there.
 * Only our own process and its descendants are ever signalled.
 */
final class Controller implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
    /** Runtime state of a previous run (controller 12 keeps its datastore journal in state/): a stale
     * datastore would leak old sessions into a fresh start. */
    private static final List<String> STATE_DIRS = List.of("data", "journal", "snapshots", "state",
        "cache", "instances", "lock");
    private static final String KARAF_MAIN = "org.apache.karaf.main.Main";
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)([KMG])");

    private final Path home;
    private final Process process;
    private final Thread shutdownHook;

    private Controller(final Path home, final Process process) {
        this.home = home;
        this.process = process;
        // backstop for an aborted test JVM: never leave a controller running in a deleted namespace
        shutdownHook = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "controller-cleanup-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The distribution named by the {@code karaf.home} system property (set by it/pom.xml). */
    static Path home() {
        final Path home = Path.of(System.getProperty("karaf.home", "../karaf-distribution/target/assembly"))
            .toAbsolutePath().normalize();
        if (!Files.isExecutable(home.resolve("bin/karaf"))) {
            throw new IllegalStateException("no controller at " + home + ": build karaf-distribution first");
        }
        return home;
    }

    /**
     * Starts the controller in {@code ns}.
     *
     * @param fresh delete the datastore and Karaf state first (false: restart on what the last run left)
     */
    static Controller start(final Path home, final String ns, final Path log, final boolean fresh)
            throws IOException {
        return start(home, ns, log, fresh, "");
    }

    /**
     * Starts the controller in {@code ns} with JVM options added to those of {@code bin/setenv}.
     *
     * @param fresh delete the datastore and Karaf state first (false: restart on what the last run left)
     * @param javaOpts options appended to {@code EXTRA_JAVA_OPTS} (a benchmark's GC log, another collector)
     */
    static Controller start(final Path home, final String ns, final Path log, final boolean fresh,
            final String javaOpts) throws IOException {
        if (fresh) {
            for (var dir : STATE_DIRS) {
                deleteTree(home.resolve(dir));
            }
            Files.deleteIfExists(log);
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        final var builder = new ProcessBuilder("ip", "netns", "exec", ns, home.resolve("bin/karaf").toString(),
            "server").directory(home.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (!javaOpts.isBlank()) {
            builder.environment().merge("EXTRA_JAVA_OPTS", javaOpts, (old, add) -> old + " " + add);
        }
        LOG.info("Starting controller {} in namespace {} (fresh={}, extra JVM options '{}'), log {}", home, ns, fresh,
            javaOpts, log);
        return new Controller(home, builder.start());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The controller JVM (the karaf script runs it as a child), if it is running. */
    Optional<ProcessHandle> jvm() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
            .filter(p -> cmdline(p.pid()).contains(KARAF_MAIN)).findFirst();
    }

    /**
     * Resident memory of the controller JVM.
     *
     * @return KiB, or -1 when it is not running
     */
    long rssKib() {
        final var jvm = jvm();
        if (jvm.isEmpty()) {
            return -1;
        }
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(jvm.orElseThrow().pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            LOG.debug("no status for {}", jvm, e);
        }
        return -1;
    }

    /** The controller JVM's process id. */
    long pid() {
        return jvm().orElseThrow(() -> new IllegalStateException("no controller JVM under " + process)).pid();
    }

    /** kill -9 of the controller JVM: no shutdown hook runs, the datastore journal is all that is left. */
    void kill9() throws InterruptedException {
        final var jvm = jvm().orElseThrow(() -> new IllegalStateException("no controller JVM under " + process));
        if (!Shell.killOwn(jvm.pid(), KARAF_MAIN, "KILL")) {
            throw new IllegalStateException("kill -9 " + jvm.pid() + " failed");
        }
        jvm.onExit().completeOnTimeout(jvm, 30, TimeUnit.SECONDS).join();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        LOG.info("controller JVM {} killed with SIGKILL", jvm.pid());
    }

    /**
     * Heap in use after a full GC, from {@code jcmd GC.run} + {@code GC.heap_info}.
     *
     * @return used KiB, or -1 when jcmd could not tell
     */
    long heapUsedAfterGcKib() {
        final var jvm = jvm();
        if (jvm.isEmpty()) {
            return -1;
        }
        final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        final String pid = Long.toString(jvm.orElseThrow().pid());
        Shell.run(Duration.ofSeconds(60), jcmd, pid, "GC.run");
        final var info = Shell.run(Duration.ofSeconds(60), jcmd, pid, "GC.heap_info");
        // ZGC: " ZHeap           used 123M, capacity ..."; G1: " garbage-first heap   total 1024K, used 512K"
        for (String line : info.out().split("\n")) {
            final var m = HEAP_USED.matcher(line);
            if (m.find()) {
                final long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "G" -> n * 1024 * 1024;
                    case "M" -> n * 1024;
                    default -> n;
                };
            }
        }
        LOG.warn("no heap figure in jcmd output: {}", info.out());
        return -1;
    }

    /**
     * Live bytes of the classes whose names start with any of {@code prefixes}, from
     * {@code jcmd GC.class_histogram} (which runs a full GC first).
     *
     * @return bytes, or -1 when jcmd could not tell
     */
    long liveBytes(final String... prefixes) {
        final var jvm = jvm();
        if (jvm.isEmpty()) {
            return -1;
        }
        final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        final var out = Shell.run(Duration.ofSeconds(120), jcmd, Long.toString(jvm.orElseThrow().pid()),
            "GC.class_histogram");
        if (!out.ok()) {
            return -1;
        }
        long sum = 0;
        // "   1:        123456       7890123  org.example.Foo (java.base@21)"
        for (String line : out.out().split("\n")) {
            final String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[0].endsWith(":")) {
                for (String prefix : prefixes) {
                    if (cols[3].startsWith(prefix)) {
                        sum += Long.parseLong(cols[2]);
                        break;
                    }
                }
            }
        }
        return sum;
    }

    @Override
    public void close() {
        // SIGTERM lets Karaf stop its bundles (the agent sends AdminDown); children go with it
        final var children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                LOG.warn("controller did not stop in 60 s, killing it");
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            for (var child : children) {
                child.destroyForcibly();
                child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM already shutting down", e);
        }
        LOG.info("controller at {} stopped", home);
    }

    private static String cmdline(final long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1)
                .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
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
