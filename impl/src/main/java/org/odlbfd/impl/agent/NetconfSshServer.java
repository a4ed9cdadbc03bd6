/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.odlbfd.impl.netconf.KeyedFilterFix;
import org.odlbfd.impl.netconf.NotificationBridge;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMNotificationService;
import org.opendaylight.mdsal.dom.api.DOMRpcService;
import org.opendaylight.mdsal.dom.api.DOMSchemaService;
import org.opendaylight.netconf.api.TransportConstants;
import org.opendaylight.netconf.common.di.DefaultNetconfTimer;
import org.opendaylight.netconf.northbound.monitoring.MdsalMonitoringMapperFactory;
import org.opendaylight.netconf.northbound.monitoring.MonitoringToMdsalWriter;
import org.opendaylight.netconf.server.NetconfServerSessionNegotiatorFactory;
import org.opendaylight.netconf.server.ServerTransportInitializer;
import org.opendaylight.netconf.server.impl.DefaultSessionIdProvider;
import org.opendaylight.netconf.server.mdsal.MdsalNetconfOperationServiceFactory;
import org.opendaylight.netconf.server.mdsal.notifications.NetconfNotificationManager;
import org.opendaylight.netconf.server.mdsal.notifications.NetconfNotificationOperationServiceFactory;
import org.opendaylight.netconf.server.mdsal.operations.MapperAggregatorRegistry;
import org.opendaylight.netconf.server.osgi.NetconfMonitoringServiceImpl;
import org.opendaylight.netconf.shaded.sshd.server.auth.password.UserAuthPasswordFactory;
import org.opendaylight.netconf.shaded.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.opendaylight.netconf.transport.api.UnsupportedConfigurationException;
import org.opendaylight.netconf.transport.ssh.SSHServer;
import org.opendaylight.netconf.transport.ssh.SSHTransportStackFactory;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.PortNumber;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.server.rev240814.netconf.server.listen.stack.grouping.transport.ssh.ssh.TcpServerParametersBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.tcp.server.rev241010.tcp.server.grouping.LocalBindBuilder;
import org.opendaylight.yangtools.binding.data.codec.impl.SimpleBindingDOMCodecFactory;
import org.opendaylight.yangtools.binding.generator.impl.DefaultBindingRuntimeGenerator;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ODL's NETCONF server over the agent's MD-SAL, assembled from the same classes the controller's
 * {@code odl-netconf-mdsal} feature wires with OSGi (netconf 10.0.2): the MD-SAL operations
 * (get, get-config, edit-config on candidate, commit, lock, validate, RPCs), RFC 5277
 * create-subscription, ietf-netconf-monitoring state and get-schema, all behind ODL's SSH transport.
 * Only the password check is the agent's own: one user and password from its settings.
 */
