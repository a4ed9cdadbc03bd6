/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.controller;

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

/**
 * A minimal RFC 8040 client for the controller under test (admin/admin on localhost:8181).
 */
final class Restconf {
    static final String BASE = "http://127.0.0.1:8181/rests/data/";
    private static final String AUTH = "Basic "
        + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body) {
        JsonElement json() {
            return JsonParser.parseString(body);
        }

        /**
         * RESTCONF's answer for absent data: RFC 8040 §7 says 404, ODL 10 answers 409; both carry
         * the error-tag data-missing, which is what makes it RESTCONF's answer and not a bare 404.
         */
        boolean isDataMissing() {
            return (status == 404 || status == 409) && body.contains("\"data-missing\"");
        }
    }

    Reply get(final String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Reply put(final String path, final String json) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(final String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    private static HttpRequest.Builder request(final String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
            .header("Authorization", AUTH).header("Accept", "application/yang-data+json")
            .header("Content-Type", "application/yang-data+json");
    }

    private Reply send(final HttpRequest.Builder builder) throws IOException, InterruptedException {
        final var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
