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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.southbound.Devices;
import org.odlbfd.it.southbound.NetconfdDevice;
import org.odlbfd.it.southbound.TesttoolDevices;

/**
 * Issue 11, the controller side: sessions placed on NETCONF devices and links rendered on two of
 * them, against real NETCONF servers in namespace B: yuma123 netconfd ({@code r1}, {@code r2}) behind
 * sshd, and ODL's netconf-testtool ({@code t1}). The controller (namespace A) mounts them in
 * topology-netconf; everything is done and checked over RESTCONF, the devices' side through their
 * mount points. One controller boot; the methods run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SouthboundIT {
    private static final String INSTANCE = "sb";
    private static final Duration CONNECT = Duration.ofSeconds(90);
    private static final Duration APPLIED = Duration.ofSeconds(30);
    /** The controller compares each device every 5 s (device-poll-ms): drift is seen within that, plus a write. */
    private static final Duration DRIFT = Duration.ofSeconds(20);
    private static final String MH_SOURCE = "203.0.113.10";
    private static final String MH_DEST = "203.0.113.11";

    private ControllerBed bed;
    private Bfd bfd;
    private Netconf netconf;
    private NetconfdDevice r1;

    @BeforeAll
    void boot() throws Exception {
        Devices.requireNetconfd();
        Devices.yangDir();
        bed = ControllerBed.boot("sb");
        bfd = new Bfd(bed.http, INSTANCE);
        netconf = new Netconf(bed.http);
        r1 = bed.own(NetconfdDevice.start(bed.net, bed.net.b(), NetNs.B4, 830, List.of("eth0", "eth1")));
        bed.own(TesttoolDevices.start(bed.net, bed.net.b(), NetNs.B4, 17830, 1, 256));
        final long start = System.nanoTime();
        netconf.mount("r1", NetNs.B4, 830, NetconfdDevice.USER, NetconfdDevice.PASSWORD);
        netconf.mount("t1", NetNs.B4, 17830, TesttoolDevices.USER, TesttoolDevices.PASSWORD);
        netconf.awaitConnected("r1", CONNECT);
        netconf.awaitConnected("t1", CONNECT);
        Figures.record("MEASURED southbound netconfd and testtool mounted (connected) " + ms(start)
            + " ms after the PUTs");
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private static long ms(final long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static String placed(final String node) {
        return "\"odl-bfd-ext:placement\": {\"node\": \"" + node + "\"}";
    }

    private JsonObject awaitPlacement(final String ifname, final String dest, final Predicate<JsonObject> ready,
            final Duration timeout, final String what) throws Exception {
        return bfd.awaitSh(ifname, dest, session -> ready.test(Netconf.placement(session)), timeout, what);
    }

    private static Predicate<JsonObject> status(final String status) {
        return placement -> placement != null && placement.has("status")
            && status.equals(placement.get("status").getAsString());
    }

    private static String text(final JsonObject placement, final String leaf) {
        return placement == null || !placement.has(leaf) ? "" : placement.get(leaf).getAsString();
    }

    @Test
    @Order(1)
    void sessionPlacedOnNetconfdIsWrittenThereWithItsKeyChain() throws Exception {
        assertTrue(bed.http.put("ietf-key-chain:key-chains/key-chain=sbk", AuthValidationE2EIT.keyChain("sbk", 5,
            "md5", "sbsecret")).isSuccess());
        final long start = System.nanoTime();
        final var put = bed.http.put(bfd.shSession("eth0", "203.0.113.2"), Bfd.shSessionBody("eth0", "203.0.113.2",
            "203.0.113.1", 4, 300_000, 300_000, "\"authentication\": {\"key-chain\": \"sbk\"}, " + placed("r1")));
        assertTrue(put.isSuccess(), put::toString);
        final var session = awaitPlacement("eth0", "203.0.113.2", status("applied"), APPLIED, "applied on r1");
        Figures.record("MEASURED southbound PUT to placement applied on netconfd " + ms(start) + " ms");
        final var placement = Netconf.placement(session);
        assertEquals("r1", text(placement, "node"));
        assertFalse(text(placement, "last-synced").isEmpty(), placement::toString);
        // the embedded agent does not run it: netconfd reports no BFD state, so neither does the controller
        assertFalse(session.has("session-running"), session::toString);

        final var device = netconf.deviceSession("r1", INSTANCE, "eth0", "203.0.113.2");
        assertNotNull(device, "the session in r1's ietf-bfd");
        assertEquals(4, device.get("local-multiplier").getAsInt(), device::toString);
        assertEquals(300_000, device.get("desired-min-tx-interval").getAsLong(), device::toString);
        assertEquals("sbk", device.getAsJsonObject("authentication").get("key-chain").getAsString());
        assertFalse(device.has("odl-bfd-ext:placement"), () -> "placement stays on the controller: " + device);
        final var chain = netconf.deviceKeyChain("r1", "sbk");
        assertNotNull(chain, "the key chain is rendered with the session");
        assertTrue(chain.toString().contains("md5") && chain.toString().contains("sbsecret"), chain::toString);
    }

    @Test
    @Order(2)
    void sessionsPlacedOnTesttoolAreWrittenThere() throws Exception {
        assertTrue(bed.http.put(bfd.shSession("eth5", "203.0.113.6"), Bfd.shSessionBody("eth5", "203.0.113.6",
            "203.0.113.5", 3, 500_000, 500_000, placed("t1"))).isSuccess());
        final var group = bfd.bfd() + "/ietf-bfd-ip-mh:ip-mh/session-groups/session-group=" + MH_SOURCE + ","
            + MH_DEST;
        final var put = bed.http.put(group, "{\"ietf-bfd-ip-mh:session-group\": [{\"source-addr\": \"" + MH_SOURCE
            + "\", \"dest-addr\": \"" + MH_DEST + "\", \"rx-ttl\": 250, \"min-interval\": 400000, " + placed("t1")
            + "}]}");
        assertTrue(put.isSuccess(), put::toString);
        awaitPlacement("eth5", "203.0.113.6", status("applied"), APPLIED, "applied on t1");
        final long end = System.nanoTime() + APPLIED.toNanos();
        JsonObject oper = null;
        while (System.nanoTime() < end) {
            final var reply = bed.http.get(group + "?content=nonconfig");
            oper = reply.status() == 200 ? reply.json().getAsJsonObject().getAsJsonArray(
                "ietf-bfd-ip-mh:session-group").get(0).getAsJsonObject() : null;
            if ("applied".equals(Netconf.status(oper))) {
                break;
            }
            Shell.sleep(100);
        }
        assertEquals("applied", Netconf.status(oper), String.valueOf(oper));
        final var instance = netconf.deviceInstance("t1", INSTANCE);
        assertNotNull(instance);
        final var groups = instance.getAsJsonObject("ietf-bfd:bfd").getAsJsonObject("ietf-bfd-ip-mh:ip-mh")
            .getAsJsonObject("session-groups").getAsJsonArray("session-group");
        assertEquals(1, groups.size(), groups::toString);
        assertEquals(250, groups.get(0).getAsJsonObject().get("rx-ttl").getAsInt(), groups::toString);
        assertEquals(400_000, groups.get(0).getAsJsonObject().get("min-interval").getAsLong(), groups::toString);
        assertNotNull(netconf.deviceSession("t1", INSTANCE, "eth5", "203.0.113.6"));
    }

    @Test
    @Order(3)
    void aRefusalShowsTheDevicesWordsAndKeepsTheOperatorsConfig() throws Exception {
        // netconfd enforces ietf-bfd-ip-sh's leafref to ietf-interfaces, and r1 has no eth9
        final var body = Bfd.shSessionBody("eth9", "203.0.113.14", "203.0.113.13", 3, 300_000, 300_000, placed("r1"));
        assertTrue(bed.http.put(bfd.shSession("eth9", "203.0.113.14"), body).isSuccess());
        final var session = awaitPlacement("eth9", "203.0.113.14", status("failed"), APPLIED, "refused by r1");
        final var error = text(Netconf.placement(session), "error-message");
        assertTrue(error.contains("required value instance not found"), () -> "netconfd's rpc-error: " + error);
        assertTrue(error.contains("interface eth9 is not configured in r1"), error);
        final var config = bed.http.get(bfd.shSession("eth9", "203.0.113.14") + "?content=config");
        assertEquals(200, config.status(), config::toString);
        assertTrue(config.body().contains("\"node\":\"r1\""), () -> "the controller keeps what was written: " + config);
        assertNull(netconf.deviceSession("r1", INSTANCE, "eth9", "203.0.113.14"));
        assertTrue(bed.http.delete(bfd.shSession("eth9", "203.0.113.14")).isSuccess());
    }

    @Test
    @Order(4)
    void driftOnTheDevicesIsCorrected() throws Exception {
        // edited by hand on r1, through its mount point
        final var path = netconf.mountPath("r1") + "/ietf-routing:routing/control-plane-protocols/"
            + "control-plane-protocol=ietf-bfd-types:bfdv1," + INSTANCE
            + "/ietf-bfd:bfd/ietf-bfd-ip-sh:ip-sh/sessions/session=eth0,203.0.113.2";
        final var patch = bed.http.patch(path, "{\"ietf-bfd-ip-sh:session\": [{\"interface\": \"eth0\", "
            + "\"dest-addr\": \"203.0.113.2\", \"local-multiplier\": 7}]}");
        assertTrue(patch.isSuccess(), patch::toString);
        assertEquals(7, netconf.deviceSession("r1", INSTANCE, "eth0", "203.0.113.2").get("local-multiplier")
            .getAsInt(), "the hand edit took");
        final long start = System.nanoTime();
        netconf.awaitDeviceSession("r1", INSTANCE, "eth0", "203.0.113.2",
            s -> s != null && s.get("local-multiplier").getAsInt() == 4, DRIFT, "corrected back to 4");
        Figures.record("MEASURED southbound hand edit on netconfd corrected after " + ms(start) + " ms (poll 5 s)");

        // all of t1's routing configuration replaced by nothing
        final var wipe = bed.http.put(netconf.mountPath("t1") + "/ietf-routing:routing",
            "{\"ietf-routing:routing\": {\"control-plane-protocols\": {}}}");
        assertTrue(wipe.isSuccess(), wipe::toString);
        assertNull(netconf.deviceSession("t1", INSTANCE, "eth5", "203.0.113.6"), "the wipe took");
        netconf.awaitDeviceSession("t1", INSTANCE, "eth5", "203.0.113.6", Objects::nonNull, DRIFT, "written again");
    }

    @Test
    @Order(5)
    void aDeviceRestartedEmptyIsReconciled() throws Exception {
        r1.stop();
        awaitPlacement("eth0", "203.0.113.2", status("unreachable"), APPLIED, "unreachable while r1 is down");
        r1.writeStartup();
        final long restart = System.nanoTime();
        r1.launch();
        assertNull(netconf.deviceSession("r1", INSTANCE, "eth0", "203.0.113.2"));
        long connected = 0;
        final long end = System.nanoTime() + CONNECT.toNanos();
        while (System.nanoTime() < end) {
            if (connected == 0 && "connected".equals(netconf.connectionStatus("r1"))) {
                connected = System.nanoTime();
            }
            if (connected != 0 && netconf.deviceSession("r1", INSTANCE, "eth0", "203.0.113.2") != null) {
                break;
            }
            Shell.sleep(100);
        }
        if (connected == 0) {
            fail("r1 did not reconnect after " + CONNECT);
        }
        final long restored = System.nanoTime();
        final var session = netconf.deviceSession("r1", INSTANCE, "eth0", "203.0.113.2");
        assertNotNull(session, "r1 was not reconciled");
        assertNotNull(netconf.deviceKeyChain("r1", "sbk"), "its key chain was not reconciled");
        final long afterConnect = Duration.ofNanos(restored - connected).toMillis();
        Figures.record("MEASURED southbound netconfd restarted empty: reconciled " + afterConnect
            + " ms after it was connected again (" + Duration.ofNanos(restored - restart).toMillis()
            + " ms after netconfd started; target 30 s)");
        assertTrue(afterConnect <= 30_000, () -> "reconciled " + afterConnect + " ms after reconnecting");
        awaitPlacement("eth0", "203.0.113.2", status("applied"), APPLIED, "applied again");
    }

    @Test
    @Order(6)
    void aSessionForAnUnreachableDeviceWaitsThenIsApplied() throws Exception {
        netconf.mount("r2", NetNs.B4, 831, NetconfdDevice.USER, NetconfdDevice.PASSWORD);
        assertTrue(bed.http.put(bfd.shSession("eth0", "203.0.113.18"), Bfd.shSessionBody("eth0", "203.0.113.18",
            "203.0.113.17", 3, 300_000, 300_000, placed("r2"))).isSuccess());
        final var waiting = awaitPlacement("eth0", "203.0.113.18", status("pending"), APPLIED, "pending");
        final var why = text(Netconf.placement(waiting), "error-message");
        assertTrue(why.contains("r2"), why);
        Shell.sleep(2_000);
        assertEquals("pending", Netconf.status(bfd.shOper("eth0", "203.0.113.18")), "still pending while r2 is down");
        final long start = System.nanoTime();
        bed.own(NetconfdDevice.start(bed.net, bed.net.b(), NetNs.B4, 831, List.of("eth0")));
        awaitPlacement("eth0", "203.0.113.18", status("applied"), CONNECT, "applied once r2 is up");
        Figures.record("MEASURED southbound pending session applied " + ms(start) + " ms after its device started");
        assertNotNull(netconf.deviceSession("r2", INSTANCE, "eth0", "203.0.113.18"));
    }

    @Test
    @Order(7)
    void aLinkIsRenderedOnBothEndsWithMatchingStaticDiscriminators() throws Exception {
        final var put = bed.http.put("odl-bfd-ext:links/link=l1", "{\"odl-bfd-ext:link\": [{\"name\": \"l1\", "
            + "\"protocol-instance\": \"links\", "
            + "\"end-a\": {\"node\": \"r1\", \"interface\": \"eth1\", \"local-address\": \"203.0.113.21\"}, "
            + "\"end-b\": {\"node\": \"t1\", \"interface\": \"eth7\", \"local-address\": \"203.0.113.22\"}, "
            + "\"local-multiplier\": 3, \"desired-min-tx-interval\": 200000, \"required-min-rx-interval\": 200000, "
            + "\"static-discriminators\": {\"allocate\": [null]}}]}");
        assertTrue(put.isSuccess(), put::toString);
        final var onA = netconf.awaitDeviceSession("r1", "links", "eth1", "203.0.113.22", Objects::nonNull, APPLIED,
            "rendered on r1");
        final var onB = netconf.awaitDeviceSession("t1", "links", "eth7", "203.0.113.21", Objects::nonNull, APPLIED,
            "rendered on t1");
        final long localA = onA.get("odl-bfd-ext:static-local-discriminator").getAsLong();
        final long localB = onB.get("odl-bfd-ext:static-local-discriminator").getAsLong();
        assertEquals(localA, onB.get("odl-bfd-ext:static-remote-discriminator").getAsLong(), () -> onA + " / " + onB);
        assertEquals(localB, onA.get("odl-bfd-ext:static-remote-discriminator").getAsLong(), () -> onA + " / " + onB);
        assertEquals("203.0.113.21", onA.get("source-addr").getAsString());
        assertEquals(200_000, onB.get("desired-min-tx-interval").getAsLong());

        JsonObject state = null;
        final long end = System.nanoTime() + APPLIED.toNanos();
        while (System.nanoTime() < end) {
            final var reply = bed.http.get("odl-bfd-ext:links/link=l1/state?content=nonconfig");
            state = reply.status() == 200 ? reply.json().getAsJsonObject().getAsJsonObject("odl-bfd-ext:state")
                : null;
            if (state != null && "applied".equals(text(state.getAsJsonObject("end-a"), "status"))
                    && "applied".equals(text(state.getAsJsonObject("end-b"), "status"))) {
                break;
            }
            Shell.sleep(100);
        }
        assertNotNull(state);
        final var seen = state;
        final var endA = seen.getAsJsonObject("end-a");
        assertEquals("applied", text(endA, "status"), seen::toString);
        assertEquals(localA, endA.get("local-discriminator").getAsLong(), seen::toString);
        assertEquals(localA, seen.getAsJsonObject("end-b").get("remote-discriminator").getAsLong(), seen::toString);
        assertFalse(seen.has("mismatch"), () -> "the ends agree: " + seen);
    }

    @Test
    @Order(8)
    void deletingAPlacedSessionRemovesItFromItsDevice() throws Exception {
        assertTrue(bed.http.delete(bfd.shSession("eth0", "203.0.113.2")).isSuccess());
        netconf.awaitDeviceSession("r1", INSTANCE, "eth0", "203.0.113.2", Objects::isNull, APPLIED, "removed");
        bfd.awaitGone("eth0", "203.0.113.2", APPLIED);
    }

    @Test
    @Order(9)
    void aHungDeviceDelaysNoOther() throws Exception {
        assertTrue(bed.http.put(bfd.shSession("eth0", "203.0.113.26"), Bfd.shSessionBody("eth0", "203.0.113.26",
            "203.0.113.25", 3, 300_000, 300_000, placed("r1"))).isSuccess());
        awaitPlacement("eth0", "203.0.113.26", status("applied"), APPLIED, "applied on r1");
        r1.freeze(true);
        try {
            // r1 answers nothing now: its queue waits, t1's does not
            assertTrue(bed.http.patch(bfd.shSession("eth0", "203.0.113.26"), "{\"ietf-bfd-ip-sh:session\": [{"
                + "\"interface\": \"eth0\", \"dest-addr\": \"203.0.113.26\", \"local-multiplier\": 5}]}")
                .isSuccess());
            final long start = System.nanoTime();
            assertTrue(bed.http.put(bfd.shSession("eth5", "203.0.113.30"), Bfd.shSessionBody("eth5",
                "203.0.113.30", "203.0.113.29", 3, 300_000, 300_000, placed("t1"))).isSuccess());
            awaitPlacement("eth5", "203.0.113.30", status("applied"), APPLIED, "applied on t1 while r1 hangs");
            Figures.record("MEASURED southbound a session on the testtool applied " + ms(start)
                + " ms after its PUT while netconfd was frozen");
            assertEquals("pending", Netconf.status(bfd.shOper("eth0", "203.0.113.26")),
                "r1's change waits for r1");
        } finally {
            r1.freeze(false);
        }
        awaitPlacement("eth0", "203.0.113.26", status("applied"), Duration.ofSeconds(120), "applied once r1 answers");
        assertEquals(5, netconf.deviceSession("r1", INSTANCE, "eth0", "203.0.113.26").get("local-multiplier")
            .getAsInt());
    }
}
