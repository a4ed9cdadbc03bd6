/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the whole {@code routing/control-plane-protocols} configuration to the tracker on every
 * change: static instances for the routes, bfdv1 instances for session names and
 * process-interface-status. The tracker applies a whole configuration each time, so a spurious or
 * repeated notification changes nothing. The configuration is read once before the listener is
 * registered, so the tracker (and the kernel's start-up reconciliation) hears it even when it is
 * empty, which produces no initial notification.
 */
public final class StaticRouteListener implements DataTreeChangeListener<ControlPlaneProtocols>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StaticRouteListener.class);
    private static final DataObjectIdentifier<ControlPlaneProtocols> PROTOCOLS = DataObjectIdentifier
        .builder(Routing.class).child(ControlPlaneProtocols.class).build();

    private final RouteTracker tracker;
    private final Registration registration;

    /**
     * Reads the configuration, hands it over, then listens.
     *
     * @param dataBroker the binding data broker
     * @param tracker the tracker
     */
    public StaticRouteListener(final DataBroker dataBroker, final RouteTracker tracker) {
        this.tracker = requireNonNull(tracker);
        try (var tx = dataBroker.newReadOnlyTransaction()) {
            handle(tx.read(LogicalDatastoreType.CONFIGURATION, PROTOCOLS).get(30, TimeUnit.SECONDS).orElse(null));
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Static routes not read at start; they follow with the first change", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registration = dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION,
            DataObjectReference.builder(Routing.class).child(ControlPlaneProtocols.class).build(), this);
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<ControlPlaneProtocols>> changes) {
        handle(changes.getLast().getRootNode().dataAfter());
    }

    private void handle(final @Nullable ControlPlaneProtocols protocols) {
        final List<String> errors = new ArrayList<>();
        final TrackedConfig config = ConfigReader.read(protocols, errors);
        for (String error : errors) {
            // the commit cohort refuses such input; this guards data written around it
            LOG.error("Ignoring an invalid {}", error);
        }
        tracker.configure(config);
    }

    @Override
    public void close() {
        registration.close();
    }
}
