/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket on loopback):
 * open a page, evaluate JavaScript in it, take a screenshot. A fresh profile directory per launch;
 * only the browser we started (and its children) is ever stopped.
 */
final class Chromium implements Resource {
    static final String BINARY = "/usr/bin/chromium";
    private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonObject>> calls = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private Chromium(final Process process, final Path profile, final String url) {
        this.process = process;
        this.profile = profile;
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
            .join();
    }

    /** Starts the browser, as the brief of the status page test says: headless, no sandbox (root), no network noise. */
    static Chromium launch(final Path log) throws IOException {
        final Path profile = Files.createTempDirectory("odlbfd-chromium-");
        Files.createDirectories(log.toAbsolutePath().getParent());
        final Process process = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1400,900",
            "about:blank").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        final long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            final var matcher = DEVTOOLS.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            if (matcher.find()) {
                LOG.info("chromium {} at {}", process.pid(), matcher.group(1));
                return new Chromium(process, profile, matcher.group(1));
            }
            Shell.sleep(100);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IOException("chromium did not start its DevTools endpoint; see " + log);
    }

    /** One CDP command; {@code session} is null for the browser itself. */
    JsonObject call(final String session, final String method, final JsonObject params) {
        final int id = ids.incrementAndGet();
        final var message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        if (session != null) {
            message.addProperty("sessionId", session);
        }
        final var answer = new CompletableFuture<JsonObject>();
        calls.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            final JsonObject reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.getAsJsonObject("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            calls.remove(id);
        }
    }

    /** Opens a tab that sends {@code headers} with every request (page, fetch, EventSource), loads {@code url}. */
    Tab open(final String url, final Map<String, String> headers) {
        final var target = new JsonObject();
        target.addProperty("url", "about:blank");
        final String targetId = call(null, "Target.createTarget", target).get("targetId").getAsString();
        final var attach = new JsonObject();
        attach.addProperty("targetId", targetId);
        attach.addProperty("flatten", true);
        final String session = call(null, "Target.attachToTarget", attach).get("sessionId").getAsString();
        call(session, "Network.enable", new JsonObject());
        final var extra = new JsonObject();
        final var map = new JsonObject();
        headers.forEach(map::addProperty);
        extra.add("headers", map);
        call(session, "Network.setExtraHTTPHeaders", extra);
        call(session, "Page.enable", new JsonObject());
        final var navigate = new JsonObject();
        navigate.addProperty("url", url);
        call(session, "Page.navigate", navigate);
        return new Tab(session);
    }

    /** One page. */
    final class Tab {
        private final String session;

        private Tab(final String session) {
            this.session = session;
        }

        /** Evaluates {@code expression} in the page and returns its JSON value (null when undefined). */
        JsonElement eval(final String expression) {
            final var params = new JsonObject();
            params.addProperty("expression", expression);
            params.addProperty("returnByValue", true);
            final var result = call(session, "Runtime.evaluate", params);
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("page threw: " + result.get("exceptionDetails"));
            }
            return result.getAsJsonObject("result").get("value");
        }

        /** Bounded poll (100 ms) until {@code expression} is true; fails with {@code describe}'s value. */
        void await(final String expression, final Duration timeout, final String describe) {
            final long end = System.nanoTime() + timeout.toNanos();
            do {
                final var value = eval(expression);
                if (value != null && value.isJsonPrimitive() && value.getAsBoolean()) {
                    return;
                }
                Shell.sleep(100);
            } while (System.nanoTime() < end);
            throw new AssertionError("page never showed: " + expression + " within " + timeout + "; page: "
                + eval(describe));
        }

        /** A PNG of the page as it is rendered now. */
        void screenshot(final Path file) throws IOException {
            final var params = new JsonObject();
            params.addProperty("format", "png");
            params.addProperty("captureBeyondViewport", true);
            final String data = call(session, "Page.captureScreenshot", params).get("data").getAsString();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(data));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
            partial.append(data);
            if (last) {
                final var message = JsonParser.parseString(partial.toString()).getAsJsonObject();
                partial.setLength(0);
                if (message.has("id")) {
                    final var call = calls.get(message.get("id").getAsInt());
                    if (call != null) {
                        call.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", new JsonObject());
        } catch (IllegalStateException e) {
            LOG.debug("Browser.close: {}", e.getMessage());
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            LOG.debug("profile {} left behind: {}", profile, e.getMessage());
        }
    }
}
