/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.odlbfd.it.e2e.MgmtLink;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.FrrPeer;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.interop.Testbed;
import org.odlbfd.it.netconf.BfdXml;
import org.odlbfd.it.netconf.NetconfClient;
import org.odlbfd.it.netconf.Subscription;
import org.odlbfd.it.netconf.Subscription.Notification;
import org.odlbfd.it.netconf.Xml;
import org.w3c.dom.Document;

/**
 * The remote agent (issue 11, "Remote agents") as the controller will see it: started by
 * {@code tools/run-agent.sh} in namespace A with its own NETCONF credentials, reached over a management
 * veth, configured and read only over NETCONF with a real client (ncclient), running a session against
 * FRR bfdd 8.4 in namespace B. The methods run in order on one agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteAgentIT {
    private static final Duration BOOT = Duration.ofMinutes(2);
    private static final Duration UP = Duration.ofSeconds(20);
    private static final String INSTANCE = "bfd1";
    private static final String IF = NetNs.IF_A;
    private static final String PEER = NetNs.B4;
    private static final String FRR_PEER = "peer " + NetNs.A4 + " local-address " + NetNs.B4 + " interface "
        + NetNs.IF_B;
    private static final int TX_US = 300_000;
    private static final int RX_US = 300_000;
    /** FRR shutdown / no shutdown cycles timed for the latency figure (each gives 2-3 transitions). */
    private static final int FLAPS = Integer.getInteger("agent.flaps", 15);
    private static final String USER = "bfdit";
    private static final String PASSWORD = UUID.randomUUID().toString();

    private final Deque<Resource> owned = new ArrayDeque<>();
    private NetNs net;
    private RemoteAgentProcess agent;
    private NetconfClient netconf;
    private FrrPeer frr;
    private Subscription events;

    @BeforeAll
    void boot() {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        NetconfClient.require();
        boolean ok = false;
        try {
            net = own(NetNs.pair("ragent"));
            final MgmtLink mgmt = own(MgmtLink.create(net.a()));
            netconf = new NetconfClient(mgmt.controllerAddr(), 2830, USER, PASSWORD);
            // port 2830 and every address are the defaults; the credentials come from the settings file
            agent = own(RemoteAgentProcess.start(net.a(), "netconf-user = " + USER + "\nnetconf-password = "
                + PASSWORD + "\n", netconf, BOOT));
            Figures.record("MEASURED agent boot-to-NETCONF in netns " + agent.bootTime().toMillis() + " ms, RSS "
                + agent.rssKib() / 1024 + " MiB (load " + loadAverage() + ")");
            frr = own(FrrPeer.start(net, net.b(), FrrPeer.stanza(FRR_PEER, "receive-interval 300",
                "transmit-interval 300", "detect-multiplier 3")));
            events = own(netconf.subscribe(Duration.ofMinutes(10)));
            ok = true;
        } finally {
            if (!ok) {
                shutdown();
            }
        }
    }

    @AfterAll
    void shutdown() {
        while (!owned.isEmpty()) {
            owned.pop().close();
        }
    }

    private <T extends Resource> T own(final T resource) {
        owned.push(resource);
        return resource;
    }

    private static String session(final String operation) {
        return BfdXml.shSession(INSTANCE, IF, PEER, NetNs.A4, 3, TX_US, RX_US, operation, "");
    }

    /** Bounded poll of {@code <get>} until the session's state matches. */
    private Document awaitState(final Predicate<Document> ready, final Duration timeout, final String what) {
        final long end = System.nanoTime() + timeout.toNanos();
        Document last;
        do {
            last = netconf.get(BfdXml.BFD_FILTER);
            if (ready.test(last)) {
                return last;
            }
            Shell.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError("session not " + what + " after " + timeout + ": "
            + Xml.text(last, "/"));
    }

    private static Predicate<Document> state(final String local, final String remote) {
        return data -> local.equals(BfdXml.running(data, IF, PEER, "local-state"))
            && remote.equals(BfdXml.running(data, IF, PEER, "remote-state"));
    }

    private static Predicate<Notification> transition(final String newState) {
        return n -> "singlehop-notification".equals(n.type()) && newState.equals(n.leaf("new-state"))
            && PEER.equals(n.leaf("dest-addr"));
    }

    @Test
    @Order(1)
    void netconfUsesTheSettingsCredentialsAndAdvertisesIetfBfdAndCandidate() {
        final List<String> caps = netconf.hello();
        for (var module : List.of("ietf-bfd", "ietf-bfd-ip-sh", "ietf-bfd-ip-mh", "iana-bfd-types", "ietf-routing",
                "ietf-key-chain", "ietf-netconf-monitoring")) {
            assertTrue(caps.stream().anyMatch(cap -> cap.contains("module=" + module + "&")),
                () -> module + ": " + caps);
        }
        // ODL's MD-SAL NETCONF server: edit-config goes to candidate, <commit> applies it
        assertTrue(caps.contains("urn:ietf:params:netconf:capability:candidate:1.0"), caps::toString);
        assertTrue(caps.contains("urn:ietf:params:netconf:capability:notification:1.0"), caps::toString);
        assertTrue(new NetconfClient(netconf.host(), 2830, USER, "wrong").refused(),
            "a wrong password must be refused");
        assertTrue(new NetconfClient(netconf.host(), 2830, "admin", "admin").refused(),
            "the default credentials must not work once the settings file changes them");
    }

    @Test
    @Order(2)
    void sessionEditedOverNetconfComesUpAgainstFrrAndItsStateIsReadOverNetconf() {
        final int mark = events.size();
        final var reply = netconf.edit(session(null));
        assertTrue(reply.ok(), reply::toString);

        final Document data = awaitState(state("up", "up"), UP, "up on both ends");
        final var view = frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(5));
        assertEquals(BfdXml.leaf(data, IF, PEER, "local-discriminator"), view.get("remote-id").getAsString(),
            () -> "FRR must know our discriminator: " + view);
        assertEquals(view.get("id").getAsString(), BfdXml.leaf(data, IF, PEER, "remote-discriminator"),
            view::toString);
        // RFC 5880 §6.8.2: both sides ask 300 ms
        assertEquals(Long.toString(TX_US), BfdXml.running(data, IF, PEER, "negotiated-tx-interval"));
        assertEquals(Long.toString(3L * RX_US), BfdXml.running(data, IF, PEER, "detection-time"));
        assertEquals("none", BfdXml.running(data, IF, PEER, "local-diagnostic"));
        assertNotNull(BfdXml.leaf(data, IF, PEER, "session-statistics/create-time"));
        assertEquals("1", Xml.text(data, "//ip-sh/summary/number-of-sessions-up"));

        final Notification up = events.await(mark, transition("up"), UP, "new-state up");
        assertEquals("none", up.leaf("state-change-reason"));
        assertEquals(BfdXml.leaf(data, IF, PEER, "local-discriminator"), up.leaf("local-discr"));
        assertEquals(IF, up.leaf("interface"));
    }

    @Test
    @Order(3)
    void invalidConfigurationIsRefusedWithTheRuleAndNothingChanges() {
        final var reply = netconf.edit(BfdXml.shSession(INSTANCE, IF, PEER, NetNs.A4, 3, 0, RX_US, null, ""));
        assertFalse(reply.ok(), reply::toString);
        assertTrue(reply.message().contains("desired-min-tx-interval must not be 0"), reply::toString);
        final Document config = netconf.getConfig(BfdXml.BFD_FILTER);
        assertEquals(Long.toString(TX_US), BfdXml.leaf(config, IF, PEER, "desired-min-tx-interval"),
            "the refused commit must leave the configuration as it was");
        assertEquals("up", BfdXml.running(netconf.get(BfdXml.BFD_FILTER), IF, PEER, "local-state"));
    }

    @Test
    @Order(4)
    void frrShutdownShowsAsDownWithNeighborDownInStateAndNotifications() {
        final int mark = events.size();
        frr.configurePeer(FRR_PEER, "shutdown");
        // RFC 5880 §6.8.6: AdminDown from the peer takes us Down with diag 3, Neighbor Signaled Session Down
        final Document data = awaitState(d -> "down".equals(BfdXml.running(d, IF, PEER, "local-state")),
            Duration.ofSeconds(5), "down");
        assertEquals("neighbor-down", BfdXml.running(data, IF, PEER, "local-diagnostic"));
        assertEquals("adminDown", BfdXml.running(data, IF, PEER, "remote-state"));
        final Notification down = events.await(mark, transition("down"), Duration.ofSeconds(5), "new-state down");
        assertEquals("neighbor-down", down.leaf("state-change-reason"));

        frr.configurePeer(FRR_PEER, "no shutdown");
        awaitState(state("up", "up"), UP, "up again");
        events.await(mark, transition("up"), UP, "new-state up again");
    }

    @Test
    @Order(5)
    void transitionToNotificationLatency() {
        final int mark = events.size();
        for (int i = 0; i < FLAPS; i++) {
            final int before = events.size();
            frr.configurePeer(FRR_PEER, "shutdown");
            events.await(before, transition("down"), Duration.ofSeconds(5), "down in flap " + i);
            frr.configurePeer(FRR_PEER, "no shutdown");
            events.await(before, transition("up"), UP, "up in flap " + i);
        }
        final List<Long> latencies = new ArrayList<>();
        for (var n : events.all().subList(mark, events.size())) {
            if ("singlehop-notification".equals(n.type())) {
                latencies.add(n.latencyMicros());
            }
        }
        assertTrue(latencies.size() >= 2 * FLAPS, latencies::toString);
        latencies.sort(null);
        final long p50 = latencies.get(latencies.size() / 2);
        final long p99 = latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1));
        Figures.record("MEASURED agent transition-to-NETCONF-notification (ncclient over the management veth) over "
            + latencies.size() + " transitions: p50 " + p50 / 1000.0 + " ms, p99 " + p99 / 1000.0 + " ms, max "
            + latencies.getLast() / 1000.0 + " ms (load " + loadAverage() + ")");
        Figures.record("MEASURED agent RSS after " + FLAPS + " flaps " + agent.rssKib() / 1024 + " MiB, heap after GC: "
            + agent.heapAfterGc());
        // every transition the agent made was notified: each flap is Down then Init or Up
        final long downs = events.all().subList(mark, events.size()).stream().filter(transition("down")).count();
        assertEquals(FLAPS, downs, "one down notification per FRR shutdown");
    }

    @Test
    @Order(6)
    void deleteOverNetconfTellsFrrAdminDownAndRemovesTheState() {
        final var reply = netconf.edit(session("delete"));
        assertTrue(reply.ok(), reply::toString);
        // RFC 5880 §6.8.16: the agent sends AdminDown before the session goes; FRR shows it down
        frr.awaitStatus(NetNs.A4, "down", Duration.ofSeconds(5));
        awaitState(d -> Xml.count(d, BfdXml.sh(IF, PEER)) == 0, Duration.ofSeconds(5), "gone");
        assertEquals(0, Xml.count(netconf.getConfig(BfdXml.BFD_FILTER), BfdXml.sh(IF, PEER)));
    }

    private static String loadAverage() {
        return RunDir.readOrEmpty(Path.of("/proc/loadavg")).trim();
    }
}
