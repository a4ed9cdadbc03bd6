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
 * The controller's NETCONF northbound (odl-netconf-mdsal, booted with the distribution): a NETCONF
 * client (ncclient) edits ietf-bfd on the controller, RESTCONF sees the same configuration, the
 * embedded agent runs the session against FRR bfdd in namespace B, and the session's state and
 * notifications are readable over NETCONF too.
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

    private ControllerBed bed;
    private Bfd bfd;
    private NetconfClient netconf;
    private FrrPeer frr;
    private Subscription events;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        NetconfClient.require();
        final long start = System.nanoTime();
        bed = ControllerBed.boot("ncnb");
        bfd = new Bfd(bed.http, INSTANCE);
        // odl-netconf-mdsal's defaults: SSH on 2830, AAA's admin/admin
        netconf = new NetconfClient(bed.mgmt.controllerAddr(), PORT, "admin", "admin");
        awaitNetconf();
        Figures.record("MEASURED e2e controller boot-to-NETCONF-northbound in netns "
            + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
        frr = bed.own(FrrPeer.start(bed.net, bed.net.b(), FrrPeer.stanza(FRR_PEER, "receive-interval 300",
            "transmit-interval 300", "detect-multiplier 3")));
        events = bed.own(netconf.subscribe(Duration.ofMinutes(10)));
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
    void northboundListensOnEveryAddressAndAdvertisesIetfBfdAndCandidate() {
        final String listening = bed.net.exec(bed.net.a(), "ss", "-ltnH", "sport = :" + PORT).check().out().trim();
        Figures.record("MEASURED e2e controller NETCONF northbound listens on: " + listening);
        // reached from the test JVM over the management veth, so not loopback-only
        assertTrue(listening.contains("0.0.0.0:" + PORT) || listening.contains("*:" + PORT), listening);
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
}
