/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to every bfdv1 control-plane-protocol instance in the config datastore and hands the
 * sessions it holds to a {@link SessionSink}. Sessions placed on a NETCONF device (odl-bfd-ext
 * {@code placement/node}, see {@link Placements}) are the device's and are skipped. Each change
 * is handled by comparing the instance's whole new session set with the set applied before, so a
 * spurious or repeated notification changes nothing (MD-SAL may deliver those). When a key
 * chain's algorithm changes, the sessions using it get another BFD Auth Type: {@link KeyChainKeys}
 * calls back, and the last configuration seen is reconciled again. That callback comes from the
 * key-chain listener's thread, so both paths take one lock (configuration events are rare; engine
 * threads never take it).
 */
public final class BfdConfigListener implements DataTreeChangeListener<ControlPlaneProtocol>, AutoCloseable {
    /** Every control-plane-protocol instance; non-BFD ones are filtered by type. */
    public static final DataObjectReference<ControlPlaneProtocol> PROTOCOLS = DataObjectReference
        .builder(Routing.class).child(ControlPlaneProtocols.class).child(ControlPlaneProtocol.class).build();

    private static final Logger LOG = LoggerFactory.getLogger(BfdConfigListener.class);

    private final Map<String, Map<SessionKey, SessionConfig>> applied = new HashMap<>();
    private final Map<String, ControlPlaneProtocol> lastSeen = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final SessionSink sink;
    private final ConfigMapper.ChainAlgorithms algorithms;
    private final Registration registration;

    /**
     * Registers the listener without key chains: authenticated sessions are not run.
     *
     * @param dataBroker the binding data broker
     * @param sink receives session changes
     */
    public BfdConfigListener(final DataBroker dataBroker, final SessionSink sink) {
        this(dataBroker, sink, new KeyChainKeys());
    }

    /**
     * Registers the listener.
     *
     * @param dataBroker the binding data broker
     * @param sink receives session changes
     * @param keys the key chains; their algorithms give the sessions' BFD Auth Type
     */
    @Inject
    public BfdConfigListener(final DataBroker dataBroker, final SessionSink sink, final KeyChainKeys keys) {
        this.sink = requireNonNull(sink);
        algorithms = keys::algorithm;
        keys.onAlgorithmChange(this::keyChainsChanged);
        registration = dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION, PROTOCOLS, this);
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<ControlPlaneProtocol>> changes) {
        lock.lock();
        try {
            for (var change : changes) {
                final var root = change.getRootNode();
                final var before = root.dataBefore();
                final var after = root.dataAfter();
                final var name = after != null ? after.requireName() : requireNonNull(before).requireName();
                if (after == null) {
                    lastSeen.remove(name);
                } else {
                    lastSeen.put(name, after);
                }
                reconcile(name, sessionsOf(after));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Re-applies the configuration last seen after key chains changed algorithm. Reconciling
     * compares whole session configs, so only the sessions whose Auth Type (or runnability) changed
     * reach the sink.
     *
     * @param chains the chains whose algorithm changed
     */
    void keyChainsChanged(final Set<String> chains) {
        lock.lock();
        try {
            LOG.debug("Key chains {} changed algorithm, re-applying BFD sessions", chains);
            for (var entry : Map.copyOf(lastSeen).entrySet()) {
                reconcile(entry.getKey(), sessionsOf(entry.getValue()));
            }
        } finally {
            lock.unlock();
        }
    }

    private void reconcile(final String protocol, final Map<SessionKey, SessionConfig> wanted) {
        final var old = applied.getOrDefault(protocol, Map.of());
        for (var entry : old.entrySet()) {
            if (!wanted.containsKey(entry.getKey())) {
                sink.remove(protocol, entry.getKey());
            }
        }
        for (var config : wanted.values()) {
            if (!config.equals(old.get(config.key()))) {
                sink.apply(config);
            }
        }
        if (wanted.isEmpty()) {
            applied.remove(protocol);
        } else {
            applied.put(protocol, wanted);
        }
    }

    private Map<SessionKey, SessionConfig> sessionsOf(final @Nullable ControlPlaneProtocol protocol) {
        final var result = new LinkedHashMap<SessionKey, SessionConfig>();
        final Bfd bfd = BfdInstance.bfd(protocol);
        if (protocol == null || bfd == null) {
            return result;
        }
        final var name = protocol.requireName();
        // odl-bfd-ext profiles: a change to one reaches every session using it here (Poll/Final)
        final var profiles = Profiles.of(bfd);
        // a session placed on a NETCONF device is that device's to run (package southbound), not this agent's
        BfdInstance.forEachSession(bfd, (session, interfaceAuth) -> {
            if (!Placements.isPlaced(session)) {
                final var ext = session.augmentation(Session1.class);
                add(result, name, () -> ConfigMapper.singleHop(name, session, interfaceAuth, algorithms,
                    profiles.forSession(ext == null ? null : ext.getProfile())));
            }
        }, group -> {
            if (!Placements.isPlaced(group)) {
                final var ext = group.augmentation(SessionGroup1.class);
                add(result, name, () -> ConfigMapper.multiHop(name, group, algorithms,
                    profiles.forSession(ext == null ? null : ext.getProfile())));
            }
        });
        return result;
    }

    private void add(final Map<SessionKey, SessionConfig> result, final String protocol,
            final Supplier<SessionConfig> mapper) {
        final SessionConfig config;
        try {
            config = mapper.get();
        } catch (IllegalArgumentException e) {
            // the validator rejects such input before commit; this guards data written around it
            LOG.error("Ignoring an invalid BFD session in protocol {}: {}", protocol, e.getMessage());
            return;
        }
        for (var entry : applied.entrySet()) {
            if (!entry.getKey().equals(protocol) && entry.getValue().containsKey(config.key())) {
                LOG.error("Ignoring BFD session {} in protocol {}: protocol {} already runs it", config.key(),
                    protocol, entry.getKey());
                return;
            }
        }
        result.put(config.key(), config);
    }

    @Override
    public void close() {
        registration.close();
    }
}
