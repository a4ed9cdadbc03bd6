/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.it.interop.Shell;

/**
 * The RESTCONF vocabulary of BFD-tracked static routes (RFC 8349 + odl-bfd-static-route): bodies of
 * static instances, and reads of the operational RIB and of the next hops' state leaves.
 */
final class StaticRoutes {
    static final String PROTOCOLS = "ietf-routing:routing/control-plane-protocols/control-plane-protocol=";

    private final Http http;

    StaticRoutes(final Http http) {
        this.http = http;
    }

    static String path(final String instance) {
        return PROTOCOLS + "ietf-routing:static," + instance;
    }

    /** The bfd container of a tracked next hop with its own session at {@code ms} x 3. */
    static String bfd(final int ms) {
        return "\"odl-bfd-static-route:bfd\": {\"enabled\": true, \"local-multiplier\": 3, "
            + "\"desired-min-tx-interval\": " + ms * 1000 + ", \"required-min-rx-interval\": " + ms * 1000 + "}";
    }

    /** One next-hop-list entry; {@code bfd} is a {@link #bfd(int)} or other members, or empty. */
    static String hop(final String index, final @Nullable String address, final @Nullable String iface,
            final long preference, final String bfd) {
        return "{\"index\": \"" + index + "\"" + (address == null ? "" : ", \"next-hop-address\": \"" + address + "\"")
            + (iface == null ? "" : ", \"outgoing-interface\": \"" + iface + "\"")
            + ", \"odl-bfd-static-route:preference\": " + preference + (bfd.isEmpty() ? "" : ", " + bfd) + "}";
    }

    /** A route with a next-hop-list. */
    static String route(final String prefix, final String... hops) {
        return "{\"destination-prefix\": \"" + prefix + "\", \"next-hop\": {\"next-hop-list\": {\"next-hop\": ["
            + String.join(", ", hops) + "]}}}";
    }

    /** A route with a simple next hop; {@code members} are the case's leaves as JSON members. */
    static String simpleRoute(final String prefix, final String members) {
        return "{\"destination-prefix\": \"" + prefix + "\", \"next-hop\": {" + members + "}}";
    }

    /** A static instance; {@code settings} are odl-bfd-static-route members of static-routes, or empty. */
    static String instance(final String name, final String settings, final String... routes) {
        return instance(name, settings, true, routes);
    }

    /** A static instance of IPv4 or IPv6 routes. */
    static String instance(final String name, final String settings, final boolean ipv4, final String... routes) {
        return "{\"ietf-routing:control-plane-protocol\": [{\"type\": \"ietf-routing:static\", \"name\": \"" + name
            + "\", \"static-routes\": {" + (settings.isEmpty() ? "" : settings + ", ")
            + (ipv4 ? "\"ietf-ipv4-unicast-routing:ipv4\"" : "\"ietf-ipv6-unicast-routing:ipv6\"")
            + ": {\"route\": [" + String.join(", ", routes) + "]}}}]}";
    }

    Http.Reply put(final String name, final String body) throws IOException, InterruptedException {
        return http.put(path(name), body);
    }

    /** The routes of a RIB by prefix, each with the addresses of its next hops in use. */
    Map<String, Set<String>> rib(final String rib) throws IOException, InterruptedException {
        final var reply = http.get("ietf-routing:routing/ribs/rib=" + rib + "?content=nonconfig");
        final Map<String, Set<String>> result = new java.util.TreeMap<>();
        if (reply.status() != 200) {
            return result;
        }
        final JsonObject ribObject = reply.json().getAsJsonObject().getAsJsonArray("ietf-routing:rib").get(0)
            .getAsJsonObject();
        if (!ribObject.has("routes")) {
            return result;
        }
        for (JsonElement element : ribObject.getAsJsonObject("routes").getAsJsonArray("route")) {
            final JsonObject route = element.getAsJsonObject();
            final JsonObject nextHop = route.getAsJsonObject("next-hop");
            final Set<String> hops = new TreeSet<>();
            if (nextHop.has("next-hop-list")) {
                for (JsonElement hop : nextHop.getAsJsonObject("next-hop-list").getAsJsonArray("next-hop")) {
                    hops.add(hop.getAsJsonObject().get("ietf-ipv4-unicast-routing:address").getAsString());
                }
            } else if (nextHop.has("ietf-ipv4-unicast-routing:next-hop-address")) {
                hops.add(nextHop.get("ietf-ipv4-unicast-routing:next-hop-address").getAsString());
            } else if (nextHop.has("outgoing-interface")) {
                hops.add("dev " + nextHop.get("outgoing-interface").getAsString());
            }
            result.put(route.get("ietf-ipv4-unicast-routing:destination-prefix").getAsString(), hops);
        }
        return result;
    }

