/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BIRD 2 with one single-hop BFD neighbor, optionally authenticated (the five RFC 5880 types),
 * modelled on /work/shared/peers/bird/birdB-*.conf. Control socket and pid file live in a
 * directory of our own.
 */
public final class BirdPeer implements Resource {
    /** The password and key id every auth test uses, as in the shared BIRD configs. */
    public static final String SECRET = "bfdsecret";
    public static final int KEY_ID = 5;

    private static final Logger LOG = LoggerFactory.getLogger(BirdPeer.class);

    private final NetNs netns;
    private final String ns;
    private final Path dir;

    private BirdPeer(final NetNs netns, final String ns, final Path dir) {
        this.netns = netns;
        this.ns = ns;
        this.dir = dir;
    }

    /**
     * BIRD's spelling of an auth type in our agent's spelling: {@code keyed-md5} -> {@code keyed md5}.
     *
     * @param agentAuth one of simple, keyed-md5, meticulous-keyed-md5, keyed-sha1, meticulous-keyed-sha1
     */
    static String birdAuth(final String agentAuth) {
        return agentAuth.replace('-', ' ');
    }

    /**
     * Starts bird in {@code ns} with one neighbor.
     *
     * @param auth agent spelling of the auth type, or null for none
     */
    public static BirdPeer start(final NetNs netns, final String ns, final String ifname, final String local,
            final String peer, final int intervalMs, final String auth) {
        final BirdPeer bird = new BirdPeer(netns, ns, RunDir.create("bird"));
        final StringBuilder conf = new StringBuilder()
            .append("router id ").append(local.contains(":") ? "192.0.2.250" : local).append(";\n")
            .append("log \"").append(bird.dir.resolve("bird.log")).append("\" all;\n")
            .append("protocol device { }\n")
            .append("protocol bfd bfd1 {\n")
            .append("  interface \"").append(ifname).append("\" {\n")
            .append("    interval ").append(intervalMs).append(" ms; multiplier 3;\n");
        if (auth != null) {
            conf.append("    authentication ").append(birdAuth(auth)).append(";\n")
                .append("    password \"").append(SECRET).append("\" { id ").append(KEY_ID).append("; };\n");
        }
        conf.append("  };\n")
            .append("  neighbor ").append(peer).append(" dev \"").append(ifname).append("\" local ").append(local)
            .append(";\n}\n");
        RunDir.write(bird.dir.resolve("bird.conf"), conf.toString());
        boolean started = false;
        try {
            netns.exec(ns, Testbed.BIRD, "-c", bird.dir.resolve("bird.conf").toString(), "-s", bird.ctl(),
                "-P", bird.dir.resolve("bird.pid").toString()).check();
            bird.awaitReady();
            started = true;
        } finally {
            if (!started) {
                bird.close();
            }
        }
        LOG.info("BIRD up in {} ({}), auth {}", ns, bird.dir, auth);
        return bird;
    }

    private String ctl() {
        return dir.resolve("bird.ctl").toString();
    }

    private void awaitReady() {
        final long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Shell.run(Testbed.BIRDC, "-s", ctl(), "show", "status").ok()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("bird did not answer on " + ctl() + ": "
                    + RunDir.readOrEmpty(dir.resolve("bird.log")));
            }
            Shell.sleep(50);
        }
    }

    /** Output of {@code birdc show bfd sessions}. */
    public String sessions() {
        return Shell.run(Testbed.BIRDC, "-s", ctl(), "show", "bfd", "sessions").check().out();
    }

    /** BIRD's state for the session to {@code peer} (e.g. "Up", "Down", "Init"), if listed. */
    public Optional<String> state(final String peer) {
        for (String line : sessions().split("\n")) {
            final List<String> cols = List.of(line.trim().split("\\s+"));
            // columns: IP address, Interface, State, Since, Interval, Timeout
            if (cols.size() >= 3 && cols.get(0).equals(peer)) {
                return Optional.of(cols.get(2));
            }
        }
        return Optional.empty();
    }

    public void awaitState(final String peer, final String state, final Duration timeout) {
        final long end = System.nanoTime() + timeout.toNanos();
        Optional<String> last;
        do {
            last = state(peer);
            if (last.isPresent() && last.orElseThrow().equalsIgnoreCase(state)) {
                return;
            }
            Shell.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError("BIRD session to " + peer + " not " + state + " after " + timeout + ": " + sessions());
    }

    public String log() {
        return RunDir.readOrEmpty(dir.resolve("bird.log"));
    }

    @Override
    public void close() {
        final String text = RunDir.readOrEmpty(dir.resolve("bird.pid")).trim();
        if (text.isEmpty()) {
            return;
        }
        final long pid = Long.parseLong(text);
        if (!Shell.alive(pid) || !Shell.killOwn(pid, dir.toString(), "TERM")) {
            return;
        }
        final long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Shell.alive(pid) && System.nanoTime() < end) {
            Shell.sleep(50);
        }
        if (Shell.alive(pid)) {
            Shell.killOwn(pid, dir.toString(), "KILL");
        }
    }
}
