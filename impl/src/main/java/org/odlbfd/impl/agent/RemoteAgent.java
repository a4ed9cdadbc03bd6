/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.odlbfd.impl.EmbeddedAgent;
import org.odlbfd.impl.config.BfdConfigListener;
import org.odlbfd.impl.config.ConfigValidatorCohort;
import org.odlbfd.impl.config.KeyChainKeys;
import org.odlbfd.impl.config.KeyChainListener;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.oper.StatePublisher;
import org.odlbfd.impl.transport.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote BFD agent ({@code tools/run-agent.sh}): our engine on real UDP sockets, serving ietf-bfd
 * over NETCONF. The same classes as the controller's embedded agent (config listener and validator,
 * operational writer, state publisher, {@link EmbeddedAgent}), wired here by hand over an in-memory
 * MD-SAL ({@link InMemoryMdsal}) instead of by Blueprint over the clustered datastore, and ODL's
 * NETCONF server ({@link NetconfSshServer}) instead of RESTCONF. The controller mounts it through
 * topology-netconf like any device.
 */
public final class RemoteAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteAgent.class);

    private final List<AutoCloseable> owned = new ArrayList<>();

    private RemoteAgent() {
        // started by start()
    }

    /**
     * Runs the agent until the JVM is told to stop (SIGTERM, Ctrl-C).
     *
     * @param args {@code [--config FILE]}
     * @throws Exception when the agent cannot start; the message says why
     */
    @SuppressWarnings("checkstyle:IllegalThrows")
    public static void main(final String[] args) throws Exception {
        // as AgentMain: Netty's leak detector costs ~1 % CPU per packet; on only when asked for
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        Path config = null;
        if (args.length == 2 && "--config".equals(args[0])) {
            config = Path.of(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("usage: RemoteAgent [--config FILE]");
        }
        final var settings = AgentSettings.load(config);
        final var agent = start(settings);
        final var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "agent-shutdown"));
        LOG.info("odl-bfd remote agent ready {} ms after JVM start: {}",
            System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(), settings);
        stopped.await();
    }

    /**
     * Starts the BFD engine, its datastore wiring and the NETCONF server.
     *
     * @param settings the settings
     * @return the running agent
     * @throws Exception when a part cannot start; what started is stopped again
     */
    @SuppressWarnings("checkstyle:IllegalThrows")
    public static RemoteAgent start(final AgentSettings settings) throws Exception {
        final var agent = new RemoteAgent();
        boolean started = false;
        try {
            agent.wire(settings);
            started = true;
        } finally {
            if (!started) {
                agent.close();
            }
        }
        return agent;
    }

    @SuppressWarnings("checkstyle:IllegalThrows")
    private void wire(final AgentSettings settings) throws Exception {
        final var mdsal = own(new InMemoryMdsal());
        final var dataBroker = mdsal.dataBroker();
        // the Blueprint wiring of bfd-impl.xml, in the same order; the cohort's host rules see this host
        final var keys = new KeyChainKeys();
        own(new KeyChainListener(dataBroker, keys));
        final var writer = own(new OperationalWriter(dataBroker));
        final var publisher = own(new StatePublisher(writer, mdsal.notificationPublisher()));
        final var bfd = own(new EmbeddedAgent(publisher, keys, settings.threads(),
            TransportConfig.STANDARD.withEchoAddressing(settings.echoAddressing()), settings.countersPeriodMillis()));
        own(new ConfigValidatorCohort(mdsal.domDataBroker(), mdsal.codec(), bfd, settings.maxSessions()));
        own(new BfdConfigListener(dataBroker, bfd, keys));
        own(netconf(settings, mdsal));
    }

    @SuppressWarnings("checkstyle:IllegalThrows")
    private static NetconfSshServer netconf(final AgentSettings settings, final InMemoryMdsal mdsal) throws Exception {
        try {
            return new NetconfSshServer(settings, mdsal.schemaService(), mdsal.domDataBroker(), mdsal.rpcService(),
                mdsal.notificationService(), mdsal.dataBroker());
        } catch (ExecutionException e) {
            // "::" needs IPv6 in the kernel; without it "every address" is every IPv4 address
            if (!(settings.address() instanceof Inet6Address any6) || !any6.isAnyLocalAddress()) {
                throw e;
            }
            LOG.warn("NETCONF cannot listen on [::] ({}), listening on 0.0.0.0 instead", e.getCause().getMessage());
            return new NetconfSshServer(settings.withAddress(InetAddress.getByAddress(new byte[4])),
                mdsal.schemaService(), mdsal.domDataBroker(), mdsal.rpcService(), mdsal.notificationService(),
                mdsal.dataBroker());
        }
    }

    private <T extends AutoCloseable> T own(final T resource) {
        owned.add(resource);
        return resource;
    }

    /**
     * Stops NETCONF first, then the BFD agent (which tells every peer AdminDown, RFC 5880 §6.8.16), then
     * the datastores.
     */
    @Override
    @SuppressWarnings("checkstyle:IllegalCatch")
    public void close() {
        for (var resource : owned.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly", resource, e);
            }
        }
        owned.clear();
    }
}