final class NetconfSshServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfSshServer.class);
    /** netconf-nb's default (OSGiNetconfServer): a client has this long to finish its hello. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 20_000;
    /** How often netconf-state/sessions counters are refreshed (netconf-nb's default, seconds). */
    private static final long MONITORING_PERIOD_SECONDS = 6;

    private final List<AutoCloseable> owned = new ArrayList<>();
    private final SSHServer server;

    /**
     * Starts the server and waits until it listens.
     *
     * @param settings address, port, user, password, host key file
     * @param schemaService the models served
     * @param domBroker the datastores
     * @param rpcService RPCs
     * @param notifications where the BFD notifications come from
     * @param dataBroker where netconf-state is written
     * @throws YangParserException when the NETCONF notification models do not parse
     * @throws UnsupportedConfigurationException when the listening parameters are refused
     * @throws ExecutionException when binding the port fails
     * @throws InterruptedException when interrupted
     * @throws TimeoutException when binding takes over 30 s
     */
    NetconfSshServer(final AgentSettings settings, final DOMSchemaService schemaService, final DOMDataBroker domBroker,
            final DOMRpcService rpcService, final DOMNotificationService notifications, final DataBroker dataBroker)
            throws YangParserException, UnsupportedConfigurationException, ExecutionException, InterruptedException,
            TimeoutException {
        boolean started = false;
        try {
            server = start(settings, schemaService, domBroker, rpcService, notifications, dataBroker);
            started = true;
        } finally {
            if (!started) {
                closeOwned();
            }
        }
        LOG.info("NETCONF (SSH) listening on [{}]:{}", settings.address().getHostAddress(), settings.port());
    }

    private SSHServer start(final AgentSettings settings, final DOMSchemaService schemaService,
            final DOMDataBroker domBroker, final DOMRpcService rpcService, final DOMNotificationService notifications,
            final DataBroker dataBroker) throws YangParserException, UnsupportedConfigurationException,
            ExecutionException, InterruptedException, TimeoutException {
        final var aggregator = own(new MapperAggregatorRegistry());
        // ODL's MD-SAL operations, wrapped so that ODL's own NETCONF client can read below
        // control-plane-protocol=TYPE,NAME (see KeyedFilterFix); the wrapper is registered in their place
        final var mdsalOps = own(new MdsalNetconfOperationServiceFactory(schemaService, domBroker, rpcService,
            KeyedFilterFix.unregistered()));
        final var operations = new KeyedFilterFix(mdsalOps, schemaService::getGlobalContext);
        aggregator.onAddNetconfOperationServiceFactory(operations);
        final var notificationManager = own(new NetconfNotificationManager(new DefaultYangParserFactory(),
            new DefaultBindingRuntimeGenerator(), new SimpleBindingDOMCodecFactory()));
        own(new NetconfNotificationOperationServiceFactory(notificationManager, aggregator));
        own(new NotificationBridge(notifications, schemaService, notificationManager));

        final var monitoring = own(new NetconfMonitoringServiceImpl(aggregator,
            Thread.ofPlatform().name("agent-netconf-monitoring").daemon().factory(), MONITORING_PERIOD_SECONDS,
            TimeUnit.SECONDS));
        // capability-change notifications on the NETCONF stream, as in the controller
        monitoring.setNotificationPublisher(notificationManager.registerBaseNotificationPublisher());
        own(new MdsalMonitoringMapperFactory(aggregator, monitoring));
        own(new MonitoringToMdsalWriter(dataBroker, monitoring));

        final var timer = own(new DefaultNetconfTimer());
        final var initializer = new ServerTransportInitializer(NetconfServerSessionNegotiatorFactory.builder()
            .setTimer(timer)
            .setAggregatedOpService(aggregator)
            .setIdProvider(new DefaultSessionIdProvider())
            .setConnectionTimeoutMillis(CONNECTION_TIMEOUT_MILLIS)
            .setMonitoringService(monitoring)
            .build());
        final var transport = own(new SSHTransportStackFactory("agent-netconf", 1));
        final var listen = new TcpServerParametersBuilder()
            .setLocalBind(BindingMap.of(new LocalBindBuilder()
                .setLocalAddress(IetfInetUtil.ipAddressFor(settings.address()))
                .setLocalPort(new PortNumber(Uint16.valueOf(settings.port())))
                .build()))
            .build();
        final byte[] user = settings.user().getBytes(StandardCharsets.UTF_8);
        final byte[] password = settings.password().getBytes(StandardCharsets.UTF_8);
        return transport.listenServer(TransportConstants.SSH_SUBSYSTEM, initializer, listen, null, manager -> {
            manager.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
            manager.setPasswordAuthenticator((name, pass, session) -> {
                // both compared, in constant time: the timing tells nothing about either
                final boolean userMatches = MessageDigest.isEqual(user, name.getBytes(StandardCharsets.UTF_8));
                final boolean passwordMatches = MessageDigest.isEqual(password,
                    pass.getBytes(StandardCharsets.UTF_8));
                return userMatches && passwordMatches;
            });
            final var hostKey = settings.hostKey();
            manager.setKeyPairProvider(hostKey == null ? new SimpleGeneratorHostKeyProvider()
                : new SimpleGeneratorHostKeyProvider(hostKey));
        }).get(30, TimeUnit.SECONDS);
    }

    private <T extends AutoCloseable> T own(final T resource) {
        owned.add(resource);
        return resource;
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("NETCONF server did not shut down cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeOwned();
    }

    @SuppressWarnings("checkstyle:IllegalCatch")
    private void closeOwned() {
        for (var resource : owned.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly", resource, e);
            }
        }
    }
}
