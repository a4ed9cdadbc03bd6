/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSettingsTest {
    @Test
    void defaultsAreNetconfNorthboundsPortAndCredentialsOnEveryAddress() throws IOException {
        final var settings = AgentSettings.load(null);
        assertTrue(settings.address().isAnyLocalAddress());
        assertEquals(16, settings.address().getAddress().length, "every IPv6 (and mapped IPv4) address");
        assertEquals(2830, settings.port());
        assertEquals("admin", settings.user());
        assertEquals("admin", settings.password());
        assertNull(settings.hostKey());
        assertEquals(2, settings.threads());
        assertEquals(5000, settings.countersPeriodMillis());
        assertFalse(settings.ipv4EchoToSelf());
        // 0: sized to the heap, (max heap / 2 - 32 MiB) / 128 KiB, at least 100
        assertEquals(AgentSettings.heapSized(Runtime.getRuntime().maxMemory()), settings.maxSessions());
        assertEquals(768, AgentSettings.heapSized(256L << 20));
        assertEquals(100, AgentSettings.heapSized(64L << 20));
    }

    @Test
    void everyKeyIsReadFromTheFile(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("agent.cfg");
        Files.writeString(file, """
            # a comment
            netconf-address = 198.51.100.2
            netconf-port = 17830
            netconf-user = bfdops
            netconf-password = s3cret with spaces
            ssh-host-key = /var/lib/odl-bfd/hostkey
            threads = 4
            counters-period-ms = 1000
            ipv4-echo-to-self = true
            max-sessions = 50
            """);
        final var settings = AgentSettings.load(file);
        assertEquals(InetAddress.getByName("198.51.100.2"), settings.address());
        assertEquals(17830, settings.port());
        assertEquals("bfdops", settings.user());
        assertEquals("s3cret with spaces", settings.password());
        assertEquals(Path.of("/var/lib/odl-bfd/hostkey"), settings.hostKey());
        assertEquals(4, settings.threads());
        assertEquals(1000, settings.countersPeriodMillis());
        assertTrue(settings.ipv4EchoToSelf());
        assertEquals(50, settings.maxSessions());
        assertFalse(settings.toString().contains("s3cret"), "the password is never printed");
    }

    @Test
    void everyBadKeyAndValueIsNamedInOneMessage() {
        final var props = new Properties();
        props.setProperty("netconf-port", "70000");
        props.setProperty("netconf-address", "agent.example");
        props.setProperty("netconf-password", " ");
        props.setProperty("threads", "two");
        props.setProperty("ipv4-echo-to-self", "yes");
        props.setProperty("netconf-pasword", "typo");
        final var ex = assertThrows(IllegalArgumentException.class, () -> AgentSettings.of(props));
        final String message = ex.getMessage();
        for (var expected : List.of("unknown keys [netconf-pasword]", "netconf-port must be a number from 1 to 65535",
                "netconf-address must be an IPv4 or IPv6 address literal", "netconf-password must not be empty",
                "threads must be a number", "ipv4-echo-to-self must be true or false")) {
            assertTrue(message.contains(expected), () -> "'" + expected + "' missing from: " + message);
        }
    }
}
