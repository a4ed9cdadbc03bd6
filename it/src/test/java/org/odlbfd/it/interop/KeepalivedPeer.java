/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived (Debian's build has BFD) with one {@code bfd_instance}, modelled on
 * /work/shared/peers/keepalived/kaA.conf. It runs in the foreground ({@code -n}) as our own child,
 * logging to the console ({@code -l -D}) which we send to a file and read for state changes.
 */
final class KeepalivedPeer implements Resource {
    static final String INSTANCE = "itpeer";

    private static final Logger LOG = LoggerFactory.getLogger(KeepalivedPeer.class);

    private final Path dir;
    private final Process proc;

    private KeepalivedPeer(final Path dir, final Process proc) {
        this.dir = dir;
        this.proc = proc;
    }

    static KeepalivedPeer start(final String ns, final String local, final String peer, final int intervalMs) {
        final Path dir = RunDir.create("ka");
        final String conf = "global_defs {\n  router_id itka\n}\n"
            + "bfd_instance " + INSTANCE + " {\n"
            + "  neighbor_ip " + peer + "\n  source_ip " + local + "\n"
            + "  min_rx " + intervalMs + "\n  min_tx " + intervalMs + "\n  idle_tx 1000\n  multiplier 3\n}\n";
        RunDir.write(dir.resolve("keepalived.conf"), conf);
        final String d = dir.toString();
        try {
            final Process proc = new ProcessBuilder("ip", "netns", "exec", ns, Testbed.KEEPALIVED,
                "-f", d + "/keepalived.conf", "-p", d + "/ka.pid", "-r", d + "/vrrp.pid", "-c", d + "/chk.pid",
                "-b", d + "/bfd.pid", "-l", "-D", "-n")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keepalived.log").toFile()).start();
            LOG.info("keepalived started in {} ({}), pid {}", ns, dir, proc.pid());
            return new KeepalivedPeer(dir, proc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start keepalived", e);
        }
    }

    String log() {
        return RunDir.readOrEmpty(dir.resolve("keepalived.log"));
    }

    /** Bounded wait for keepalived's log line saying our instance entered {@code state} ("Up", "Down"). */
    void awaitState(final String state, final Duration timeout) {
        final String needle = "(" + INSTANCE + ") Entering " + state + " state";
        final long end = System.nanoTime() + timeout.toNanos();
        while (!log().contains(needle)) {
            if (System.nanoTime() > end || !proc.isAlive()) {
                throw new AssertionError("keepalived did not log '" + needle + "' within " + timeout
                    + " (alive=" + proc.isAlive() + "):\n" + log());
            }
            Shell.sleep(100);
        }
    }

    @Override
    public void close() {
        if (!proc.isAlive()) {
            return;
        }
        proc.destroy();
        try {
            if (!proc.waitFor(5, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                proc.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            proc.destroyForcibly();
        }
    }
}
