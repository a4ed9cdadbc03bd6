/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.odlbfd.it.interop.Testbed;

/**
 * Issue #4 end to end: the controller runs in namespace A, FRR bfdd 8.4 in namespace B; the
 * session is configured, changed, broken and watched only through RESTCONF (data and the
 * singlehop-notification event stream). The methods run in order on one controller boot, plus one
 * restart after kill -9.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrrEndToEndIT {
    private static final Duration UP = Duration.ofSeconds(20);
    private static final String IF = NetNs.IF_A;
    private static final String PEER = NetNs.B4;
    private static final String FRR_PEER = "peer " + NetNs.A4 + " local-address " + NetNs.B4 + " interface "
        + NetNs.IF_B;
    // FRR's timers, chosen so that each negotiated value comes from a different side (ms)
    private static final int FRR_RX = 400;
    private static final int FRR_TX = 250;
    private static final int FRR_MULT = 4;
    // ours (ms)
    private static final int OUR_TX = 300;
    private static final int OUR_RX = 100;
    private static final int OUR_RX_CHANGED = 350;
    private static final int OUR_MULT = 3;

    private ControllerBed bed;
    private Bfd bfd;
    private FrrPeer frr;
    private EventStream events;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        bed = ControllerBed.boot("frr");
        bfd = new Bfd(bed.http, "e2e");
        frr = bed.own(startFrr());
        events = bed.own(EventStream.open(bed.http, bfd.notificationStream(Bfd.SINGLEHOP_NOTIFICATION)));
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private FrrPeer startFrr() {
        return FrrPeer.start(bed.net, bed.net.b(), FrrPeer.stanza(FRR_PEER, "receive-interval " + FRR_RX,
            "transmit-interval " + FRR_TX, "detect-multiplier " + FRR_MULT));
    }

    private static String sessionBody(final int rxMs) {
        return Bfd.shSessionBody(IF, PEER, NetNs.A4, OUR_MULT, OUR_TX * 1000L, rxMs * 1000L, "");
    }

    private JsonObject awaitUp() throws Exception {
        return bfd.awaitSh(IF, PEER, s -> "up".equals(Bfd.localState(s)) && "up".equals(Bfd.running(s,
            "remote-state")), UP, "up on both ends");
    }

    @Test
    @Order(1)
    void sessionPutOverRestconfComesUpWithRfcTimers() throws Exception {
        final var put = bed.http.put(bfd.shSession(IF, PEER), sessionBody(OUR_RX));
        assertTrue(put.isSuccess(), () -> "PUT: " + put);
        final JsonObject session = awaitUp();

        // RFC 5880 §6.8.2: we send at max(our Desired Min TX, the peer's Required Min RX)
        assertEquals(Math.max(OUR_TX, FRR_RX) * 1000L, Bfd.runningNum(session, "negotiated-tx-interval"),
            session::toString);
        // and expect packets at max(our Required Min RX, the peer's Desired Min TX)
        assertEquals(Math.max(OUR_RX, FRR_TX) * 1000L, Bfd.runningNum(session, "negotiated-rx-interval"),
            session::toString);
        // RFC 5880 §6.8.4: Detection Time = the peer's Detect Mult x the negotiated receive interval
        assertEquals(FRR_MULT * Math.max(OUR_RX, FRR_TX) * 1000L, Bfd.runningNum(session, "detection-time"),
            session::toString);
        assertEquals(FRR_MULT, Bfd.leaf(session, "remote-multiplier"), session::toString);
        assertEquals("none", Bfd.running(session, "local-diagnostic"), session::toString);
        assertEquals("async-without-echo", Bfd.running(session, "detection-mode"), session::toString);

        final JsonObject view = frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(5));
        assertEquals(Bfd.leaf(session, "local-discriminator"), view.get("remote-id").getAsLong(),
            () -> "FRR must know our discriminator: " + view);
        assertEquals(view.get("id").getAsLong(), Bfd.leaf(session, "remote-discriminator"), view::toString);
        assertEquals(OUR_RX, view.get("remote-receive-interval").getAsInt(), view::toString);
        assertEquals(OUR_TX, view.get("remote-transmit-interval").getAsInt(), view::toString);
        assertEquals(OUR_MULT, view.get("remote-detect-multiplier").getAsInt(), view::toString);

        final JsonObject later = bfd.awaitSh(IF, PEER, s -> Bfd.stat(s, "receive-packet-count") > 0
            && Bfd.stat(s, "send-packet-count") > 0, Duration.ofSeconds(10), "counting packets");
        assertEquals(0, Bfd.stat(later, "receive-invalid-packet-count"), later::toString);
        assertEquals(0, Bfd.stat(later, "down-count"), later::toString);
        assertTrue(later.getAsJsonObject("session-statistics").has("last-up-time"), later::toString);
        final var summary = bed.http.get(bfd.bfd() + "/summary?content=nonconfig");
        assertTrue(summary.body().contains("\"number-of-sessions-up\":1"), summary::toString);
    }

    @Test
    @Order(2)
    void changingRequiredMinRxRenegotiatesWithoutFlap() throws Exception {
        final int mark = events.size();
        final var patch = bed.http.patch(bfd.shSession(IF, PEER), "{\"ietf-bfd-ip-sh:session\": [{\"interface\": \""
            + IF + "\", \"dest-addr\": \"" + PEER + "\", \"required-min-rx-interval\": " + OUR_RX_CHANGED * 1000
            + "}]}");
        assertTrue(patch.isSuccess(), () -> "PATCH: " + patch);
        final long rx = Math.max(OUR_RX_CHANGED, FRR_TX) * 1000L;
        final JsonObject session = bfd.awaitSh(IF, PEER, s -> Bfd.runningNum(s, "negotiated-rx-interval") == rx,
            Duration.ofSeconds(10), "renegotiated");
        assertEquals(FRR_MULT * rx, Bfd.runningNum(session, "detection-time"), session::toString);
        final long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonObject view = frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(2));
        while (view.get("remote-receive-interval").getAsInt() != OUR_RX_CHANGED && System.nanoTime() < end) {
            Thread.sleep(100);
            view = frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(2));
        }
        assertEquals(OUR_RX_CHANGED, view.get("remote-receive-interval").getAsInt(), view.toString());
        final JsonObject after = bfd.shOper(IF, PEER);
        assertNotNull(after);
        assertEquals("up", Bfd.localState(after), after::toString);
        assertEquals(0, Bfd.stat(after, "down-count"), () -> "Poll/Final must not flap: " + after);
        assertTrue(transitions(mark).isEmpty(), () -> "no transition expected: " + transitions(mark));
    }

    @Test
    @Order(3)
    void peerAdminShutdownGivesNeighborDownAndNoShutdownUp() throws Exception {
        final int mark = events.size();
        frr.configurePeer(FRR_PEER, "shutdown");
        try {
            final JsonObject down = bfd.awaitSh(IF, PEER, s -> "down".equals(Bfd.localState(s)),
                Duration.ofSeconds(5), "down");
            // RFC 5880 §6.8.6: a received AdminDown takes us Down with diag 3, Neighbor Signaled Session Down
            assertEquals("neighbor-down", Bfd.running(down, "local-diagnostic"), down::toString);
            // ietf-bfd-types spells the state adminDown
            assertEquals("adminDown", Bfd.running(down, "remote-state"), down::toString);
            final JsonObject note = awaitNotification(mark, "down");
            assertEquals("neighbor-down", note.get("state-change-reason").getAsString(), note::toString);
        } finally {
            frr.configurePeer(FRR_PEER, "no shutdown");
        }
        final JsonObject up = awaitUp();
        assertEquals(1, Bfd.stat(up, "down-count"), up::toString);
        awaitNotification(mark, "up");
    }

    @Test
    @Order(4)
    void notificationStreamDeliveredEveryTransitionWithItsLeaves() throws Exception {
        final JsonObject session = bfd.shOper(IF, PEER);
        assertNotNull(session);
        final List<JsonObject> seen = transitions(0);
        final List<String> states = seen.stream().map(n -> n.get("new-state").getAsString())
            .filter(s -> "up".equals(s) || "down".equals(s)).toList();
        // test 1 Up, test 3 Down then Up; Init on the way up may also be reported
        assertEquals(List.of("up", "down", "up"), states, seen::toString);
        for (JsonObject note : seen) {
            assertEquals(Bfd.leaf(session, "local-discriminator"), note.get("local-discr").getAsLong(),
                note::toString);
            assertEquals(PEER, note.get("dest-addr").getAsString(), note::toString);
            assertEquals(NetNs.A4, note.get("source-addr").getAsString(), note::toString);
            assertEquals(IF, note.get("interface").getAsString(), note::toString);
            assertEquals("ietf-bfd-types:path-ip-sh", note.get("path-type").getAsString(), note::toString);
            assertTrue(note.has("time-of-last-state-change") && note.has("state-change-reason")
                && note.has("session-index") && note.has("remote-discr"), note::toString);
        }
    }

    @Test
    @Order(5)
    void killedPeerGivesControlExpiryWithinDetectionTime() throws Exception {
        final JsonObject before = awaitUp();
        final long detectUs = Bfd.runningNum(before, "detection-time");
        // FRR sends every negotiated-rx-interval (RFC 5880 §6.8.7: 75-100% of it with jitter)
        final long peerTxMs = Bfd.runningNum(before, "negotiated-rx-interval") / 1000;
        final int mark = events.size();
        final Instant killedAt = Instant.now();
        final long killedNanos = System.nanoTime();
        frr.killBfdd();
        final JsonObject down = bfd.awaitSh(IF, PEER, s -> "down".equals(Bfd.localState(s)),
            Duration.ofMillis(detectUs / 1000 + 3_000), "down after bfdd was killed");
        final long seenMs = (System.nanoTime() - killedNanos) / 1_000_000;
        assertEquals("control-expiry", Bfd.running(down, "local-diagnostic"), down::toString);
        final Instant lastDown = time(down.getAsJsonObject("session-statistics").get("last-down-time")
            .getAsString());
        final long engineMs = Duration.between(killedAt, lastDown).toMillis();
        final var note = events.await(mark, d -> isTransition(d, "down"), Duration.ofSeconds(5));
        final long noteMs = (note.arrivedNanos() - killedNanos) / 1_000_000;
        // FRR's last packet left 0..peerTxMs before the kill: the detection deadline moves by as much
        Figures.record("MEASURED e2e FRR bfdd killed: detection-time " + detectUs / 1000 + " ms, engine Down (last-down"
            + "-time) " + engineMs + " ms after the kill, i.e. " + (engineMs - detectUs / 1000) + ".." + (engineMs
            + peerTxMs - detectUs / 1000) + " ms after the deadline; RESTCONF oper shows Down after " + seenMs
            + " ms (20 ms polling), the notification arrives after " + noteMs + " ms");
        // the last packet arrived up to one FRR transmit interval before the kill, so Down may come early; it
        // must not come later than the detection time plus a small margin
        assertTrue(engineMs <= detectUs / 1000 + 250, () -> "Down after " + engineMs + " ms: " + down);
        assertTrue(engineMs >= detectUs / 1000 - peerTxMs - 50, () -> "Down too early, " + engineMs + " ms");
    }

    @Test
    @Order(6)
    void killDashNineAndRestartKeepsConfigAndComesUpAgain() throws Exception {
        frr.close();
        frr = bed.own(startFrr());
        final JsonObject up = awaitUp();
        final var config = bed.http.get(bfd.bfd() + "?content=config");
        assertEquals(200, config.status(), config::toString);

        bed.killController();
        frr.awaitStatus(NetNs.A4, "down", Duration.ofSeconds(10));
        bed.startController(false);
        final var after = bed.http.get(bfd.bfd() + "?content=config");
        assertEquals(config.json(), after.json(), "config after kill -9 and restart");
        final JsonObject again = awaitUp();
        final JsonObject view = frr.awaitStatus(NetNs.A4, "up", UP);
        assertEquals(Bfd.leaf(again, "local-discriminator"), view.get("remote-id").getAsLong(),
            view::toString);
        assertEquals(Bfd.runningNum(up, "negotiated-tx-interval"), Bfd.runningNum(again, "negotiated-tx-interval"));
    }

    @Test
    @Order(7)
    void deleteSendsAdminDownAndRemovesState() throws Exception {
        awaitUp();
        final long start = System.nanoTime();
        final var delete = bed.http.delete(bfd.shSession(IF, PEER));
        assertTrue(delete.isSuccess(), delete::toString);
        // RFC 5880 §6.8.16: AdminDown before the session goes: FRR goes Down on it at once, well inside its
        // detection time, and says the neighbor signaled it (a silent removal would read "detection time expired")
        final JsonObject view = frr.awaitStatus(NetNs.A4, "down", Duration.ofSeconds(5));
        final long downMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("neighbor signaled session down", view.get("diagnostic").getAsString(), view::toString);
        final long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var oper = bed.http.get(bfd.shSession(IF, PEER) + "?content=nonconfig");
        while (!oper.isDataMissing() && System.nanoTime() < end) {
            Thread.sleep(50);
            oper = bed.http.get(bfd.shSession(IF, PEER) + "?content=nonconfig");
        }
        assertTrue(oper.isDataMissing(), oper::toString);
        Figures.record("MEASURED e2e DELETE -> FRR Down (AdminDown) in " + downMs + " ms");
    }

    private JsonObject awaitNotification(final int from, final String state) {
        return Bfd.singlehop(events.await(from, d -> isTransition(d, state), Duration.ofSeconds(10)).data());
    }

    private static boolean isTransition(final String data, final String state) {
        final JsonObject note = Bfd.singlehop(data);
        return note != null && state.equals(note.get("new-state").getAsString());
    }

    private List<JsonObject> transitions(final int from) {
        final var all = events.events();
        return all.subList(Math.min(from, all.size()), all.size()).stream().map(e -> Bfd.singlehop(e.data()))
            .filter(n -> n != null).toList();
    }

    private static Instant time(final String yangDateAndTime) {
        return OffsetDateTime.parse(yangDateAndTime).toInstant();
    }
}
