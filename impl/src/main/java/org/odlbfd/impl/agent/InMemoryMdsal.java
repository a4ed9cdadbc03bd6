/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import com.google.common.util.concurrent.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.mdsal.binding.dom.adapter.BindingAdapterFactory;
import org.opendaylight.mdsal.binding.dom.adapter.ConstantAdapterContext;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMNotificationService;
import org.opendaylight.mdsal.dom.api.DOMRpcService;
import org.opendaylight.mdsal.dom.api.DOMSchemaService;
import org.opendaylight.mdsal.dom.broker.DOMNotificationRouter;
import org.opendaylight.mdsal.dom.broker.DOMRpcRouter;
import org.opendaylight.mdsal.dom.broker.RouterDOMNotificationService;
import org.opendaylight.mdsal.dom.broker.RouterDOMPublishNotificationService;
import org.opendaylight.mdsal.dom.broker.RouterDOMRpcService;
import org.opendaylight.mdsal.dom.broker.SerializedDOMDataBroker;
import org.opendaylight.mdsal.dom.spi.FixedDOMSchemaService;
import org.opendaylight.mdsal.dom.spi.store.DOMStore;
import org.opendaylight.mdsal.dom.store.inmemory.InMemoryDOMDataStore;
import org.opendaylight.mdsal.dom.store.inmemory.InMemoryDOMDataStoreConfigProperties;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.data.codec.impl.BindingCodecContext;
import org.opendaylight.yangtools.binding.generator.impl.DefaultBindingRuntimeGenerator;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.api.DefaultBindingRuntimeContext;
import org.opendaylight.yangtools.binding.runtime.api.ModuleInfoSnapshot;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.binding.runtime.spi.ModuleInfoSnapshotBuilder;
import org.opendaylight.yangtools.util.concurrent.SpecialExecutors;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * MD-SAL in one process, the way ODL's netconf-testtool builds it ({@code --md-sal true}): the YANG
 * models, mdsal's in-memory datastores behind a serialized DOM broker, the DOM notification and RPC
 * routers, the binding codec and the binding adapters our impl classes use. Nothing persists: the
 * agent starts empty and the controller that mounts it writes its configuration again.
 */
final class InMemoryMdsal implements AutoCloseable {
    /** Commits run one at a time, in order (netconf-testtool uses a pool; ordering matters to us). */
    private static final int COMMIT_THREADS = 1;
    private static final int COMMIT_QUEUE = 1024;
    private static final int NOTIFICATION_QUEUE = 1024;
    private static final Set<String> NETCONF_MODULES = Set.of("ietf-netconf", "ietf-netconf-monitoring",
        "odl-netconf-monitoring", "notifications", "nc-notifications", "ietf-netconf-notifications");

    private final ModuleInfoSnapshot models;
    private final DOMSchemaService schemaService;
    private final ExecutorService commitExecutor;
    private final List<ExecutorService> listenerExecutors = new ArrayList<>();
    private final ValidatingDataBroker domBroker;
    private final DOMNotificationRouter notificationRouter;
    private final DOMRpcRouter rpcRouter;
    private final BindingCodecContext codec;
    private final DataBroker dataBroker;
    private final NotificationPublishService notificationPublisher;

    InMemoryMdsal() throws YangParserException {
        final YangParserFactory parser = new DefaultYangParserFactory();
        models = new ModuleInfoSnapshotBuilder(parser).add(modules()).build();
        // the YANG texts go with the model: NETCONF's <get-schema> serves them and the capabilities name them
        schemaService = new FixedDOMSchemaService(models::modelContext,
            source -> Futures.immediateFuture(models.yangTextSource(source)));
        codec = new BindingCodecContext(new DefaultBindingRuntimeContext(
            new DefaultBindingRuntimeGenerator().generateTypeMapping(models.modelContext()), models));

        commitExecutor = SpecialExecutors.newBlockingBoundedFastThreadPool(COMMIT_THREADS, COMMIT_QUEUE,
            "agent-commit", InMemoryMdsal.class);
        final Map<LogicalDatastoreType, DOMStore> stores = Map.of(
            LogicalDatastoreType.CONFIGURATION, store(LogicalDatastoreType.CONFIGURATION),
            LogicalDatastoreType.OPERATIONAL, store(LogicalDatastoreType.OPERATIONAL));
        domBroker = new ValidatingDataBroker(new SerializedDOMDataBroker(stores, commitExecutor),
            models::modelContext);
        notificationRouter = new DOMNotificationRouter(NOTIFICATION_QUEUE);
        rpcRouter = new DOMRpcRouter(schemaService);

        final var adapters = new BindingAdapterFactory(new ConstantAdapterContext(codec));
        dataBroker = adapters.createDataBroker(domBroker);
        notificationPublisher = adapters.createNotificationPublishService(
            new RouterDOMPublishNotificationService(notificationRouter));
    }

    /**
     * The modules the agent serves: every BFD module on the class path (ietf-bfd and its RFC 9314
     * companions, odl-bfd-ext), and the NETCONF modules a client needs from a server: ietf-netconf (ODL's
     * NETCONF client parses get and get-config replies against the server's own copy), ietf-netconf-monitoring
     * for {@code netconf-state} and ODL's extension of it, RFC 5277's notifications and RFC 6470's
     * ietf-netconf-notifications (the server sends capability changes). Their imports (ietf-routing,
     * ietf-interfaces, ietf-key-chain, ...) come with them.
     */
    private static Iterable<YangModuleInfo> modules() {
        return BindingRuntimeHelpers.loadModuleInfos().stream().filter(info -> {
            final String name = info.getName().getLocalName();
            return name.startsWith("ietf-bfd") || name.startsWith("iana-bfd") || name.startsWith("odl-bfd")
                || NETCONF_MODULES.contains(name);
        }).toList();
    }

    private InMemoryDOMDataStore store(final LogicalDatastoreType type) {
        final var props = InMemoryDOMDataStoreConfigProperties.getDefault();
        // one listener thread: the in-memory store keeps each listener's changes in order on it
        final var executor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("agent-" + type.name().toLowerCase(Locale.ROOT) + "-listeners").daemon().factory());
        listenerExecutors.add(executor);
        final var store = new InMemoryDOMDataStore(type.name(), type, executor,
            props.getMaxDataChangeListenerQueueSize(), false);
        schemaService.registerSchemaContextListener(store::onModelContextUpdated);
        return store;
    }

    DOMSchemaService schemaService() {
        return schemaService;
    }

    DOMDataBroker domDataBroker() {
        return domBroker;
    }

    DOMRpcService rpcService() {
        return new RouterDOMRpcService(rpcRouter);
    }

    DOMNotificationService notificationService() {
        return new RouterDOMNotificationService(notificationRouter);
    }

    BindingNormalizedNodeSerializer codec() {
        return codec;
    }

    DataBroker dataBroker() {
        return dataBroker;
    }

    NotificationPublishService notificationPublisher() {
        return notificationPublisher;
    }

    @Override
    public void close() {
        rpcRouter.close();
        notificationRouter.close();
        commitExecutor.shutdown();
        listenerExecutors.forEach(ExecutorService::shutdown);
    }
}
