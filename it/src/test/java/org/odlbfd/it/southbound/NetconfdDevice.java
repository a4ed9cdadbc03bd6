/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.southbound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real NETCONF server as a test device: yuma123 netconfd 2.13 (Debian 12) loaded with RFC 9314,
 * ietf-key-chain and odl-bfd-ext, behind OpenSSH's sshd and its netconf subsystem, inside a network
 * namespace of the test's own, the way ../shared/peers/netconfd-bfd.sh runs it. {@code --target=running}
 * (netconfd 2.13 loses a candidate commit after validate). Its configuration starts with the given
 * ietf-interfaces entries: netconfd enforces ietf-bfd's leafref to them. Only our own netconfd and
 * sshd (checked by command line) are ever signalled.
 */
public final class NetconfdDevice implements Resource {
    /** The login tools/install-peers.sh creates for the test devices. */
    public static final String USER = "nctest";
    public static final String PASSWORD = "nctest";
    public static final String NETCONFD = "/usr/sbin/netconfd";
    public static final String SSHD = "/usr/sbin/sshd";
    private static final Logger LOG = LoggerFactory.getLogger(NetconfdDevice.class);
    private static final List<String> MODULES = List.of("iana-if-type", "ietf-interfaces", "ietf-key-chain",
        "ietf-bfd-types", "ietf-bfd", "ietf-bfd-ip-sh", "ietf-bfd-ip-mh", "odl-bfd-ext");

    private final NetNs net;
    private final String ns;
    private final String address;
    private final int port;
    private final Path dir;
    private final Path yang;
    private final List<String> interfaces;
    private final List<String> modules;
    private Process netconfd;

    private NetconfdDevice(final NetNs net, final String ns, final String address, final int port, final Path yang,
            final List<String> interfaces, final List<String> extraModules) {
        this.modules = new ArrayList<>(MODULES);
        modules.addAll(extraModules);
        this.net = net;
        this.ns = ns;
        this.address = address;
        this.port = port;
        this.yang = yang;
        this.interfaces = List.copyOf(interfaces);
        dir = RunDir.create("netconfd");
    }

    /**
     * Starts a device.
     *
     * @param net the test bed's namespaces
     * @param ns the namespace it runs in
     * @param address its address there (sshd listens on it only)
     * @param port its SSH port
     * @param interfaces ietf-interfaces entries its configuration starts with
     * @return the running device
     */
    public static NetconfdDevice start(final NetNs net, final String ns, final String address, final int port,
            final List<String> interfaces) {
        return start(net, ns, address, port, interfaces, List.of());
    }

    /**
     * Starts a device that also loads {@code extraModules} (e.g. ietf-routing and
     * ietf-ipv4-unicast-routing for static routes), from the same YANG directory.
     *
     * @param net the test bed's namespaces
     * @param ns the namespace it runs in
     * @param address its address there (sshd listens on it only)
     * @param port its SSH port
     * @param interfaces ietf-interfaces entries its configuration starts with
     * @param extraModules modules loaded besides RFC 9314's
     * @return the running device
     */
    public static NetconfdDevice start(final NetNs net, final String ns, final String address, final int port,
            final List<String> interfaces, final List<String> extraModules) {
        final var device = new NetconfdDevice(net, ns, address, port, Devices.yangDir(), interfaces, extraModules);
        boolean ok = false;
        try {
            device.writeStartup();
            Shell.check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", device.dir.resolve("host_key").toString());
            device.launch();
            ok = true;
        } finally {
            if (!ok) {
                device.close();
            }
        }
        return device;
    }

    /** Whatever the device held goes: its configuration is only the interfaces at the next start. */
    public void writeStartup() {
        final var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n")
            .append("  <interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\">\n");
        for (var name : interfaces) {
            xml.append("    <interface><name>").append(name).append("</name><type xmlns:ianaift=")
                .append("\"urn:ietf:params:xml:ns:yang:iana-if-type\">ianaift:ethernetCsmacd</type></interface>\n");
        }
        RunDir.write(dir.resolve("startup-cfg.xml"), xml.append("  </interfaces>\n</config>\n").toString());
    }

    /** Starts netconfd and sshd; returns once sshd listens. */
    public void launch() {
        final var socket = dir.resolve("ncxserver.sock");
        try {
            Files.deleteIfExists(socket);
            Files.createDirectories(dir.resolve("run"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        final var cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, NETCONFD,
            "--modpath=" + yang + ":/usr/share/yuma/modules"));
        modules.forEach(module -> cmd.add("--module=" + module));
        cmd.addAll(List.of("--startup=" + dir.resolve("startup-cfg.xml"), "--superuser=" + USER,
            "--ncxserver-sockname=" + socket, "--runpath=" + dir.resolve("run"), "--log=" + dir.resolve("netconfd.log"),
            "--log-level=info", "--target=running",
            // netconfd takes sessions only on the ports it is told (830 by default); netconf-subsystem says which
            "--port=" + port));
        try {
            netconfd = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("netconfd.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start netconfd", e);
        }
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!netconfd.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("netconfd did not start: " + RunDir.readOrEmpty(dir.resolve(
                    "netconfd.log")) + RunDir.readOrEmpty(dir.resolve("netconfd.out")));
            }
            Shell.sleep(50);
        }
        RunDir.write(dir.resolve("sshd_config"), String.join("\n",
            "Port " + port, "ListenAddress " + address, "HostKey " + dir.resolve("host_key"),
            "PidFile " + dir.resolve("sshd.pid"), "PasswordAuthentication yes", "KbdInteractiveAuthentication yes",
            "PubkeyAuthentication no", "UsePAM yes", "PermitRootLogin no", "AllowUsers " + USER,
            "Subsystem netconf /usr/sbin/netconf-subsystem --ncxserver-sockname=" + port + "@" + socket, ""));
        net.exec(ns, SSHD, "-f", dir.resolve("sshd_config").toString(), "-E", dir.resolve("sshd.log").toString())
            .check();
        Devices.awaitListening(net, ns, address, port, Duration.ofSeconds(10));
        LOG.info("netconfd device up on {}:{} in {} ({})", address, port, ns, dir);
    }

    /** Stops netconfd and sshd: the device is unreachable (its configuration stays in its startup file). */
    public void stop() {
        final var pidFile = dir.resolve("sshd.pid");
        final var sshd = RunDir.readOrEmpty(pidFile).trim();
        if (!sshd.isEmpty()) {
            final long pid = Long.parseLong(sshd);
            Shell.killOwn(pid, dir.resolve("sshd_config").toString(), "TERM");
            Devices.awaitGone(pid, Duration.ofSeconds(10));
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", pidFile, e);
            }
        }
        if (netconfd != null && netconfd.isAlive()) {
            netconfd.destroy();
            try {
                if (!netconfd.waitFor(10, TimeUnit.SECONDS)) {
                    netconfd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        netconfd = null;
    }

    /**
     * Freezes (SIGSTOP) or thaws (SIGCONT) netconfd: the device still accepts SSH connections but
     * answers nothing, a slow or hung device.
     *
     * @param frozen true to freeze
     */
    public void freeze(final boolean frozen) {
        if (netconfd == null || !Shell.killOwn(netconfd.pid(), NETCONFD, frozen ? "STOP" : "CONT")) {
            throw new IllegalStateException("cannot signal netconfd");
        }
    }

    /** The device's own log, for failure messages. */
    public String log() {
        return RunDir.readOrEmpty(dir.resolve("netconfd.log"));
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
