/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A minimal RFC 8040 client for the controller under test (admin/admin, port 8181 on the
 * management link). Each method is one request, the same one docs/walkthrough.md shows with curl.
 */
final class Http {
    private static final String JSON = "application/yang-data+json";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String auth;

    /** What the server answered. */
    record Reply(int status, String body) {
        JsonElement json() {
            return JsonParser.parseString(body);
        }

        /** RESTCONF's absent-data answer (ODL 10 says 409, RFC 8040 says 404; both carry data-missing). */
        boolean isDataMissing() {
            return (status == 404 || status == 409) && body.contains("\"data-missing\"");
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    Http(final String host) {
        this("http://" + host + ":8181", "admin", "admin");
    }

    private Http(final String root, final String user, final String password) {
        this.root = root;
        auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same server as another AAA user. */
    Http as(final String user, final String password) {
        return new Http(root, user, password);
    }

    Reply get(final String dataPath) throws IOException, InterruptedException {
        return send(request("/rests/data/" + dataPath).GET());
    }

    Reply put(final String dataPath, final String json) throws IOException, InterruptedException {
        return send(request("/rests/data/" + dataPath).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(final String dataPath, final String json) throws IOException, InterruptedException {
        return send(request("/rests/data/" + dataPath).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(final String dataPath) throws IOException, InterruptedException {
        return send(request("/rests/data/" + dataPath).DELETE());
    }

    /** POST to {@code /rests/operations/RPC}. */
    Reply rpc(final String rpc, final String json) throws IOException, InterruptedException {
        return send(request("/rests/operations/" + rpc).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A GET of any URL on the controller (not RESTCONF data), e.g. {@code /bfd/metrics}.
     *
     * @param url absolute URL
     * @param authorization the Authorization header, or null to send none
     * @param accept the Accept header
     */
    Reply raw(final String url, final String authorization, final String accept)
            throws IOException, InterruptedException {
        final var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
            .header("Accept", accept).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder);
    }

    /**
     * Opens a server-sent-event stream at an absolute URL. ODL sends the response headers only with
     * the first event, so this does not wait for them; closing the lines closes the connection.
     */
    CompletableFuture<HttpResponse<Stream<String>>> openEvents(final String url) {
        final var req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
            .header("Accept", "text/event-stream").GET().build();
        return client.sendAsync(req, HttpResponse.BodyHandlers.ofLines());
    }

    /** Base URL, e.g. {@code http://198.51.100.6:8181}. */
    String root() {
        return root;
    }

    private HttpRequest.Builder request(final String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
            .header("Authorization", auth).header("Accept", JSON).header("Content-Type", JSON);
    }

    /**
     * Any request: {@code path} is from the server root (e.g. {@code /auth/v1/users}), {@code body} null for none.
     */
    Reply send(final String method, final String path, final String contentType, final String body)
            throws IOException, InterruptedException {
        // AAA's IDM API speaks plain JSON, RESTCONF (also for a YANG Patch's status) yang-data+json
        final var builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
            .header("Authorization", auth)
            .header("Accept", "application/json".equals(contentType) ? contentType : JSON);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(builder);
    }

    private Reply send(final HttpRequest.Builder builder) throws IOException, InterruptedException {
        final var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
