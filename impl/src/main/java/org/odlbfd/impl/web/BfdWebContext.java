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
import javax.servlet.ServletException;
import org.opendaylight.aaa.web.ServletDetails;
import org.opendaylight.aaa.web.WebContext;
import org.opendaylight.aaa.web.WebContextSecurer;
import org.opendaylight.aaa.web.WebServer;
import org.opendaylight.yangtools.concepts.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /bfd} on the RESTCONF port (8181): {@code /bfd/metrics} (Prometheus) and the status page
 * {@code /bfd/}. It registers with ODL's web server, as RESTCONF's own JAX-RS endpoint does, and
 * behind the same AAA authentication (HTTP basic, the RESTCONF users): the page needs RESTCONF
 * credentials anyway, and the metrics name sessions and addresses. A Prometheus scraper sends
 * them with {@code basic_auth}.
 *
 * <p>A Declarative Services component, so it starts when the web server and AAA are there and the
 * BFD agent never waits for them.
 */
@Component(service = { })
public final class BfdWebContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BfdWebContext.class);

    private final Registration registration;

    /**
     * Registers the context.
     *
     * @param webServer ODL's web server (pax-web, the RESTCONF port)
     * @param securer AAA
     * @param metrics the BFD metrics the blueprint container registered
     * @throws ServletException when the web server refuses the context
     */
    @Activate
    public BfdWebContext(@Reference final WebServer webServer, @Reference final WebContextSecurer securer,
            @Reference(target = "(odlbfd.metrics=embedded)") final MultiCollector metrics) throws ServletException {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(metrics);
        final var builder = WebContext.builder().name("odl-bfd").contextPath("/bfd").supportsSessions(false)
            .addServlet(ServletDetails.builder().name("bfd-metrics").servlet(new MetricsServlet(registry))
                .addUrlPattern("/metrics").build())
            .addServlet(ServletDetails.builder().name("bfd-status").servlet(new StatusPageServlet())
                .addUrlPattern("/*").build());
        securer.requireAuthentication(builder, "/*");
        registration = webServer.registerWebContext(builder.build());
        LOG.info("BFD metrics at {}/bfd/metrics, status page at {}/bfd/", webServer.getBaseURL(),
            webServer.getBaseURL());
    }

    @Override
    @Deactivate
    public void close() {
        registration.close();
    }
}
