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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads RESTCONF operational data-change events (ODL's {@code sal-remote:data-changed-notification})
 * for the sessions they show in a given local state, in both forms a subscriber can ask for:
 * <ul>
 *   <li>default: each {@code data-change-event} carries the whole subscribed subtree after the commit
 *       (every session), so a session counts only where its own {@code session-running/local-state}
 *       has the value;</li>
 *   <li>{@code changed-leaf-nodes-only=true}: one entry per changed leaf, whose {@code path} names the
 *       session ({@code dest-addr='...'}) and whose data is the leaf.</li>
 * </ul>
 * Matching text anywhere in the event is not enough in the first form: every event of a whole-tree
 * stream contains "up" for the sessions that were Up already.
 */
final class ChangeEvents {
    /** The session key in an instance-identifier path, either quoting style. */
    private static final Pattern PATH_DEST = Pattern.compile("dest-addr=['\"]([^'\"]+)['\"]");
    private static final Pattern EVENT_TIME = Pattern.compile("\"event-time\"\\s*:\\s*\"([^\"]+)\"");

    private ChangeEvents() {
    }

    /**
     * The event's {@code event-time}.
     *
     * @param eventData one SSE event's data
     * @return the instant, or null when the event has none
     */
    static @Nullable Instant eventTime(final String eventData) {
        final Matcher m = EVENT_TIME.matcher(eventData);
        return m.find() ? OffsetDateTime.parse(m.group(1)).toInstant() : null;
    }

    /**
     * The dest-addr of every session the event shows with {@code local-state} equal to {@code state}.
     *
     * @param eventData one SSE event's data
     * @param state "up", "down", ...
     * @return the sessions' destination addresses, in the order met
     */
    static Set<String> sessionsIn(final String eventData, final String state) {
        final Set<String> res = new LinkedHashSet<>();
        final var note = JsonParser.parseString(eventData).getAsJsonObject()
            .getAsJsonObject("ietf-restconf:notification");
        final var changed = note == null ? null : note.getAsJsonObject("sal-remote:data-changed-notification");
        if (changed == null || !changed.has("data-change-event")) {
            return res;
        }
        for (var entry : changed.getAsJsonArray("data-change-event")) {
            final JsonObject obj = entry.getAsJsonObject();
            final JsonElement data = obj.get("data");
            if (data == null) {
                continue;
            }
            final String dest = pathDest(obj);
            if (dest != null) {
                // the entry is at or below one session: its data is that session's
                if (state.equals(localState(data))) {
                    res.add(dest);
                }
            } else {
                collectSessions(data, state, res);
            }
        }
        return res;
    }

    private static @Nullable String pathDest(final JsonObject entry) {
        final JsonElement path = entry.get("path");
        if (path == null || !path.isJsonPrimitive()) {
            return null;
        }
        final Matcher m = PATH_DEST.matcher(path.getAsString());
        return m.find() ? m.group(1) : null;
    }

    /** Sessions are the objects with a dest-addr leaf; each one's own local-state decides. */
    private static void collectSessions(final JsonElement el, final String state, final Set<String> res) {
        if (el.isJsonArray()) {
            el.getAsJsonArray().forEach(child -> collectSessions(child, state, res));
            return;
        }
        if (!el.isJsonObject()) {
            return;
        }
        final JsonObject obj = el.getAsJsonObject();
        for (var e : obj.entrySet()) {
            if (unqualified(e.getKey()).equals("dest-addr") && e.getValue().isJsonPrimitive()) {
                if (state.equals(localState(obj))) {
                    res.add(e.getValue().getAsString());
                }
                return;
            }
        }
        obj.entrySet().forEach(e -> collectSessions(e.getValue(), state, res));
    }

    /** The first local-state leaf under {@code el} (a session's, or the leaf itself), or null. */
    private static @Nullable String localState(final JsonElement el) {
        if (el.isJsonArray()) {
            for (var child : el.getAsJsonArray()) {
                final String found = localState(child);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!el.isJsonObject()) {
            return null;
        }
        for (var e : el.getAsJsonObject().entrySet()) {
            if (unqualified(e.getKey()).equals("local-state") && e.getValue().isJsonPrimitive()) {
                return e.getValue().getAsString();
            }
            final String found = localState(e.getValue());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String unqualified(final String jsonName) {
        return jsonName.substring(jsonName.indexOf(':') + 1);
    }
}
