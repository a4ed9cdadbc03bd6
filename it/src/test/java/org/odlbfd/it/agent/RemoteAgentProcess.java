/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.netconf.NetconfClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote agent as an operator starts it: {@code ip netns exec NS tools/run-agent.sh -c SETTINGS},
 * this checkout's bfd-impl (impl/target/classes and impl/target/remote-agent.classpath, which the
 * reactor build writes). Ready means a NETCONF hello that lists ietf-bfd. Only our own process is
 * ever signalled; SIGTERM first, so the agent tells its peers AdminDown.
 */
public final class RemoteAgentProcess implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteAgentProcess.class);
    private static final String MAIN = "org.odlbfd.impl.agent.RemoteAgent";
    private static final String IETF_BFD = "urn:ietf:params:xml:ns:yang:ietf-bfd?module=ietf-bfd&";

    private final Process process;
    private final Path log;
    private final Duration boot;

    private RemoteAgentProcess(final Process process, final Path log, final Duration boot) {
        this.process = process;
        this.log = log;
        this.boot = boot;
    }

    /** The checkout's root (it/pom.xml passes it as bfd.it.root). */
    public static Path root() {
        return Path.of(System.getProperty("bfd.it.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Writes the settings file and starts the agent in namespace {@code ns}.
     *
     * @param ns the namespace
     * @param settings the settings file's text (README.md, "Remote agent")
     * @param client a NETCONF client pointed at the agent, for the readiness check
     * @param timeout how long boot may take
     * @return the running agent
     */
    public static RemoteAgentProcess start(final String ns, final String settings, final NetconfClient client,
            final Duration timeout) {
        final Path root = root();
        for (var built : List.of("impl/target/classes/org/odlbfd/impl/agent/RemoteAgent.class",
                "impl/target/remote-agent.classpath")) {
            if (!Files.exists(root.resolve(built))) {
                throw new IllegalStateException(root.resolve(built) + " missing: build impl in the same reactor ("
                    + "./mvnw -pl impl,it ...), so the agent under test is this checkout's");
            }
        }
        final Path dir = RunDir.create("ragent");
        final Path file = dir.resolve("agent.cfg");
        RunDir.write(file, settings);
        final Path log = dir.resolve("agent.log");
        final long start = System.nanoTime();
        final Process process;
        try {
            process = new ProcessBuilder("ip", "netns", "exec", ns, root.resolve("tools/run-agent.sh").toString(),
                "-c", file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start tools/run-agent.sh", e);
        }
        final long end = start + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("agent exited (" + process.exitValue() + "): "
                    + RunDir.readOrEmpty(log));
            }
            if (RunDir.readOrEmpty(log).contains("odl-bfd remote agent ready")
                    && client.hello().stream().anyMatch(cap -> cap.startsWith(IETF_BFD))) {
                final var agent = new RemoteAgentProcess(process, log, Duration.ofNanos(System.nanoTime() - start));
                LOG.info("remote agent up in {} (pid {}) after {} ms, log {}", ns, process.pid(),
                    agent.boot.toMillis(), log);
                return agent;
            }
            Shell.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("agent not NETCONF-ready after " + timeout + ": " + RunDir.readOrEmpty(log));
    }

    /** Process start to the first hello listing ietf-bfd. */
    public Duration bootTime() {
        return boot;
    }

    /** Resident set size now, KiB. */
    public long rssKib() {
        for (var line : RunDir.readOrEmpty(Path.of("/proc", Long.toString(process.pid()), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Heap in use after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), as jcmd prints it. */
    public String heapAfterGc() {
        final String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        final String pid = Long.toString(process.pid());
        Shell.run(Duration.ofSeconds(60), jcmd, pid, "GC.run");
        final String info = Shell.run(Duration.ofSeconds(60), jcmd, pid, "GC.heap_info").out();
        return info.lines().filter(l -> l.contains("used")).findFirst().orElse("?").trim();
    }

    public String log() {
        return RunDir.readOrEmpty(log);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        Shell.killOwn(process.pid(), MAIN, "TERM");
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                LOG.warn("agent {} did not stop in 20 s, killing it", process.pid());
                Shell.killOwn(process.pid(), MAIN, "KILL");
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
