/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.config.BfdConfigs.groups;
import static org.odlbfd.impl.config.BfdConfigs.mh;
import static org.odlbfd.impl.config.BfdConfigs.sessions;
import static org.odlbfd.impl.config.BfdConfigs.sh;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;

/**
 * Addresses a session cannot use anywhere (loopback, limited broadcast), and what the embedded
 * agent's host must have: the source address, and the interface of an IPv6 link-local peer.
 */
class HostRulesTest {
    /** A host with one interface, vA, holding 192.0.2.1 and 2001:db8::1. */
    private static final Host HOST_A = new Host() {
        private final Set<InetAddress> addresses = Set.of(InetAddresses.forString("192.0.2.1"),
            InetAddresses.forString("2001:db8::1"));

        @Override
        public boolean isLocal(final InetAddress address) {
            return addresses.contains(address);
        }

        @Override
        public boolean hasInterface(final String name) {
            return "vA".equals(name);
        }
    };

    private static List<String> validate(final ControlPlaneProtocols protocols,
            final Predicate<ConfiguredSession> embedded) {
        return ConfigValidator.standard(() -> HOST_A, embedded, RunningDiscriminators.NONE, 100)
            .validate(ConfigView.of(protocols, Map.of()));
    }

    private static List<String> validate(final ControlPlaneProtocols protocols) {
        return validate(protocols, HostRules.ALL_EMBEDDED);
    }

    private static void assertOne(final List<String> errors, final String... fragments) {
        assertEquals(1, errors.size(), errors::toString);
        for (var fragment : fragments) {
            assertTrue(errors.get(0).contains(fragment), () -> "'" + fragment + "' not in " + errors);
        }
    }

    @Test
    void localSourcesPass() {
        assertEquals(List.of(), validate(sessions(
            sh("vA", "192.0.2.2").setSourceAddr(IetfInetUtil.ipAddressFor("192.0.2.1")).build(),
            sh("vA", "2001:db8::2").setSourceAddr(IetfInetUtil.ipAddressFor("2001:db8::1")).build(),
            // no source-addr: the kernel picks a local one
            sh("vB", "192.0.2.3").build())));
        assertEquals(List.of(), validate(groups(mh("192.0.2.1", "198.51.100.2").build())));
    }

    @Test
    void aSourceThatIsNotOnTheHostIsRefused() {
        assertOne(validate(sessions(sh("vA", "192.0.2.2").setSourceAddr(IetfInetUtil.ipAddressFor("192.0.2.9"))
            .build())), "source-addr 192.0.2.9 is not an address of this host");
        assertOne(validate(groups(mh("198.51.100.1", "198.51.100.2").build())),
            "ip-mh session-group source-addr=198.51.100.1", "not an address of this host");
    }

    @Test
    void sessionsOnOtherAgentsAreNotJudgedAgainstThisHost() {
        // the southbound's devices: the predicate says which sessions run here
        assertEquals(List.of(), validate(groups(mh("198.51.100.1", "198.51.100.2").build()), session -> false));
    }

    @Test
    void aLinkLocalPeerNeedsItsInterface() {
        assertEquals(List.of(), validate(sessions(sh("vA", "fe80::2").build())));
        assertOne(validate(sessions(sh("eth9", "fe80::2").build())), "dest-addr fe80:0:0:0:0:0:0:2 is link-local",
            "interface eth9 does not exist on this host");
        // IPv4 and global IPv6 peers are not scoped by their interface
        assertEquals(List.of(), validate(sessions(sh("eth9", "2001:db8::2").build(), sh("eth9", "192.0.2.2")
            .build())));
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.1.2.3", "::1" })
    void loopbackIsRefusedWhateverTheHost(final String address) {
        assertOne(ConfigValidator.validate(sessions(sh("lo", address).build()), Map.of()), "dest-addr",
            "is a loopback address");
        final var source = address.contains(":") ? "2001:db8::2" : "192.0.2.2";
        assertOne(ConfigValidator.validate(groups(mh(address, source).build()), Map.of()), "source-addr",
            "is a loopback address");
    }

    @Test
    void limitedBroadcastIsRefused() {
        assertOne(ConfigValidator.validate(sessions(sh("eth0", "255.255.255.255").build()), Map.of()),
            "dest-addr 255.255.255.255 is the limited broadcast address");
        assertOne(ConfigValidator.validate(sessions(sh("eth0", "192.0.2.2").setSourceAddr(
            IetfInetUtil.ipAddressFor("255.255.255.255")).build()), Map.of()), "source-addr 255.255.255.255");
    }

    @Test
    void theSystemHostSeesItsOwnInterfaces() throws Exception {
        final var host = Host.system();
        assertTrue(host.isLocal(InetAddress.getLoopbackAddress()));
        final var first = NetworkInterface.networkInterfaces().findFirst().orElseThrow();
        assertTrue(host.hasInterface(first.getName()));
        assertFalse(host.hasInterface("no-such-if0"));
        // TEST-NET-1 (RFC 5737) is not configured outside the tests' own namespaces
        assertFalse(host.isLocal(InetAddresses.forString("192.0.2.254")));
    }
}
