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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ODL's netconf-testtool 10.0.2 (from Maven Central, see it/pom.xml) as test devices: {@code count}
 * simulated NETCONF devices over SSH (admin/admin) on consecutive ports, each with a real in-memory
 * MD-SAL datastore ({@code --md-sal true}) and the RFC 9314 modules and odl-bfd-ext
 * ({@code --schemas-dir}). It runs in the test's own namespace with the test JVM's Java 21.
 */
public final class TesttoolDevices implements Resource {
    public static final String USER = "admin";
    public static final String PASSWORD = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(TesttoolDevices.class);

    private final Path dir;
    private final int firstPort;
    private final int count;
    private Process process;

    private TesttoolDevices(final int firstPort, final int count) {
        dir = RunDir.create("testtool");
        this.firstPort = firstPort;
        this.count = count;
    }

    /**
     * Starts the simulator.
     *
     * @param net the test bed's namespaces
     * @param ns the namespace it runs in
     * @param address its address there
     * @param firstPort the first device's port
     * @param count how many devices
     * @param heapMb the simulator's heap
     * @return the running devices, once every port listens
     */
    public static TesttoolDevices start(final NetNs net, final String ns, final String address, final int firstPort,
            final int count, final int heapMb) {
        final var jar = Path.of(System.getProperty("bfd.it.testtool",
            "target/testtool/netconf-testtool-executable.jar"));
        if (!Files.isReadable(jar)) {
            throw new IllegalStateException("no netconf-testtool at " + jar + ": it/pom.xml fetches it (profile "
                + "southbound-devices)");
        }
        final var devices = new TesttoolDevices(firstPort, count);
        boolean ok = false;
        try {
            final var java = System.getProperty("bfd.it.java", Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
            devices.process = new ProcessBuilder(List.of("ip", "netns", "exec", ns, java, "-Xmx" + heapMb + "m",
                "-jar", jar.toAbsolutePath().toString(), "--schemas-dir", Devices.yangDir().toString(),
                "--md-sal", "true", "--ssh", "true", "--device-count", Integer.toString(count),
                "--starting-port", Integer.toString(firstPort), "--ip", address))
                .redirectErrorStream(true).redirectOutput(devices.dir.resolve("testtool.log").toFile()).start();
            Devices.awaitListening(net, ns, address, firstPort + count - 1, Duration.ofSeconds(120));
            ok = true;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start netconf-testtool", e);
        } finally {
            if (!ok) {
                LOG.warn("netconf-testtool log: {}", devices.log());
                devices.close();
            }
        }
        LOG.info("netconf-testtool: {} devices on {}:{}..{} in {}", count, address, firstPort, firstPort + count - 1,
            ns);
        return devices;
    }

    public int port(final int index) {
        return firstPort + index;
    }

    public int count() {
        return count;
    }

    public String log() {
        return RunDir.readOrEmpty(dir.resolve("testtool.log"));
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        // ip netns exec execs java: the process is the simulator itself
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
