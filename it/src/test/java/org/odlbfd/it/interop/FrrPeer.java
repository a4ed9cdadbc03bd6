/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FRR 8.4 bfdd (+ zebra, which the {@code interface} keyword of single-hop peers needs) inside one
 * namespace, started the way /work/shared/peers/frr-pair.sh starts it, with every path (config,
 * pid, vty and zserv sockets) in a directory of its own. Only PIDs from our own pid files whose
 * command line points into that directory are ever signalled.
 */
public final class FrrPeer implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(FrrPeer.class);

    private final NetNs netns;
    private final String ns;
    private final Path dir;
    private final String instance;

    private FrrPeer(final NetNs netns, final String ns, final Path dir) {
        this.netns = netns;
        this.ns = ns;
        this.dir = dir;
        instance = "bfdit" + RunDir.RUN_ID + dir.getFileName().toString().split("-")[2];
    }

    /**
     * A single-hop or multihop peer stanza for bfdd.conf.
     *
     * @param header e.g. {@code peer 192.0.2.1 local-address 192.0.2.2 interface vB}
     * @param lines  settings inside the stanza, e.g. {@code receive-interval 100}
     */
    public static String stanza(final String header, final String... lines) {
        final StringBuilder sb = new StringBuilder(" ").append(header).append('\n');
        for (String line : lines) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.append(" exit\n !\n").toString();
    }

    /** Writes the config and starts zebra then bfdd in namespace {@code ns}; returns once bfdd's vty is up. */
    public static FrrPeer start(final NetNs netns, final String ns, final String... peerStanzas) {
        final FrrPeer frr = new FrrPeer(netns, ns, RunDir.create("frr"));
        boolean started = false;
        try {
            frr.launch(String.join("", peerStanzas));
            started = true;
        } finally {
            if (!started) {
                frr.close();
            }
        }
        return frr;
    }

    private void launch(final String stanzas) {
        RunDir.write(dir.resolve("zebra.conf"), "hostname frrit\nlog file " + dir.resolve("zebra.log") + "\n");
        RunDir.write(dir.resolve("bfdd.conf"), "hostname frrit\nlog file " + dir.resolve("bfdd.log") + "\n!\nbfd\n"
            + stanzas + "exit\n!\n");
        Shell.check("chown", "-R", "frr:frr", dir.toString());
        final String d = dir.toString();
        netns.exec(ns, Testbed.ZEBRA, "-d", "-N", instance, "-f", d + "/zebra.conf", "-i", d + "/zebra.pid",
            "--vty_socket", d, "-z", d + "/zserv.api", "-P", "0", "-u", "frr", "-g", "frr").check();
        awaitFile(dir.resolve("zserv.api"), "zebra zserv socket");
        netns.exec(ns, Testbed.BFDD, "-d", "-N", instance, "-f", d + "/bfdd.conf", "-i", d + "/bfdd.pid",
            "--vty_socket", d, "-z", d + "/zserv.api", "--bfdctl", d + "/bfdd.sock", "-P", "0",
            "-u", "frr", "-g", "frr").check();
        awaitFile(dir.resolve("bfdd.vty"), "bfdd vty socket");
        LOG.info("FRR bfdd up in {} ({})", ns, dir);
    }

    private void awaitFile(final Path file, final String what) {
        final long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(what + " did not appear: " + file + "\n"
                    + RunDir.readOrEmpty(dir.resolve("bfdd.log")));
            }
            Shell.sleep(20);
        }
    }

    /** Runs vtysh commands against this instance only. */
    public String vtysh(final String... cmds) {
        return vtysh(Duration.ofSeconds(10), cmds);
    }

    /** Like {@link #vtysh(String...)} with a caller-chosen bound: a busy bfdd dumps thousands of peers slowly. */
    public String vtysh(final Duration timeout, final String... cmds) {
        final List<String> all = new ArrayList<>(List.of(Testbed.VTYSH, "--vty_socket", dir.toString()));
        for (String c : cmds) {
            all.add("-c");
            all.add(c);
        }
        return Shell.run(timeout, all.toArray(String[]::new)).check().out();
    }

    /** Applies config lines inside {@code bfd / <peerHeader>} (e.g. "shutdown", "no shutdown"). */
    public void configurePeer(final String peerHeader, final String... lines) {
        final List<String> cmds = new ArrayList<>(List.of("configure terminal", "bfd", peerHeader));
        cmds.addAll(List.of(lines));
        final String out = vtysh(cmds.toArray(String[]::new));
        if (out.contains("%")) {
            throw new IllegalStateException("vtysh rejected " + cmds + ": " + out);
        }
    }

    /** {@code show bfd peers json}, one object per session (fields as in samples/frr-show-bfd-peers.json). */
    public List<JsonObject> peers() {
        return objects(vtysh("show bfd peers json"));
    }

    /** {@code show bfd peers counters json}. */
    public List<JsonObject> counters() {
        return objects(vtysh("show bfd peers counters json"));
    }

    public Optional<JsonObject> counters(final String peerAddr) {
        return counters().stream().filter(p -> peerAddr.equals(p.get("peer").getAsString())).findFirst();
    }

    public Optional<JsonObject> peer(final String peerAddr) {
        return peers().stream().filter(p -> peerAddr.equals(p.get("peer").getAsString())).findFirst();
    }

    /** Bounded poll until FRR's session to {@code peerAddr} has status {@code status} ("up", "down", ...). */
    public JsonObject awaitStatus(final String peerAddr, final String status, final Duration timeout) {
        final long end = System.nanoTime() + timeout.toNanos();
        Optional<JsonObject> last;
        do {
            last = peer(peerAddr);
            if (last.isPresent() && status.equals(last.orElseThrow().get("status").getAsString())) {
                return last.orElseThrow();
            }
            Shell.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError("FRR session to " + peerAddr + " not " + status + " after " + timeout + ": "
            + last.map(JsonObject::toString).orElse("absent"));
    }

    private static List<JsonObject> objects(final String json) {
        final JsonArray arr = JsonParser.parseString(json).getAsJsonArray();
        final List<JsonObject> res = new ArrayList<>();
        for (JsonElement el : arr) {
            res.add(el.getAsJsonObject());
        }
        return res;
    }

    /** PID of bfdd, read from our own pid file. */
    public long bfddPid() {
        return Long.parseLong(RunDir.readOrEmpty(dir.resolve("bfdd.pid")).trim());
    }

    /** SIGKILL bfdd only (zebra stays): the peer goes silent without sending anything. */
    public void killBfdd() {
        if (!Shell.killOwn(bfddPid(), dir.toString(), "KILL")) {
            throw new IllegalStateException("could not kill bfdd " + bfddPid());
        }
    }

    public String log() {
        return RunDir.readOrEmpty(dir.resolve("bfdd.log"));
    }

    /** TERM our daemons, bounded wait, then KILL leftovers. Idempotent. */
    @Override
    public void close() {
        final List<Long> pids = new ArrayList<>();
        for (String name : List.of("bfdd.pid", "zebra.pid")) {
            final String text = RunDir.readOrEmpty(dir.resolve(name)).trim();
            if (!text.isEmpty()) {
                final long pid = Long.parseLong(text);
                if (Shell.alive(pid) && Shell.killOwn(pid, dir.toString(), "TERM")) {
                    pids.add(pid);
                }
            }
        }
        final long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pids.stream().anyMatch(Shell::alive) && System.nanoTime() < end) {
            Shell.sleep(50);
        }
        for (long pid : pids) {
            if (Shell.alive(pid)) {
                Shell.killOwn(pid, dir.toString(), "KILL");
            }
        }
    }
}
