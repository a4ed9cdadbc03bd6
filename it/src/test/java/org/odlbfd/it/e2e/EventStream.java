/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RESTCONF event stream followed as server-sent events (RFC 8040 §6.4): every event's
 * {@code data:} lines joined, with the time it arrived.
 */
final class EventStream implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    /** One server-sent event. */
    record Event(Instant arrived, long arrivedNanos, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final String url;
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile int status;

    private EventStream(final CompletableFuture<HttpResponse<Stream<String>>> response, final String url) {
        this.response = response;
        this.url = url;
        reader = new Thread(this::read, "sse-" + url.substring(url.lastIndexOf('/') + 1));
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code url} (a stream location from ietf-restconf-monitoring) and reads in the background. */
    static EventStream open(final Http http, final String url) {
        LOG.info("following event stream {}", url);
        return new EventStream(http.openEvents(url), url);
    }

    private void read() {
        final StringBuilder data = new StringBuilder();
        try {
            final var resp = response.get();
            status = resp.statusCode();
            lines = resp.body();
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(Instant.now(), System.nanoTime(), data.toString()));
                        LOG.debug("SSE event: {}", data);
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5)).append('\n');
                }
            });
        } catch (ExecutionException | IllegalStateException | UncheckedIOException e) {
            LOG.debug("event stream {} ended", url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything received so far. */
    List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Bounded wait for the first event at index {@code from} or later whose data matches. */
    Event await(final int from, final Predicate<String> match, final Duration timeout) {
        final long end = System.nanoTime() + timeout.toNanos();
        do {
            final var now = events();
            for (int i = from; i < now.size(); i++) {
                if (match.test(now.get(i).data())) {
                    return now.get(i);
                }
            }
            Shell.sleep(20);
        } while (System.nanoTime() < end);
        throw new AssertionError("no matching event on " + url + " (HTTP " + status + ") after " + timeout
            + "; received since the mark: " + summary(events(), from));
    }

    /**
     * The events from {@code from} on, each as its arrival, size and first characters: at 10,000
     * sessions an event body can be megabytes, and the whole list once made a message of 2 GB that
     * the test report could not hold.
     */
    private static String summary(final List<Event> all, final int from) {
        final var sb = new StringBuilder().append(Math.max(0, all.size() - from)).append(" event(s)");
        for (int i = Math.max(from, all.size() - 10); i < all.size(); i++) {
            final String data = all.get(i).data();
            sb.append("\n  ").append(all.get(i).arrived()).append(", ").append(data.length()).append(" chars: ")
                .append(data, 0, Math.min(data.length(), 300));
        }
        return sb.toString();
    }

    /** Bounded wait until the server answered the subscription (its headers arrived), then a little more. */
    EventStream awaitConnected(final Duration timeout) {
        try {
            response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("event stream " + url + " not connected after " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        // the server registers its listener around the time it answers
        Shell.sleep(500);
        return this;
    }

    int size() {
        return events.size();
    }

    @Override
    public void close() {
        response.cancel(true);
        final var open = lines;
        if (open != null) {
            open.close();
        }
        reader.interrupt();
    }
}
