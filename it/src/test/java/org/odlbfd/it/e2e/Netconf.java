/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.odlbfd.it.interop.Shell;

/**
 * The NETCONF side of the controller over RESTCONF, as docs/walkthrough.md shows it with curl:
 * mounting a device in topology-netconf, its connection status, and reading a device's
 * configuration through its mount point ({@code yang-ext:mount}).
 *
 * <p>Device reads take {@code routing/control-plane-protocols} whole: ODL's NETCONF server 10.0.2
 * (netconf-testtool) fails a read that selects one {@code control-plane-protocol} by its keys.
 */
final class Netconf {
    static final String TOPOLOGY = "network-topology:network-topology/topology=topology-netconf";

    private final Http http;

    Netconf(final Http http) {
        this.http = http;
    }

    /**
     * Mounts a device. Reconnection backs off from 1 s to at most 2 s (ODL's default grows to 30 min),
     * so a device that comes back is reconnected within seconds.
     */
    void mount(final String node, final String host, final int port, final String user, final String password)
            throws IOException, InterruptedException {
        final var reply = http.put(TOPOLOGY + "/node=" + node, "{\"network-topology:node\": [{\"node-id\": \"" + node
            + "\", \"netconf-node-topology:netconf-node\": {\"host\": \"" + host + "\", \"port\": " + port
            + ", \"login-password-unencrypted\": {\"username\": \"" + user + "\", \"password\": \"" + password
            + "\"}, \"tcp-only\": false, \"keepalive-delay\": 0, \"min-backoff-millis\": 1000,"
            + " \"max-backoff-millis\": 2000}}]}");
        if (!reply.isSuccess()) {
            fail("mount " + node + ": " + reply);
        }
    }

    void unmount(final String node) throws IOException, InterruptedException {
        http.delete(TOPOLOGY + "/node=" + node);
    }

    /** The node's connection-status, or null while topology-netconf has no operational entry for it. */
    String connectionStatus(final String node) throws IOException, InterruptedException {
        final var reply = http.get(TOPOLOGY + "/node=" + node + "?content=nonconfig");
        if (reply.status() != 200) {
            return null;
        }
        final var netconf = reply.json().getAsJsonObject().getAsJsonArray("network-topology:node").get(0)
            .getAsJsonObject().getAsJsonObject("netconf-node-topology:netconf-node");
        return netconf == null || !netconf.has("connection-status") ? null
            : netconf.get("connection-status").getAsString();
    }

    void awaitConnected(final String node, final Duration timeout) throws IOException, InterruptedException {
        final long end = System.nanoTime() + timeout.toNanos();
        String status = null;
        while (System.nanoTime() < end) {
            status = connectionStatus(node);
            if ("connected".equals(status)) {
                return;
            }
            Shell.sleep(100);
        }
        fail(node + " not connected after " + timeout + ": " + status + "; "
            + http.get(TOPOLOGY + "/node=" + node + "?content=nonconfig"));
    }

    String mountPath(final String node) {
        return TOPOLOGY + "/node=" + node + "/yang-ext:mount";
    }

    /** The device's configured bfdv1 instance, or null. */
    JsonObject deviceInstance(final String node, final String instance) throws IOException, InterruptedException {
        final var reply = http.get(mountPath(node) + "/ietf-routing:routing/control-plane-protocols?content=config");
        if (reply.status() != 200) {
            return null;
        }
        final var protocols = reply.json().getAsJsonObject().getAsJsonObject("ietf-routing:control-plane-protocols");
        final var list = protocols == null ? null : protocols.getAsJsonArray("control-plane-protocol");
        if (list == null) {
            return null;
        }
        for (JsonElement cpp : list) {
            if (instance.equals(cpp.getAsJsonObject().get("name").getAsString())) {
                return cpp.getAsJsonObject();
            }
        }
        return null;
    }

    /** One ip-sh session of the device's configuration, or null. */
    JsonObject deviceSession(final String node, final String instance, final String ifname, final String dest)
            throws IOException, InterruptedException {
        final var cpp = deviceInstance(node, instance);
        if (cpp == null || !cpp.has("ietf-bfd:bfd")) {
            return null;
        }
        final var sh = cpp.getAsJsonObject("ietf-bfd:bfd").getAsJsonObject("ietf-bfd-ip-sh:ip-sh");
        final var sessions = sh == null || !sh.has("sessions") ? null
            : sh.getAsJsonObject("sessions").getAsJsonArray("session");
        if (sessions == null) {
            return null;
        }
        for (JsonElement session : sessions) {
            final var entry = session.getAsJsonObject();
            if (ifname.equals(entry.get("interface").getAsString()) && dest.equals(entry.get("dest-addr")
                    .getAsString())) {
                return entry;
            }
        }
        return null;
    }

    /** Bounded poll (every 100 ms) of a device's session until {@code ready} holds for it (or for its absence). */
    JsonObject awaitDeviceSession(final String node, final String instance, final String ifname, final String dest,
            final Predicate<JsonObject> ready, final Duration timeout, final String what)
            throws IOException, InterruptedException {
        final long end = System.nanoTime() + timeout.toNanos();
        JsonObject last;
        do {
            last = deviceSession(node, instance, ifname, dest);
            if (ready.test(last)) {
                return last;
            }
            Shell.sleep(100);
        } while (System.nanoTime() < end);
        return fail(node + "'s session " + ifname + "," + dest + " in " + instance + " not " + what + " after "
            + timeout + ": " + last);
    }

    /** A key chain of the device's configuration, or null. */
    JsonObject deviceKeyChain(final String node, final String name) throws IOException, InterruptedException {
        final var reply = http.get(mountPath(node) + "/ietf-key-chain:key-chains?content=config");
        if (reply.status() != 200) {
            return null;
        }
        final var chains = reply.json().getAsJsonObject().getAsJsonObject("ietf-key-chain:key-chains");
        final var list = chains == null ? null : chains.getAsJsonArray("key-chain");
        if (list == null) {
            return null;
        }
        for (JsonElement chain : list) {
            if (name.equals(chain.getAsJsonObject().get("name").getAsString())) {
                return chain.getAsJsonObject();
            }
        }
        return null;
    }

    /** odl-bfd-ext placement of a session's operational entry, or null. */
    static JsonObject placement(final JsonObject session) {
        return session == null ? null : session.getAsJsonObject("odl-bfd-ext:placement");
    }

    /** The placement status, or null. */
    static String status(final JsonObject session) {
        final var placement = placement(session);
        return placement == null || !placement.has("status") ? null : placement.get("status").getAsString();
    }
}
