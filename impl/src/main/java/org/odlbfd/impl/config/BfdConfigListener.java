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
import java.util.function.Supplier;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.Bfd;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to every bfdv1 control-plane-protocol instance in the config datastore and hands the
 * sessions it holds to a {@link SessionSink}. Each change is handled by comparing the instance's
 * whole new session set with the set applied before, so a spurious or repeated notification
 * changes nothing (MD-SAL may deliver those). MD-SAL calls one listener from one thread at a
 * time, so the applied map needs no locking.
 */
public final class BfdConfigListener implements DataTreeChangeListener<ControlPlaneProtocol>, AutoCloseable {
    /** Every control-plane-protocol instance; non-BFD ones are filtered by type. */
    public static final DataObjectReference<ControlPlaneProtocol> PROTOCOLS = DataObjectReference
        .builder(Routing.class).child(ControlPlaneProtocols.class).child(ControlPlaneProtocol.class).build();

    private static final Logger LOG = LoggerFactory.getLogger(BfdConfigListener.class);

    private final Map<String, Map<SessionKey, SessionConfig>> applied = new HashMap<>();
    private final SessionSink sink;
    private final Registration registration;

    /**
     * Registers the listener.
     *
     * @param dataBroker the binding data broker
     * @param sink receives session changes
     */
    @Inject
    public BfdConfigListener(final DataBroker dataBroker, final SessionSink sink) {
        this.sink = requireNonNull(sink);
        registration = dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION, PROTOCOLS, this);
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<ControlPlaneProtocol>> changes) {
        for (var change : changes) {
            final var root = change.getRootNode();
            final var before = root.dataBefore();
            final var after = root.dataAfter();
            final var name = after != null ? after.requireName() : requireNonNull(before).requireName();
            reconcile(name, sessionsOf(after));
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
        if (protocol == null || !(protocol.getType() instanceof Bfdv1)) {
            return result;
        }
        final var bfdAug = protocol.augmentation(ControlPlaneProtocol1.class);
        final Bfd bfd = bfdAug == null ? null : bfdAug.getBfd();
        if (bfd == null) {
            return result;
        }
        final var name = protocol.requireName();
        final var sh = bfd.augmentation(Bfd1.class);
        if (sh != null && sh.getIpSh() != null && sh.getIpSh().getSessions() != null) {
            for (var session : sh.getIpSh().getSessions().nonnullSession().values()) {
                add(result, name, () -> ConfigMapper.singleHop(name, session));
            }
        }
        // the ip-mh augmentation shares the class name Bfd1 with the imported ip-sh one
        final var mh = bfd.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh
            .rev220922.Bfd1.class);
        if (mh != null && mh.getIpMh() != null && mh.getIpMh().getSessionGroups() != null) {
            for (var group : mh.getIpMh().getSessionGroups().nonnullSessionGroup().values()) {
                add(result, name, () -> ConfigMapper.multiHop(name, group));
            }
        }
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
