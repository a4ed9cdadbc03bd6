/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.transport.EchoAddressing;

/**
 * The remote agent's settings, read from a Java properties file (all keys optional):
 * <pre>
 *   netconf-address     = ::        every IPv4 and IPv6 address of the host or namespace
 *   netconf-port        = 2830
 *   netconf-user        = admin
 *   netconf-password    = admin
 *   ssh-host-key        =           file keeping the SSH host key; empty: a new key at every start
 *   threads             = 2         BFD event loops
 *   counters-period-ms  = 5000      how often packet counters reach the operational datastore
 *   echo-addressing     = self      where Echo goes: self (RFC 5881 §4), peer, self-ipv4 (impl/README.md, "Echo")
 *   ipv4-echo-to-self   = false     compatibility: true means echo-addressing = self-ipv4
 *   max-sessions        = 0         most sessions the configuration may hold; 0: sized to the heap
 * </pre>
 * The last five are the controller's {@code etc/org.odlbfd.agent.cfg} keys. An unknown key or a bad
 * value stops the agent with a message naming it, rather than running with a default silently.
 *
 * @param address where NETCONF listens
 * @param port NETCONF's TCP port
 * @param user the NETCONF user
 * @param password the NETCONF password
 * @param hostKey where the SSH host key is kept, or null
 * @param threads BFD event loops
 * @param countersPeriodMillis counters period
 * @param ipv4EchoToSelf IPv4 Echo mode (compatibility)
 * @param echoAddressing where Echo goes
 * @param maxSessions the session limit the validator enforces
 */
public record AgentSettings(InetAddress address, int port, String user, String password, @Nullable Path hostKey,
        int threads, long countersPeriodMillis, boolean ipv4EchoToSelf, EchoAddressing echoAddressing,
        int maxSessions) {
    /** Heap the agent needs with no session (about 25 MiB in use after a full GC, measured), budgeted. */
    static final long BASELINE_BYTES = 32L << 20;
    /** Heap budget per session, as the controller's (90-115 KiB measured there, datastore trees included). */
    static final long PER_SESSION_BYTES = 128L << 10;

    /** The defaults: ODL's NETCONF northbound's port and credentials, on every address. */
    public static final Map<String, String> DEFAULTS = Map.of(
        "netconf-address", "::",
        "netconf-port", "2830",
        "netconf-user", "admin",
        "netconf-password", "admin",
        "ssh-host-key", "",
        "threads", "2",
        "counters-period-ms", "5000",
        "ipv4-echo-to-self", "false",
        "echo-addressing", "self",
        "max-sessions", "0");

    /**
     * Reads the settings.
     *
     * @param file the properties file, or null for the defaults
     * @return the settings
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming every bad key or value
     */
    public static AgentSettings load(final @Nullable Path file) throws IOException {
        final var props = new Properties();
        if (file != null) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(in);
            }
        }
        return of(props);
    }

    /**
     * Checks and converts the settings.
     *
     * @param props key-value pairs, missing keys take their defaults
     * @return the settings
     * @throws IllegalArgumentException naming every bad key or value
     */
    public static AgentSettings of(final Properties props) {
        final List<String> errors = new ArrayList<>();
        final Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            errors.add("unknown keys " + unknown + " (known: " + new TreeSet<>(DEFAULTS.keySet()) + ")");
        }
        final var values = new Values(props, errors);
        final InetAddress address = values.address("netconf-address");
        final int port = (int) values.number("netconf-port", 1, 65_535);
        final String user = values.text("netconf-user");
        final String password = values.text("netconf-password");
        final String key = values.raw("ssh-host-key");
        final int threads = (int) values.number("threads", 1, 64);
        final long period = values.number("counters-period-ms", 100, 3_600_000);
        final boolean echo = values.bool("ipv4-echo-to-self");
        EchoAddressing addressing = EchoAddressing.SELF;
        try {
            addressing = echo ? EchoAddressing.SELF_IPV4 : EchoAddressing.parse(values.raw("echo-addressing"));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        final int max = (int) values.number("max-sessions", 0, 1_000_000);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid agent settings: " + String.join("; ", errors));
        }
        return new AgentSettings(address, port, user, password, key.isEmpty() ? null : Path.of(key), threads, period,
            echo, addressing, max > 0 ? max : heapSized(Runtime.getRuntime().maxMemory()));
    }

    /**
     * The default of max-sessions: half the heap (the collector works concurrently and needs head room)
     * less the agent's baseline, at {@link #PER_SESSION_BYTES} each; at least 100. The controller's
     * formula budgets 256 MiB for Karaf, RESTCONF and the clustered datastore, which the agent has not.
     *
     * @param maxHeapBytes the JVM's maximum heap
     * @return the limit: 768 with run-agent.sh's 256 MiB
     */
    static int heapSized(final long maxHeapBytes) {
        final long budget = (maxHeapBytes / 2 - BASELINE_BYTES) / PER_SESSION_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(100, budget));
    }

    /**
     * The same settings listening on another address.
     *
     * @param other the address
     * @return the settings
     */
    public AgentSettings withAddress(final InetAddress other) {
        return new AgentSettings(other, port, user, password, hostKey, threads, countersPeriodMillis, ipv4EchoToSelf,
            echoAddressing, maxSessions);
    }

    @Override
    public String toString() {
        // never the password
        return "NETCONF on [" + address.getHostAddress() + "]:" + port + " user " + user + ", " + threads
            + " BFD loops, counters every " + countersPeriodMillis + " ms, echo addressing " + echoAddressing
            + ", max-sessions " + maxSessions;
    }

    private record Values(Properties props, List<String> errors) {
        String raw(final String key) {
            return props.getProperty(key, DEFAULTS.get(key)).trim();
        }

        String text(final String key) {
            final String value = raw(key);
            if (value.isEmpty()) {
                errors.add(key + " must not be empty");
            }
            return value;
        }

        long number(final String key, final long min, final long max) {
            final String value = raw(key);
            try {
                final long number = Long.parseLong(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(key + " must be a number from " + min + " to " + max + ", not '" + value + "'");
            return min;
        }

        boolean bool(final String key) {
            final String value = raw(key);
            if (!"true".equals(value) && !"false".equals(value)) {
                errors.add(key + " must be true or false, not '" + value + "'");
            }
            return "true".equals(value);
        }

        @Nullable InetAddress address(final String key) {
            final String value = raw(key);
            // a literal only: a name would make the listening address depend on DNS at boot
            if (!value.isEmpty() && (value.indexOf(':') >= 0 || value.matches("[0-9.]+"))) {
                try {
                    return InetAddress.getByName(value);
                } catch (UnknownHostException e) {
                    // reported below
                }
            }
            errors.add(key + " must be an IPv4 or IPv6 address literal, not '" + value + "'");
            return null;
        }
    }
}
