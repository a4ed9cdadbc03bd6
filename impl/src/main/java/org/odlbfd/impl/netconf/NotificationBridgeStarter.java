/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.netconf;

import static java.util.Objects.requireNonNull;

import org.opendaylight.mdsal.dom.api.DOMNotificationService;
import org.opendaylight.mdsal.dom.api.DOMSchemaService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link NotificationBridge} in the controller while ODL's NETCONF northbound runs, and
 * stops it when the northbound goes. odl-bfd must install without NETCONF northbound (the
 * features test installs it alone), so nothing here names a NETCONF type: the notification
 * manager is tracked by class name, and the bridge class, whose imports are optional, is loaded
 * only once such a service exists. A Declarative Services component with a mandatory reference
 * did the same, but left the bundle "Waiting" where NETCONF is absent, which the features test
 * counts as a failure.
 */
public final class NotificationBridgeStarter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationBridgeStarter.class);
    private static final String COLLECTOR =
        "org.opendaylight.netconf.server.api.notifications.NetconfNotificationCollector";

    private final ServiceTracker<Object, Runnable> tracker;

    /**
     * Starts tracking ODL's NETCONF notification manager.
     *
     * @param bundleContext this bundle's context
     * @param notifications MD-SAL's notification service (BFD notifications come from there)
     * @param schemaService the schema, to write notifications as XML
     * @throws InvalidSyntaxException never (the filter is constant)
     */
    public NotificationBridgeStarter(final BundleContext bundleContext, final DOMNotificationService notifications,
            final DOMSchemaService schemaService) throws InvalidSyntaxException {
        requireNonNull(notifications);
        requireNonNull(schemaService);
        final var filter = bundleContext.createFilter("(&(objectClass=" + COLLECTOR
            + ")(type=netconf-notification-manager))");
        tracker = new ServiceTracker<>(bundleContext, filter, null) {
            @Override
            public Runnable addingService(final ServiceReference<Object> reference) {
                final Object collector = context.getService(reference);
                try {
                    return Bridges.start(notifications, schemaService, collector);
                } catch (LinkageError e) {
                    // the optional import of NETCONF's package was not wired when this bundle resolved
                    LOG.warn("NETCONF northbound runs, but bfd-impl was resolved without it: refresh bfd-impl "
                        + "to forward BFD notifications to NETCONF", e);
                    context.ungetService(reference);
                    return null;
                }
            }

            @Override
            public void removedService(final ServiceReference<Object> reference, final Runnable closeBridge) {
                closeBridge.run();
                context.ungetService(reference);
            }
        };
        tracker.open();
    }

    /**
     * Uses {@link FrameworkUtil} to find this bundle's context, for Blueprint.
     *
     * @param notifications MD-SAL's notification service
     * @param schemaService the schema
     * @return the starter
     * @throws InvalidSyntaxException never
     */
    public static NotificationBridgeStarter forBundle(final DOMNotificationService notifications,
            final DOMSchemaService schemaService) throws InvalidSyntaxException {
        return new NotificationBridgeStarter(FrameworkUtil.getBundle(NotificationBridgeStarter.class)
            .getBundleContext(), notifications, schemaService);
    }

    @Override
    public void close() {
        tracker.close();
    }

    /** Holds every reference to NETCONF types, so that this class loads only with NETCONF present. */
    private static final class Bridges {
        private Bridges() {
            // statics only
        }

        /** Returns what closes the bridge. */
        static Runnable start(final DOMNotificationService notifications, final DOMSchemaService schemaService,
                final Object collector) {
            final var bridge = new NotificationBridge(notifications, schemaService,
                (org.opendaylight.netconf.server.api.notifications.NetconfNotificationCollector) collector);
            return bridge::close;
        }
    }
}
