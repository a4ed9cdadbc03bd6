/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one external command with a bounded wait. Output goes to temporary files, not pipes, because
 * the daemons we start (bfdd -d, bird) fork and would keep a pipe open forever.
 */
public final class Shell {
    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** What a finished command left behind. */
    public record Result(List<String> cmd, int rc, String out, String err) {
        public boolean ok() {
            return rc == 0;
        }

        public Result check() {
            if (rc != 0) {
                throw new IllegalStateException("command failed rc=" + rc + ": " + String.join(" ", cmd)
                    + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }
    }

    private Shell() {
    }

    public static Result run(final String... cmd) {
        return run(DEFAULT_TIMEOUT, cmd);
    }

    public static Result run(final Duration timeout, final String... cmd) {
        File out = null;
        File err = null;
        try {
            out = File.createTempFile("bfdit-out", ".txt");
            err = File.createTempFile("bfdit-err", ".txt");
            final Process proc = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
            // nothing to say on stdin: give the command EOF at once
            proc.getOutputStream().close();
            if (!proc.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                proc.destroyForcibly();
                proc.waitFor(2, TimeUnit.SECONDS);
                throw new IllegalStateException("command timed out after " + timeout + ": " + String.join(" ", cmd));
            }
            final Result res = new Result(List.of(cmd), proc.exitValue(), read(out), read(err));
            LOG.debug("{} -> rc={}", res.cmd(), res.rc());
            return res;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    public static Result check(final String... cmd) {
        return run(DEFAULT_TIMEOUT, cmd).check();
    }

    /** Kills one PID we started, after checking its command line still contains {@code marker}. */
    public static boolean killOwn(final long pid, final String marker, final String signal) {
        final Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            final String text = Files.readString(cmdline, StandardCharsets.ISO_8859_1).replace('\0', ' ');
            if (!text.contains(marker)) {
                LOG.warn("not killing pid {}: '{}' does not contain {}", pid, text, marker);
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return run("kill", "-" + signal, Long.toString(pid)).ok();
    }

    /** True while {@code pid} runs; a zombie (killed, not yet reaped by its parent) counts as gone. */
    public static boolean alive(final long pid) {
        try {
            final String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // field 3, after the parenthesised command name
            final int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Sleeps, turning an interrupt into an unchecked failure (tests are bounded anyway). */
    public static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(final File file) throws IOException {
        return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    }

    private static void delete(final File file) {
        if (file != null && !file.delete()) {
            LOG.debug("could not delete {}", file);
        }
    }
}
