/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.odlbfd.it.interop.AgentProcess;
import org.odlbfd.it.interop.Shell;

/**
 * Transitions one at a time, after a burst has settled: the peer engine takes one session
 * AdminDown and back, and each of our engine's transitions (Down, then Up) is timed from the moment
 * the engine made it (the notification's {@code time-of-last-state-change}) to (a) the operational
 * datastore, as the {@code event-time} of the first operational data-change event that shows the
 * session in that state, and (b) the {@code singlehop-notification} reaching the SSE client. All three
 * clocks are this host's wall clock (network namespaces share it).
 */
final class IsolatedTransitions {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Between two transitions, so that each is alone in the writer and the datastore. */
    private static final long GAP_MS = 300;

    private final List<Long> toDatastore = new ArrayList<>();
    private final List<Long> toClient = new ArrayList<>();
    /** The slowest transition to the datastore, and what the change stream sent before its event. */
    private long worstMicros = -1;
    private String worst = "";

    /**
     * Flaps {@code flaps} sessions, spread over {@code count}, one after the other.
     *
     * @param agent the peer engine, whose session number i is named {@code s} followed by i
     * @param changes the operational data-change stream of the sessions
     * @param notes the singlehop-notification stream
     * @param dest our session i's dest-addr
     */
    void run(final AgentProcess agent, final EventStream changes, final EventStream notes, final int count,
            final int flaps, final IntFunction<String> dest) {
        for (int k = 0; k < flaps; k++) {
            final int i = (int) ((k * 7919L + 13) % count);
            transition(agent, changes, notes, "admin-down s" + i, dest.apply(i), "down");
            transition(agent, changes, notes, "admin-up s" + i, dest.apply(i), "up");
        }
    }

    private void transition(final AgentProcess agent, final EventStream changes, final EventStream notes,
            final String command, final String dest, final String state) {
        final int noteMark = notes.size();
        final int changeMark = changes.size();
        agent.ok(command);
        final var note = notes.await(noteMark, data -> {
            final var body = Bfd.singlehop(data);
            return body != null && dest.equals(body.get("dest-addr").getAsString())
                && state.equals(body.get("new-state").getAsString());
        }, TIMEOUT);
        final Instant engineAt = time(Bfd.singlehop(note.data()).get("time-of-last-state-change").getAsString());
        toClient.add(Duration.between(engineAt, note.arrived()).toNanos() / 1_000);
        final var change = changes.await(changeMark,
            data -> ChangeEvents.sessionsIn(data, state).contains(dest), TIMEOUT);
        final Instant datastoreAt = ChangeEvents.eventTime(change.data());
        if (datastoreAt != null) {
            final long micros = Duration.between(engineAt, datastoreAt).toNanos() / 1_000;
            toDatastore.add(micros);
            if (micros > worstMicros) {
                worstMicros = micros;
                worst = describe(command, micros, changes.events(), changeMark, change);
            }
        }
        Shell.sleep(GAP_MS);
    }

    /**
     * The events the stream sent between the command and the one that showed the transition: a
     * slow transition behind large events is the stream's queue, not the datastore.
     */
    private static String describe(final String command, final long micros, final List<EventStream.Event> all,
            final int from, final EventStream.Event match) {
        int before = 0;
        long chars = 0;
        for (int i = from; i < all.size() && all.get(i) != match; i++) {
            before++;
            chars += all.get(i).data().length();
        }
        return command + " " + micros / 1_000 + " ms, after " + before + " other change event(s) of " + chars
            + " characters; its own event " + match.data().length() + " characters";
    }

    /** The figures: percentiles of both delays in milliseconds, and the slowest to the datastore. */
    String figures() {
        return "isolated transitions, engine -> operational datastore (data-change event-time) "
            + Percentiles.of(toDatastore).millis() + "; engine -> singlehop-notification at the SSE client "
            + Percentiles.of(toClient).millis() + "; slowest to the datastore: " + worst;
    }

    private static Instant time(final String yangDateAndTime) {
        return OffsetDateTime.parse(yangDateAndTime).toInstant();
    }
}
