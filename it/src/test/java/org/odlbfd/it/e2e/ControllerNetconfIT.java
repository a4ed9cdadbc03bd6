/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.odlbfd.it.agent.AgentNamespace;
import org.odlbfd.it.agent.RemoteAgentMount;
import org.odlbfd.it.agent.RemoteAgentProcess;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.FrrPeer;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.interop.Testbed;
import org.odlbfd.it.netconf.BfdXml;
import org.odlbfd.it.netconf.NetconfClient;
import org.odlbfd.it.netconf.Subscription;
import org.w3c.dom.Document;

/**
 * NETCONF on the controller, both ways. Northbound (odl-netconf-mdsal, booted with the distribution, on
 * the loopback): a NETCONF client (ncclient, in the controller's namespace) edits ietf-bfd on the
 * controller, RESTCONF sees the same configuration, the embedded agent runs the session against FRR
 * bfdd in namespace B, and the session's state and notifications are readable over NETCONF too.
 * Southbound: a remote agent ({@code tools/run-agent.sh}) in namespace C is mounted through
 * topology-netconf like any device, and a session written through the mount point with plain RESTCONF
 * runs on the agent against the same FRR, its state and an FRR shutdown (neighbor-down) readable
 * through the mount point.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerNetconfIT {
    private static final Duration NETCONF_BOOT = Duration.ofMinutes(2);
    private static final Duration UP = Duration.ofSeconds(20);
    private static final String INSTANCE = "ncnb";
    private static final String IF = NetNs.IF_A;
    private static final String PEER = NetNs.B4;
    private static final String FRR_PEER = "peer " + NetNs.A4 + " local-address " + NetNs.B4 + " interface "
        + NetNs.IF_B;
    private static final int PORT = 2830;

    private static final String NODE = "agent1";
    private static final String AGENT_PEER = "peer " + AgentNamespace.AGENT + " local-address " + AgentNamespace.PEER
        + " interface " + AgentNamespace.PEER_IF;
    private static final String MOUNT = "network-topology:network-topology/topology=topology-netconf/node=" + NODE;

    private ControllerBed bed;
    private Bfd bfd;
    private NetconfClient netconf;
    private FrrPeer frr;
    private Subscription events;
    private RemoteAgentProcess agent;
    /** The agent's ietf-bfd, through the controller's mount point. */
    private Bfd mounted;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        NetconfClient.require();
        final long start = System.nanoTime();
        bed = ControllerBed.boot("ncnb");
        bfd = new Bfd(bed.http, INSTANCE);
        // SSH on 2830 with AAA's admin/admin, on the loopback (etc/org.opendaylight.netconf.ssh.cfg): the client
        // runs inside the controller's namespace
        netconf = new NetconfClient("127.0.0.1", PORT, "admin", "admin", bed.net.a());
        awaitNetconf();
        Figures.record("MEASURED e2e controller boot-to-NETCONF-northbound in netns "
            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        // the remote agent in namespace C, with its defaults (all addresses, 2830, admin/admin)
        final var agentNs = bed.own(AgentNamespace.create(bed.net.b(), bed.net.a()));
        agent = bed.own(RemoteAgentProcess.start(agentNs.name(), "", new NetconfClient("127.0.0.1", PORT, "admin",
            "admin", agentNs.name()), NETCONF_BOOT));
        frr = bed.own(FrrPeer.start(bed.net, bed.net.b(),
            FrrPeer.stanza(FRR_PEER, "receive-interval 300", "transmit-interval 300", "detect-multiplier 3"),
            FrrPeer.stanza(AGENT_PEER, "receive-interval 300", "transmit-interval 300", "detect-multiplier 3")));
        events = bed.own(netconf.subscribe(Duration.ofMinutes(10)));
        mounted = bfd.mountedAt(MOUNT + "/yang-ext:mount/", "bfd1");
    }

    private void awaitNetconf() {
        final long end = System.nanoTime() + NETCONF_BOOT.toNanos();
        while (System.nanoTime() < end) {
            if (netconf.hello().stream().anyMatch(cap -> cap.contains("module=ietf-bfd&"))) {
                return;
            }
            Shell.sleep(500);
        }
        throw new AssertionError("the controller's NETCONF northbound did not list ietf-bfd within " + NETCONF_BOOT);
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private static String session(final long txUs, final String operation) {
        return BfdXml.shSession(INSTANCE, IF, PEER, NetNs.A4, 3, txUs, 300_000, operation, "");
    }

    @Test
    @Order(1)
    void northboundListensOnTheLoopbackAndAdvertisesIetfBfdAndCandidate() {
        final String listening = bed.net.exec(bed.net.a(), "ss", "-ltnH", "sport = :" + PORT).check().out().trim();
        Figures.record("MEASURED e2e controller NETCONF northbound listens on: " + listening);
        // NETCONF applies none of AAA's URL rules, so it stays off the network unless the operator opens it
        // "127.0.0.1:2830", or "[::ffff:127.0.0.1]:2830" from the JDK's dual-stack socket
        assertTrue(listening.contains("127.0.0.1]:" + PORT) || listening.contains("127.0.0.1:" + PORT), listening);
        assertFalse(listening.contains("*:" + PORT) || listening.contains("0.0.0.0:" + PORT), listening);
        assertTrue(new NetconfClient(bed.mgmt.controllerAddr(), PORT, "admin", "admin").hello().isEmpty(),
            "not reachable over the management link");
        final List<String> caps = netconf.hello();
        assertTrue(caps.contains("urn:ietf:params:netconf:capability:candidate:1.0"), caps::toString);
        assertTrue(caps.stream().anyMatch(cap -> cap.contains("module=ietf-bfd-ip-sh&")), caps::toString);
    }

    @Test
    @Order(2)
    void sessionEditedOverNetconfIsSeenByRestconfAndRuns() throws Exception {
        final int mark = events.size();
        final var reply = netconf.edit(session(300_000, null));
        assertTrue(reply.ok(), reply::toString);

        final var config = bed.http.get(bfd.shSession(IF, PEER) + "?content=config");
        assertEquals(200, config.status(), config::toString);
        assertTrue(config.body().contains("\"desired-min-tx-interval\":300000"), config::toString);
        assertTrue(config.body().contains("\"source-addr\":\"" + NetNs.A4 + "\""), config::toString);

        bfd.awaitSh(IF, PEER, s -> "up".equals(Bfd.localState(s)) && "up".equals(Bfd.running(s, "remote-state")),
            UP, "up on both ends");
        frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(5));
        // the operational state is readable over NETCONF on the controller as well
        final Document data = netconf.get(BfdXml.BFD_FILTER);
        assertEquals("up", BfdXml.running(data, IF, PEER, "local-state"));
        // and the notification reaches NETCONF subscribers (netconf.NotificationBridge in the controller)
        final var up = events.await(mark, n -> "up".equals(n.leaf("new-state")), UP, "new-state up");
        assertEquals(PEER, up.leaf("dest-addr"));
    }

    @Test
    @Order(3)
    void invalidEditIsRefusedByTheCommitCohortAndRestconfSeesNoChange() throws Exception {
        final var reply = netconf.edit(session(0, null));
        assertFalse(reply.ok(), reply::toString);
        assertTrue(reply.message().contains("desired-min-tx-interval must not be 0"), reply::toString);
        final var config = bed.http.get(bfd.shSession(IF, PEER) + "?content=config");
        assertTrue(config.body().contains("\"desired-min-tx-interval\":300000"), config::toString);
    }

    @Test
    @Order(4)
    void deleteOverNetconfRemovesItForRestconfAndTellsFrr() throws Exception {
        final var reply = netconf.edit(session(300_000, "delete"));
        assertTrue(reply.ok(), reply::toString);
        frr.awaitStatus(NetNs.A4, "down", Duration.ofSeconds(5));
        bfd.awaitGone(IF, PEER, Duration.ofSeconds(10));
        assertTrue(bed.http.get(bfd.shSession(IF, PEER) + "?content=config").isDataMissing());
    }

    @Test
    @Order(5)
    void remoteAgentMountsThroughTopologyNetconfWithEverySchema() throws Exception {
        final var put = bed.http.put(MOUNT, RemoteAgentMount.nodeBody(NODE, AgentNamespace.AGENT_MGMT, PORT,
            "admin", "admin"));
        assertTrue(put.isSuccess(), put::toString);
        final long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Http.Reply node;
        do {
            node = bed.http.get(MOUNT + "?content=nonconfig");
            if (node.body().contains("\"connection-status\":\"connected\"")) {
                break;
            }
            Shell.sleep(500);
        } while (System.nanoTime() < end);
        final String body = node.body();
        assertTrue(body.contains("\"connection-status\":\"connected\""), body);
        // every schema the agent announces was fetched over <get-schema>: nothing unavailable
        assertFalse(body.contains("unavailable-capabilit"), body);
        assertTrue(body.contains("ietf-bfd-ip-sh"), body);
        Figures.record("MEASURED e2e remote agent mounted in " + (Duration.ofSeconds(60).toNanos()
            - (end - System.nanoTime())) / 1_000_000 + " ms after the node PUT");
    }

    @Test
    @Order(6)
    void sessionWrittenThroughTheMountPointRunsOnTheAgentAgainstFrr() throws Exception {
        final var put = bed.http.put(mounted.shSession(AgentNamespace.AGENT_IF, AgentNamespace.PEER),
            Bfd.shSessionBody(AgentNamespace.AGENT_IF, AgentNamespace.PEER, AgentNamespace.AGENT, 3, 300_000,
                300_000, ""));
        assertTrue(put.isSuccess(), put::toString);
        mounted.awaitSh(AgentNamespace.AGENT_IF, AgentNamespace.PEER, s -> "up".equals(Bfd.localState(s))
            && "up".equals(Bfd.running(s, "remote-state")), UP, "up on the agent, read through the mount point");
        frr.awaitStatus(AgentNamespace.AGENT, "up", Duration.ofSeconds(5));

        frr.configurePeer(AGENT_PEER, "shutdown");
        try {
            final var down = mounted.awaitSh(AgentNamespace.AGENT_IF, AgentNamespace.PEER,
                s -> "down".equals(Bfd.localState(s)), Duration.ofSeconds(10), "down");
            assertEquals("neighbor-down", Bfd.running(down, "local-diagnostic"), down::toString);
        } finally {
            frr.configurePeer(AGENT_PEER, "no shutdown");
        }
        mounted.awaitSh(AgentNamespace.AGENT_IF, AgentNamespace.PEER, s -> "up".equals(Bfd.localState(s)), UP,
            "up again");
    }

    @Test
    @Order(7)
    void invalidSessionThroughTheMountPointIsRefusedByTheAgentWithTheRule() throws Exception {
        final var put = bed.http.put(mounted.shSession(AgentNamespace.AGENT_IF, AgentNamespace.PEER),
            Bfd.shSessionBody(AgentNamespace.AGENT_IF, AgentNamespace.PEER, AgentNamespace.AGENT, 3, 0, 300_000, ""));
        // RESTCONF reports the device's rpc-error as operation-failed, HTTP 500 (RFC 8040 §7), with the rule
        assertEquals(500, put.status(), put::toString);
        assertTrue(put.body().contains("desired-min-tx-interval must not be 0"), put::toString);
        final var config = bed.http.get(mounted.shSession(AgentNamespace.AGENT_IF, AgentNamespace.PEER)
            + "?content=config");
        assertTrue(config.body().contains("\"desired-min-tx-interval\":300000"), config::toString);
    }

    @Test
    @Order(8)
    void deleteThroughTheMountPointTellsFrrAndUnmountLeavesTheAgentRunning() throws Exception {
        final var delete = bed.http.delete(mounted.shSession(AgentNamespace.AGENT_IF, AgentNamespace.PEER));
        assertTrue(delete.isSuccess(), delete::toString);
        frr.awaitStatus(AgentNamespace.AGENT, "down", Duration.ofSeconds(5));
        assertTrue(bed.http.delete(MOUNT).isSuccess());
        assertTrue(agent.log().contains("odl-bfd remote agent ready"));
    }
}
