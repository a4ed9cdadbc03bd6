/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.odlbfd.it.interop.Shell;

/**
 * The ietf-bfd vocabulary of the end-to-end tests: RESTCONF paths under the controller's own
 * control-plane-protocol instance, session bodies, reads of operational state and event streams.
 */
final class Bfd {
    /** RFC 9314 ietf-bfd-ip-sh namespace, as sal-remote's create-notification-stream wants the QName. */
    static final String SINGLEHOP_NOTIFICATION =
        "(urn:ietf:params:xml:ns:yang:ietf-bfd-ip-sh?revision=2022-09-22)singlehop-notification";

    private final Http http;
    private final String protocol;

    Bfd(final Http http, final String instance) {
        this(http, "", instance);
    }

    private Bfd(final Http http, final String prefix, final String instance) {
        this.http = http;
        protocol = prefix + "ietf-routing:routing/control-plane-protocols/control-plane-protocol=ietf-bfd-types:bfdv1,"
            + instance;
    }

    /** Instance {@code instance} inside a mount point, e.g. {@code network-topology:.../node=X/yang-ext:mount/}. */
    Bfd mountedAt(final String mountPath, final String instance) {
        return new Bfd(http, mountPath, instance);
    }

    String protocol() {
        return protocol;
    }

    String bfd() {
        return protocol + "/ietf-bfd:bfd";
    }

    /** Path of one single-hop session (list key: interface, dest-addr). */
    String shSession(final String ifname, final String dest) {
        return bfd() + "/ietf-bfd-ip-sh:ip-sh/sessions/session=" + ifname + "," + dest.replace(":", "%3A");
    }

    /** A single-hop session body: intervals in microseconds, as ietf-bfd-types wants them. */
    static String shSessionBody(final String ifname, final String dest, final String source, final int mult,
            final long txUs, final long rxUs, final String extra) {
        return "{\"ietf-bfd-ip-sh:session\": [{\"interface\": \"" + ifname + "\", \"dest-addr\": \"" + dest
            + "\", \"source-addr\": \"" + source + "\", \"local-multiplier\": " + mult
            + ", \"desired-min-tx-interval\": " + txUs + ", \"required-min-rx-interval\": " + rxUs
            + (extra.isEmpty() ? "" : ", " + extra) + "}]}";
    }

    /** The session's operational view (config false leaves), or null while RESTCONF has none. */
    JsonObject shOper(final String ifname, final String dest) throws IOException, InterruptedException {
        final var reply = http.get(shSession(ifname, dest) + "?content=nonconfig");
        if (reply.status() != 200) {
            return null;
        }
        return reply.json().getAsJsonObject().getAsJsonArray("ietf-bfd-ip-sh:session").get(0).getAsJsonObject();
    }

    /** Bounded poll (every 20 ms) of the session's operational view until {@code ready} holds. */
    JsonObject awaitSh(final String ifname, final String dest, final Predicate<JsonObject> ready,
            final Duration timeout, final String what) throws IOException, InterruptedException {
        final long end = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        do {
            last = shOper(ifname, dest);
            if (last != null && ready.test(last)) {
                return last;
            }
            Shell.sleep(20);
        } while (System.nanoTime() < end);
        return fail("session " + ifname + "," + dest + " not " + what + " after " + timeout + ": " + last);
    }

    /** Bounded wait until the session's operational state is gone (a delete is done after AdminDown). */
    void awaitGone(final String ifname, final String dest, final Duration timeout)
            throws IOException, InterruptedException {
        final long end = System.nanoTime() + timeout.toNanos();
        Http.Reply last;
        do {
            last = http.get(shSession(ifname, dest) + "?content=nonconfig");
            if (last.isDataMissing()) {
                return;
            }
            Shell.sleep(50);
        } while (System.nanoTime() < end);
        fail("session " + ifname + "," + dest + " still in operational state after " + timeout + ": " + last);
    }

    static String localState(final JsonObject session) {
        return running(session, "local-state");
    }

    static String running(final JsonObject session, final String leaf) {
        final var run = session.getAsJsonObject("session-running");
        return run == null || !run.has(leaf) ? null : run.get(leaf).getAsString();
    }

    /**
     * A numeric leaf directly under the session (RFC 9314 names, e.g. local-discriminator), failing with the
     * session's JSON when RESTCONF does not show it.
     */
    static long leaf(final JsonObject session, final String leaf) {
        final var value = session.get(leaf);
        if (value == null) {
            fail("RFC 9314 leaf " + leaf + " missing from the operational session: " + session);
        }
        return value.getAsLong();
    }

    static long runningNum(final JsonObject session, final String leaf) {
        return session.getAsJsonObject("session-running").get(leaf).getAsLong();
    }

    static long stat(final JsonObject session, final String leaf) {
        return session.getAsJsonObject("session-statistics").get(leaf).getAsLong();
    }

    /**
     * Creates a RESTCONF stream of YANG notifications {@code qnames} (sal-remote create-notification-stream)
     * and returns its JSON server-sent-events location from ietf-restconf-monitoring.
     */
    String notificationStream(final String... qnames) throws IOException, InterruptedException {
        final var input = new StringBuilder("{\"input\": {\"notifications\": [");
        for (int i = 0; i < qnames.length; i++) {
            input.append(i == 0 ? "" : ", ").append('"').append(qnames[i]).append('"');
        }
        final var reply = http.rpc("sal-remote:create-notification-stream", input.append("]}}").toString());
        if (reply.status() != 200) {
            fail("create-notification-stream: " + reply);
        }
        final String name = reply.json().getAsJsonObject().getAsJsonObject("sal-remote:output")
            .get("notification-stream-identifier").getAsString();
        return location(name);
    }

    /** Like {@link #notificationStream} for data changes under {@code path} in the operational datastore. */
    String operationalChangeStream(final String path) throws IOException, InterruptedException {
        final var reply = http.rpc("sal-remote:create-data-change-event-subscription", "{\"input\": {\"path\": \""
            + path + "\", \"sal-remote-augment:datastore\": \"OPERATIONAL\"}}");
        if (reply.status() != 200) {
            fail("create-data-change-event-subscription: " + reply);
        }
        return location(reply.json().getAsJsonObject().getAsJsonObject("sal-remote:output").get("stream-name")
            .getAsString());
    }

    private String location(final String stream) throws IOException, InterruptedException {
        final var reply = http.get("ietf-restconf-monitoring:restconf-state/streams/stream=" + stream);
        if (reply.status() != 200) {
            fail("stream " + stream + " not in ietf-restconf-monitoring: " + reply);
        }
        for (var access : reply.json().getAsJsonObject().getAsJsonArray("ietf-restconf-monitoring:stream").get(0)
                .getAsJsonObject().getAsJsonArray("access")) {
            if ("json".equals(access.getAsJsonObject().get("encoding").getAsString())) {
                return access.getAsJsonObject().get("location").getAsString();
            }
        }
        return fail("no json access for stream " + stream + ": " + reply);
    }

    /** The singlehop-notification inside one SSE event, or null if the event carries another thing. */
    static JsonObject singlehop(final String eventData) {
        final var root = JsonParser.parseString(eventData).getAsJsonObject();
        final var note = root.getAsJsonObject("ietf-restconf:notification");
        return note == null ? null : note.getAsJsonObject("ietf-bfd-ip-sh:singlehop-notification");
    }
}
