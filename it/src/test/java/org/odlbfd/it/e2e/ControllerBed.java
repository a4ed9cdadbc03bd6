/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end test bed: namespaces A and B joined by veth vA/vB (see {@link NetNs}), the
 * controller in A reached over a management link, and whatever peers a test starts in B. Everything
 * registered here is closed in reverse order. Each controller's own log is copied to
 * {@code target/karaf-logs/} when it stops or is killed ({@link KarafLogs}).
 */
final class ControllerBed implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerBed.class);
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    private final Deque<Resource> owned = new ArrayDeque<>();
    private final String tag;
    private final Path home;
    private final String javaOpts;
    /** The test class that booted this bed, which the kept controller logs are named after. */
    private final String owner = KarafLogs.callerClass();
    final NetNs net;
    final MgmtLink mgmt;
    final Http http;
    private Controller controller;
    /** Stops {@link #controller} and keeps its log ({@link KarafLogs}); what {@link #owned} holds for it. */
    private Resource running;

    private ControllerBed(final String tag, final Path home, final String javaOpts) {
        this.tag = tag;
        this.home = home;
        this.javaOpts = javaOpts;
        net = own(NetNs.pair(tag));
        mgmt = own(MgmtLink.create(net.a()));
        http = new Http(mgmt.controllerAddr());
    }

    /** Creates the namespaces and boots a controller with an empty datastore. */
    static ControllerBed boot(final String tag) throws IOException, InterruptedException {
        return boot(tag, "");
    }

    /**
     * Like {@link #boot(String)}, with the agent's settings (etc/org.odlbfd.agent.cfg, e.g.
     * {@code kernel-routes=true}) for this bed only: the file is put back when the bed closes.
     */
    static ControllerBed boot(final String tag, final String agentSettings) throws IOException,
            InterruptedException {
        return boot(tag, Controller.home(), null, "", agentSettings);
    }

    /**
     * Creates the namespaces and boots a controller with an empty datastore from {@code home}, which
     * {@code owner} (a private copy of the distribution, or null) is closed with.
     */
    static ControllerBed boot(final String tag, final Path home, final Resource owner)
            throws IOException, InterruptedException {
        return boot(tag, home, owner, "");
    }

    /**
     * Like {@link #boot(String, Path, Resource)}, the controller JVM getting {@code javaOpts} on top of
     * {@code bin/setenv}'s (for every start of this bed).
     */
    static ControllerBed boot(final String tag, final Path home, final Resource owner, final String javaOpts)
            throws IOException, InterruptedException {
        return boot(tag, home, owner, javaOpts, "");
    }

    private static ControllerBed boot(final String tag, final Path home, final Resource owner,
            final String javaOpts, final String agentSettings) throws IOException, InterruptedException {
        final ControllerBed bed = new ControllerBed(tag, home, javaOpts);
        if (!agentSettings.isEmpty()) {
            bed.own(AgentSettings.write(home, agentSettings));
        }
        boolean ok = false;
        try {
            if (owner != null) {
                // closed last: the controller that runs from it stops first
                bed.owned.addLast(owner);
            }
            bed.startController(true);
            ok = true;
        } finally {
            if (!ok) {
                bed.close();
            }
        }
        return bed;
    }

    <T extends Resource> T own(final T resource) {
        owned.push(resource);
        return resource;
    }

    Controller controller() {
        return controller;
    }

    /** Starts the controller in namespace A and waits until RESTCONF answers; returns the boot time. */
    Duration startController(final boolean fresh) throws IOException, InterruptedException {
        final long start = System.nanoTime();
        controller = Controller.start(home, net.a(), Path.of("target", "e2e-" + tag + "-karaf.log"), fresh,
            javaOpts);
        final Controller started = controller;
        running = () -> {
            try {
                started.close();
            } finally {
                KarafLogs.save(home, owner);
            }
        };
        owned.push(running);
        awaitRestconf(start);
        final Duration boot = Duration.ofNanos(System.nanoTime() - start);
        Figures.record("MEASURED e2e controller boot-to-RESTCONF in netns " + boot.toMillis() + " ms (fresh="
            + fresh + ", load average " + loadAverage() + ")");
        return boot;
    }

    /** kill -9 of the controller JVM; the next {@link #startController(boolean)} with false restarts on its data. */
    void killController() throws InterruptedException {
        try {
            controller.kill9();
        } finally {
            // the restart appends to the same karaf.log; this copy is what the killed run left
            KarafLogs.save(home, owner);
        }
        owned.remove(running);
        controller = null;
        running = null;
    }

    /** The host's load average over 1, 5 and 15 minutes, as /proc/loadavg gives it; this box is shared. */
    static String loadAverage() {
        try {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void awaitRestconf(final long start) throws InterruptedException {
        final long deadline = start + BOOT_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!controller.isAlive()) {
                fail("controller exited during boot; see target/e2e-" + tag + "-karaf.log and target/karaf-logs/");
            }
            try {
                // ready means RESTCONF itself answers: data, or its own data-missing error (a bare Jetty 404
                // or an AAA 401 comes earlier in the boot)
                final var reply = http.get("ietf-routing:routing?content=config");
                last = reply.toString();
                if (reply.status() == 200 || reply.isDataMissing()) {
                    return;
                }
            } catch (IOException e) {
                LOG.debug("RESTCONF not up yet: {}", e.getMessage());
            }
            Shell.sleep(500);
        }
        fail("RESTCONF did not answer within " + BOOT_TIMEOUT + ", last: " + last);
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            final Resource res = owned.pop();
            try {
                res.close();
            } catch (IllegalStateException | AssertionError e) {
                LOG.warn("cleanup of {} failed", res, e);
            }
        }
    }
}
