/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.netconf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.w3c.dom.Document;

/**
 * A NETCONF session that sent {@code <create-subscription/>} (RFC 5277) and collects every
 * notification with the time ncclient handed it over. Closing it closes the client's stdin, which
 * ends it; it is killed if it does not.
 */
public final class Subscription implements Resource {
    /**
     * One notification as received.
     *
     * @param received when the client got it (ns since the epoch, the host's clock)
     * @param xml the whole notification message
     */
    public record Notification(long received, Document xml) {
        /** A leaf of the notification's content, without identity prefix. */
        public String leaf(final String name) {
            return Xml.local(Xml.text(xml, "/notification/*[1]/" + name));
        }

        /** The notification's name, e.g. singlehop-notification. */
        public String type() {
            return xml.getDocumentElement().getElementsByTagName("*").item(0).getNodeName();
        }

        /** When the agent says the session changed state (RFC 9314 time-of-last-state-change). */
        public Instant changedAt() {
            return Instant.parse(leaf("time-of-last-state-change"));
        }

        /** Receive time minus the state change time, in microseconds. */
        public long latencyMicros() {
            final Instant at = changedAt();
            return received / 1000 - (at.getEpochSecond() * 1_000_000 + at.getNano() / 1000);
        }
    }

    private final Process process;
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final CountDownLatch subscribed = new CountDownLatch(1);

    private Subscription(final Process process) {
        this.process = process;
        final var reader = new Thread(this::read, "netconf-subscription-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static Subscription open(final List<String> cmd) {
        final Process process;
        try {
            process = new ProcessBuilder(cmd).redirectError(RunDir.create("nc-listen").resolve("stderr.log").toFile())
                .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd, e);
        }
        final var subscription = new Subscription(process);
        try {
            if (!subscription.subscribed.await(60, TimeUnit.SECONDS)) {
                subscription.close();
                throw new IllegalStateException("no SUBSCRIBED from " + cmd + ": " + subscription.transcript);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            subscription.close();
            throw new IllegalStateException("interrupted", e);
        }
        return subscription;
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("NOTIF ")) {
                    final String[] parts = line.split(" ", 3);
                    notifications.add(new Notification(Long.parseLong(parts[1]), Xml.parse(parts[2])));
                } else {
                    transcript.add(line);
                    if ("SUBSCRIBED".equals(line.trim())) {
                        subscribed.countDown();
                    }
                }
            }
        } catch (IOException e) {
            transcript.add("read failed: " + e);
        }
    }

    /** Everything received so far. */
    public List<Notification> all() {
        return List.copyOf(notifications);
    }

    /** How many have been received; a mark for {@link #await}. */
    public int size() {
        return notifications.size();
    }

    /** Bounded wait for a notification, received at index {@code from} or later, that matches. */
    public Notification await(final int from, final Predicate<Notification> match, final Duration timeout,
            final String what) {
        final long end = System.nanoTime() + timeout.toNanos();
        do {
            final var found = find(from, match);
            if (found.isPresent()) {
                return found.orElseThrow();
            }
            Shell.sleep(20);
        } while (System.nanoTime() < end);
        throw new AssertionError("no NETCONF notification " + what + " after " + timeout + "; received "
            + notifications.size() + ", alive " + process.isAlive() + ", transcript " + transcript);
    }

    private Optional<Notification> find(final int from, final Predicate<Notification> match) {
        final var all = notifications;
        return all.subList(Math.min(from, all.size()), all.size()).stream().filter(match).findFirst();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
