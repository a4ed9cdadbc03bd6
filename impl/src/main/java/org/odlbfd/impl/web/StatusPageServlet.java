/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The status page: three static files carried in this bundle ({@code src/main/resources/bfd-status}),
 * plain HTML, CSS and JavaScript with no build step. The page itself reads RESTCONF (operational
 * state, and the notification stream for live updates) with the browser's credentials.
 */
final class StatusPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ROOT = "/bfd-status/";
    /** The only files served, and their types: nothing else of the bundle is reachable. */
    private static final Map<String, String> FILES = Map.of(
        "index.html", "text/html; charset=utf-8",
        "status.js", "text/javascript; charset=utf-8",
        "status.css", "text/css; charset=utf-8");

    @Override
    protected void doGet(final HttpServletRequest req, final HttpServletResponse resp) throws IOException {
        final String path = req.getPathInfo();
        if (path == null) {
            // "/bfd" without the slash: relative links in the page need the slash
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        final String name = "/".equals(path) ? "index.html" : path.substring(1);
        final String type = FILES.get(name);
        if (type == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = StatusPageServlet.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            resp.setContentType(type);
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(resp.getOutputStream());
        }
    }
}
