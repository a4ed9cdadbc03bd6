/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.web;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.aaa.web.WebContextSecurer;
import org.opendaylight.aaa.web.WebServer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /bfd} on the RESTCONF port (8181): {@code /bfd/metrics} (Prometheus) and the status page
 * {@code /bfd/}. It registers with ODL's web server, as RESTCONF's own JAX-RS endpoint does, and
 * behind the same AAA authentication (HTTP basic, the RESTCONF users): the page needs RESTCONF
 * credentials anyway, and the metrics name sessions and addresses. A Prometheus scraper sends
 * them with {@code basic_auth}.
 *
 * <p>A Declarative Services component whose web server and AAA references are optional and
 * dynamic: the context is registered while both are there. So the BFD agent never waits for the
 * web server, and a controller without one (odl-bfd alone) still has its bundle Active.
 */
@Component(service = { })
public final class BfdWebContext {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    // typed Object: the aaa-web and servlet classes exist only where the web server is, and this
    // class must load without them (WebRegistration, which needs them, loads once both are bound)
    private @Nullable ComponentServiceObjects<?> webServer;
    private @Nullable ComponentServiceObjects<?> securer;
    private @Nullable Registration registration;
    private boolean active = true;

    /**
     * Creates the component.
     *
     * @param metrics the BFD metrics the blueprint container registered
     */
    @Activate
    public BfdWebContext(@Reference(target = "(odlbfd.metrics=embedded)") final MultiCollector metrics) {
        registry.register(metrics);
    }

    @Reference(service = WebServer.class, cardinality = ReferenceCardinality.OPTIONAL,
        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindWebServer")
    synchronized void bindWebServer(final ComponentServiceObjects<?> server) {
        webServer = server;
        update();
    }

    synchronized void unbindWebServer(final ComponentServiceObjects<?> server) {
        if (webServer == server) {
            webServer = null;
            update();
        }
    }

    @Reference(service = WebContextSecurer.class, cardinality = ReferenceCardinality.OPTIONAL,
        policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindSecurer")
    synchronized void bindSecurer(final ComponentServiceObjects<?> newSecurer) {
        securer = newSecurer;
        update();
    }

    synchronized void unbindSecurer(final ComponentServiceObjects<?> oldSecurer) {
        if (securer == oldSecurer) {
            securer = null;
            update();
        }
    }

    private void update() {
        final var previous = registration;
        if (previous != null) {
            previous.close();
            registration = null;
        }
        final var server = webServer;
        final var aaa = securer;
        if (active && server != null && aaa != null) {
            registration = WebRegistration.register(server.getService(), aaa.getService(), registry);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        update();
    }
}
