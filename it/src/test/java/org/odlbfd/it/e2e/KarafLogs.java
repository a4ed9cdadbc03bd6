/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a stopped controller's own log ({@code data/log/karaf.log} and its rotations): the next
 * fresh start deletes {@code data/}, so without a copy a failed IT leaves only its console output.
 * Copies go to {@code target/karaf-logs/<TestClass>-<n>-karaf.log[.N]}, n counting the controller
 * runs of that class in this JVM (a restart within an IT is run 2). Best effort: a missing log or a
 * failed copy is logged, never thrown, so it cannot fail a test.
 */
final class KarafLogs {
    private static final Logger LOG = LoggerFactory.getLogger(KarafLogs.class);
    static final Path DIR = Path.of("target", "karaf-logs");
    /** The appender's file and its rotations (etc/org.ops4j.pax.logging.cfg: karaf.log.%i, at most 7). */
    private static final Pattern NAME = Pattern.compile("karaf\\.log(\\.\\d{1,2})?");
    /** At most this much per run: rotations are 64 MiB each, and a full disk would fail the next test. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private KarafLogs() {
        // static helpers
    }

    /**
     * The test class that is booting a bed: the first caller outside the e2e helpers.
     *
     * @return its simple name, or "unknown"
     */
    static String callerClass() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
            .map(StackWalker.StackFrame::getDeclaringClass)
            .filter(c -> c != KarafLogs.class && c != ControllerBed.class)
            .findFirst().map(Class::getSimpleName).orElse("unknown"));
    }

    /**
     * Copies the controller's log files out of {@code home} (its process has stopped).
     *
     * @param home the distribution the controller ran from
     * @param owner what the copies are named after (the test class)
     */
    static void save(final Path home, final String owner) {
        final String prefix = owner + "-" + RUNS.computeIfAbsent(owner, k -> new AtomicInteger()).incrementAndGet()
            + "-";
        final Path logDir = home.resolve("data").resolve("log");
        if (!Files.isDirectory(logDir)) {
            LOG.info("no controller log to keep in {}", logDir);
            return;
        }
        try (var files = Files.list(logDir)) {
            long budget = MAX_BYTES;
            Files.createDirectories(DIR);
            // newest first (karaf.log, then .1, .2...): what the budget leaves out is the oldest
            for (Path file : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted((a, b) -> Integer.compare(rotation(a), rotation(b))).toList()) {
                final long size = Files.size(file);
                if (size > budget) {
                    LOG.warn("not keeping {} ({} bytes): over the {} byte budget", file, size, MAX_BYTES);
                    continue;
                }
                budget -= size;
                final Path copy = DIR.resolve(prefix + file.getFileName());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("controller log kept in {}", copy.toAbsolutePath());
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            LOG.warn("could not keep the controller log from {}", logDir, e);
        }
    }

    private static int rotation(final Path file) {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        return name.endsWith(".log") ? 0 : Integer.parseInt(name.substring(dot + 1));
    }
}
