/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.web;

import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Enumeration;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * One servlet request and response as the Prometheus scrape handler sees an HTTP exchange.
 */
final class ServletExchange implements PrometheusHttpExchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    ServletExchange(final HttpServletRequest request, final HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return request.getQueryString();
            }

            @Override
            public Enumeration<String> getHeaders(final String name) {
                return request.getHeaders(name);
            }

            @Override
            public String getMethod() {
                return request.getMethod();
            }

            @Override
            public String getRequestPath() {
                return request.getRequestURI();
            }
        };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return new PrometheusHttpResponse() {
            @Override
            public void setHeader(final String name, final String value) {
                response.setHeader(name, value);
            }

            @Override
            public OutputStream sendHeadersAndGetBody(final int statusCode, final int contentLength)
                    throws IOException {
                response.setStatus(statusCode);
                if (contentLength > 0) {
                    response.setContentLength(contentLength);
                }
                return response.getOutputStream();
            }
        };
    }

    @Override
    public void handleException(final IOException exception) throws IOException {
        throw exception;
    }

    @Override
    public void handleException(final RuntimeException exception) {
        throw exception;
    }

    @Override
    public void close() {
        // the servlet container completes the response
    }
}
