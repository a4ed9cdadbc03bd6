/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.odlbfd.api.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent under test, {@code org.odlbfd.impl.agent.AgentMain}, started as
 * {@code ip netns exec NS java -cp CP AgentMain}: commands on its stdin, one reply line per command
 * on its stdout, EVENT lines in between. Every wait is bounded.
 */
public final class AgentProcess implements Resource {
    public static final String MAIN = "org.odlbfd.impl.agent.AgentMain";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AgentProcess.class);

    private final String ns;
    private final Path dir;
    private final Process proc;
    private final Writer stdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final List<AgentEvent> events = new CopyOnWriteArrayList<>();
    /** CLIENT and PEVENT lines (stability policies) with our System.nanoTime when read. */
    private final List<Timed> policyLines = new CopyOnWriteArrayList<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ready;

    private AgentProcess(final String ns, final Path dir, final Process proc) {
        this.ns = ns;
        this.dir = dir;
        this.proc = proc;
        stdin = new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8);
        reader = new Thread(this::readLoop, "agent-reader-" + ns);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The classpath for the agent JVM: the one Maven resolved for this module (set by the pom as
     * bfd.it.classpath), else surefire's own record of the test classpath, else ours. java.class.path
     * alone is not enough: failsafe may run us from a manifest-only jar.
     */
    static String classpath() {
        for (String prop : List.of("bfd.it.classpath", "surefire.test.class.path", "java.class.path")) {
            final String cp = System.getProperty(prop, "");
            if (!cp.isBlank() && !cp.contains("${")) {
                LOG.debug("agent classpath from {}: {}", prop, cp);
                return cp;
            }
        }
        throw new IllegalStateException("no classpath for the agent JVM");
    }

    static String javaBin() {
        final String java = System.getProperty("bfd.it.java", "");
        return java.isBlank() || java.contains("${")
            ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java;
    }

    /** Starts the agent in namespace {@code ns} and waits for READY. */
    public static AgentProcess start(final String ns, final String... agentArgs) {
        return start(ns, List.of("-Xmx256m", "-XX:+UseZGC"), agentArgs);
    }

    public static AgentProcess start(final String ns, final List<String> jvmArgs, final String... agentArgs) {
        final Path dir = RunDir.create("agent");
        final List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        // -Dbfd.it.agent.cmd="..." runs another implementation of the same stdin/stdout contract
        final String other = System.getProperty("bfd.it.agent.cmd", "");
        if (other.isBlank()) {
            cmd.add(javaBin());
            cmd.addAll(jvmArgs);
            cmd.addAll(List.of("-cp", classpath(), MAIN));
        } else {
            cmd.addAll(List.of(other.trim().split("\\s+")));
        }
        cmd.addAll(List.of(agentArgs));
        final Process proc;
        try {
            proc = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start agent", e);
        }
        RunDir.write(dir.resolve("cmdline.txt"), String.join(" ", cmd) + "\n");
        final AgentProcess agent = new AgentProcess(ns, dir, proc);
        final long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!agent.ready) {
            if (!proc.isAlive() || System.nanoTime() > end) {
                agent.close();
                // a ClassNotFoundException here usually means a stale bfd-impl from ~/.m2: build it/ in the
                // same reactor as impl/ (the classpath used is in cmdline.txt beside stderr.log)
                throw new AssertionError("agent did not print READY (alive=" + proc.isAlive() + "), stdout: "
                    + agent.transcript + "\nstderr: " + agent.stderr() + "\ncommand: " + dir.resolve("cmdline.txt"));
            }
            Shell.sleep(20);
        }
        LOG.info("agent ready in {} pid {} ({})", ns, proc.pid(), dir);
        return agent;
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                final long now = System.nanoTime();
                transcript.add(line);
                LOG.debug("agent[{}] {}", ns, line);
                if (line.startsWith("EVENT ")) {
                    try {
                        events.add(AgentEvent.parse(line, now));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        replies.add("BADEVENT " + line);
                    }
                } else if (line.startsWith("CLIENT ") || line.startsWith("PEVENT ")) {
                    policyLines.add(new Timed(line, now));
                } else if ("READY".equals(line.trim())) {
                    ready = true;
                } else {
                    replies.add(line);
                }
            }
        } catch (IOException e) {
            LOG.debug("agent stdout closed", e);
        }
    }

    public long pid() {
        return proc.pid();
    }

    /** Sends one command and returns its reply line (OK/ERROR/SNAPSHOT/STATS). */
    public String command(final String line) {
        try {
            replies.clear();
            stdin.write(line + "\n");
            stdin.flush();
            final String reply = replies.poll(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new AssertionError("no reply to '" + line + "' within " + REPLY_TIMEOUT + " (alive="
                    + proc.isAlive() + "), stderr: " + stderr());
            }
            if (reply.startsWith("BADEVENT")) {
                throw new AssertionError("agent printed a malformed EVENT line: " + reply);
            }
            return reply;
        } catch (IOException e) {
            throw new AssertionError("agent stdin closed (alive=" + proc.isAlive() + "): " + stderr(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Sends a command that must be answered with {@code OK ...}. */
    public String ok(final String line) {
        final String reply = command(line);
        if (!reply.startsWith("OK")) {
            throw new AssertionError("'" + line + "' -> '" + reply + "', expected OK");
        }
        return reply;
    }

    Reply show(final String name) {
        final Reply reply = Reply.parse(command("show " + name));
        if (!"SNAPSHOT".equals(reply.kind())) {
            throw new AssertionError("show " + name + " -> " + reply.line());
        }
        return reply;
    }

    public Reply stats() {
        final Reply reply = Reply.parse(command("stats"));
        if (!"STATS".equals(reply.kind())) {
            throw new AssertionError("stats -> " + reply.line());
        }
        return reply;
    }

    public List<AgentEvent> events() {
        return List.copyOf(events);
    }

    public List<AgentEvent> events(final String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** Number of events so far: pass it to {@link #awaitEvent} to look only at later ones. */
    public int mark() {
        return events.size();
    }

    /** Bounded wait for an event at index {@code >= from} matching {@code what}. */
    AgentEvent awaitEvent(final int from, final Predicate<AgentEvent> what, final Duration timeout,
            final String description) {
        final long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            final List<AgentEvent> all = events();
            for (int i = from; i < all.size(); i++) {
                if (what.test(all.get(i))) {
                    return all.get(i);
                }
            }
            if (System.nanoTime() > end || !proc.isAlive()) {
                throw new AssertionError("no event '" + description + "' within " + timeout + " (alive="
                    + proc.isAlive() + "); events: " + brief(all.subList(Math.min(from, all.size()), all.size())));
            }
            Shell.sleep(5);
        }
    }

    /** Bounded wait until the latest event of session {@code name} says it is in {@code state}. */
    AgentEvent awaitState(final String name, final State state, final Duration timeout) {
        final long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            final Optional<AgentEvent> last = lastEvent(name);
            if (last.isPresent() && last.orElseThrow().to() == state) {
                return last.orElseThrow();
            }
            if (System.nanoTime() > end || !proc.isAlive()) {
                throw new AssertionError("session " + name + " not " + state + " within " + timeout + " (alive="
                    + proc.isAlive() + "); events: " + brief(events(name)) + "; " + command("show " + name));
            }
            Shell.sleep(5);
        }
    }

    /** A line of the agent and when we read it. */
    public record Timed(String line, long seenNs) {
        Reply reply() {
            return Reply.parse(line);
        }
    }

    /** CLIENT and PEVENT lines so far (sessions given a {@code policy}). */
    public List<Timed> policyLines() {
        return List.copyOf(policyLines);
    }

    /** Bounded wait for a CLIENT or PEVENT line at index {@code >= from} matching {@code what}. */
    Timed awaitPolicyLine(final int from, final Predicate<Reply> what, final Duration timeout,
            final String description) {
        final long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            final List<Timed> all = policyLines();
            for (int i = from; i < all.size(); i++) {
                if (what.test(all.get(i).reply())) {
                    return all.get(i);
                }
            }
            if (System.nanoTime() > end || !proc.isAlive()) {
                throw new AssertionError("no line '" + description + "' within " + timeout + " (alive="
                    + proc.isAlive() + "); lines: " + all.subList(Math.min(from, all.size()), all.size()));
            }
            Shell.sleep(5);
        }
    }

    /** At most the first 8 events, for assertion messages. */
    static String brief(final List<AgentEvent> list) {
        return list.size() <= 8 ? list.toString() : list.subList(0, 8) + " ... (" + list.size() + " events)";
    }

    Optional<AgentEvent> lastEvent(final String name) {
        final List<AgentEvent> mine = events(name);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }

    public String stderr() {
        final String err = RunDir.readOrEmpty(dir.resolve("stderr.log"));
        return err.length() > 4000 ? err.substring(err.length() - 4000) : err;
    }

    /** CPU time (user + system) the agent process used so far, from /proc/PID/stat, in clock ticks. */
    long cpuTicks() {
        final String stat = RunDir.readOrEmpty(Path.of("/proc", Long.toString(proc.pid()), "stat"));
        final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command name: state(0) ppid(1) ... utime is field 14 of stat, i.e. index 11 here
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** quit, bounded wait, then kill our own process. */
    @Override
    public void close() {
        try {
            if (proc.isAlive()) {
                stdin.write("quit\n");
                stdin.flush();
            }
        } catch (IOException e) {
            LOG.debug("agent stdin already closed", e);
        }
        try {
            if (!proc.waitFor(5, TimeUnit.SECONDS)) {
                LOG.warn("agent in {} did not quit, destroying", ns);
                proc.destroy();
                if (!proc.waitFor(3, TimeUnit.SECONDS)) {
                    proc.destroyForcibly();
                    proc.waitFor(3, TimeUnit.SECONDS);
                }
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            proc.destroyForcibly();
        }
        RunDir.write(dir.resolve("stdout.log"), String.join("\n", transcript) + "\n");
    }
}