    /** The RIB route's last-updated (when its next hops in use last changed), or null when absent. */
    java.time.@Nullable Instant lastUpdated(final String rib, final String prefix)
            throws IOException, InterruptedException {
        final var reply = http.get("ietf-routing:routing/ribs/rib=" + rib + "?content=nonconfig");
        if (reply.status() != 200) {
            return null;
        }
        final JsonObject ribObject = reply.json().getAsJsonObject().getAsJsonArray("ietf-routing:rib").get(0)
            .getAsJsonObject();
        if (!ribObject.has("routes")) {
            return null;
        }
        for (JsonElement element : ribObject.getAsJsonObject("routes").getAsJsonArray("route")) {
            final JsonObject route = element.getAsJsonObject();
            if (prefix.equals(route.get("ietf-ipv4-unicast-routing:destination-prefix").getAsString())) {
                return java.time.Instant.parse(route.get("last-updated").getAsString());
            }
        }
        return null;
    }

    /** Bounded poll of a RIB route's next hops in use (an empty set: the route is absent). */
    Set<String> awaitRib(final String rib, final String prefix, final Predicate<Set<String>> done,
            final Duration timeout) throws IOException, InterruptedException {
        final long end = System.nanoTime() + timeout.toNanos();
        Set<String> last;
        do {
            last = rib(rib).getOrDefault(prefix, Set.of());
            if (done.test(last)) {
                return last;
            }
            Shell.sleep(20);
        } while (System.nanoTime() < end);
        return fail("RIB " + rib + " route " + prefix + " not as expected after " + timeout + ": " + last);
    }

    /** The odl-bfd-static-route state ({@code active}, {@code session-state}) of a next-hop-list entry. */
    @Nullable JsonObject nextHopState(final String instance, final String prefix, final String index)
            throws IOException, InterruptedException {
        final var reply = http.get(path(instance) + "/static-routes/ietf-ipv4-unicast-routing:ipv4/route="
            + prefix.replace("/", "%2F") + "?content=nonconfig");
        if (reply.status() != 200) {
            return null;
        }
        final JsonArray hops = reply.json().getAsJsonObject().getAsJsonArray("ietf-ipv4-unicast-routing:route")
            .get(0).getAsJsonObject().getAsJsonObject("next-hop").getAsJsonObject("next-hop-list")
            .getAsJsonArray("next-hop");
        for (JsonElement hop : hops) {
            if (index.equals(hop.getAsJsonObject().get("index").getAsString())) {
                return hop.getAsJsonObject().getAsJsonObject("odl-bfd-static-route:bfd");
            }
        }
        return null;
    }

    /** The interface's odl-bfd-ext BFD status in operational ietf-interfaces, or null when it has none. */
    @Nullable String interfaceStatus(final String ifname) throws IOException, InterruptedException {
        final var reply = http.get("ietf-interfaces:interfaces/interface=" + ifname + "?content=nonconfig");
        if (reply.status() != 200) {
            return null;
        }
        final JsonObject entry = reply.json().getAsJsonObject().getAsJsonArray("ietf-interfaces:interface").get(0)
            .getAsJsonObject();
        return entry.has("odl-bfd-ext:bfd-status") ? entry.get("odl-bfd-ext:bfd-status").getAsString() : null;
    }
}
