/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.web;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import javax.servlet.ServletException;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.aaa.web.ServletDetails;
import org.opendaylight.aaa.web.WebContext;
import org.opendaylight.aaa.web.WebContextSecurer;
import org.opendaylight.aaa.web.WebServer;
import org.opendaylight.yangtools.concepts.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and registers the {@code /bfd} web context. Kept apart from {@link BfdWebContext} so that
 * the aaa-web and servlet classes are loaded only once the web server is there.
 */
final class WebRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(WebRegistration.class);

    private WebRegistration() {
        // static only
    }

    static @Nullable Registration register(final Object webServer, final Object securer,
            final PrometheusRegistry registry) {
        final var server = (WebServer) webServer;
        final var builder = WebContext.builder().name("odl-bfd").contextPath("/bfd").supportsSessions(false)
            .addServlet(ServletDetails.builder().name("bfd-metrics").servlet(new MetricsServlet(registry))
                .addUrlPattern("/metrics").build())
            .addServlet(ServletDetails.builder().name("bfd-status").servlet(new StatusPageServlet())
                .addUrlPattern("/*").build());
        // the same AAA as RESTCONF: HTTP basic with the RESTCONF users
        ((WebContextSecurer) securer).requireAuthentication(builder, "/*");
        try {
            final var registration = server.registerWebContext(builder.build());
            LOG.info("BFD metrics at {}/bfd/metrics, status page at {}/bfd/", server.getBaseURL(),
                server.getBaseURL());
            return registration;
        } catch (ServletException e) {
            LOG.error("BFD web context /bfd not registered", e);
            return null;
        }
    }
}
