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

import com.google.gson.JsonObject;
import java.time.Duration;
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

/**
 * The stability policies of issue 13 through the controller's RESTCONF, against FRR bfdd 8.4 in
 * namespace B: a reference to a missing profile is refused by the commit cohort (400 naming the
 * field and the rule); a session takes its timers from its profile, and a change to the profile
 * renegotiates it without a flap; the odl-bfd-ext state leaves (client-state, not-up-reason, damping,
 * adaptation); the RPCs verify-session, clear-damping and clear-adaptation at /rests/operations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyE2EIT {
    private static final Duration UP = Duration.ofSeconds(20);
    private static final String IF = NetNs.IF_A;
    private static final String PEER = NetNs.B4;
    private static final String FRR_PEER = "peer " + NetNs.A4 + " local-address " + NetNs.B4 + " interface "
        + NetNs.IF_B;

    private ControllerBed bed;
    private Bfd bfd;
    private FrrPeer frr;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH);
        bed = ControllerBed.boot("pol");
        bfd = new Bfd(bed.http, "pol");
        frr = bed.own(FrrPeer.start(bed.net, bed.net.b(), FrrPeer.stanza(FRR_PEER, "receive-interval 300",
            "transmit-interval 300", "detect-multiplier 3")));
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private String profile() {
        return bfd.bfd() + "/odl-bfd-ext:profiles/profile=gold";
    }

    private static String profileBody(final long rxUs) {
        return "{\"odl-bfd-ext:profile\": [{\"name\": \"gold\", \"local-multiplier\": 3,"
            + " \"desired-min-tx-interval\": 300000, \"required-min-rx-interval\": " + rxUs + ","
            + " \"damping\": {\"enabled\": true, \"half-life\": 60, \"max-suppress-time\": 300}}]}";
    }

    private static String sessionBody() {
        return "{\"ietf-bfd-ip-sh:session\": [{\"interface\": \"" + IF + "\", \"dest-addr\": \"" + PEER
            + "\", \"source-addr\": \"" + NetNs.A4 + "\", \"odl-bfd-ext:session-name\": \"pol-1\","
            + " \"odl-bfd-ext:profile\": \"gold\"}]}";
    }

    private static String ext(final JsonObject session, final String leaf) {
        final var value = session.get("odl-bfd-ext:" + leaf);
        return value == null ? null : value.getAsString();
    }

    @Test
    @Order(1)
    void aSessionNamingAMissingProfileIsRefused() throws Exception {
        final var put = bed.http.put(bfd.shSession(IF, PEER), sessionBody());
        assertEquals(400, put.status(), put::toString);
        final var error = put.json().getAsJsonObject().getAsJsonObject("errors").getAsJsonArray("error").get(0)
            .getAsJsonObject();
        assertEquals("invalid-value", error.get("error-tag").getAsString(), error::toString);
        assertTrue(error.get("error-message").getAsString().contains("ip-sh session interface=vA dest-addr="
            + PEER + " (protocol pol): profile gold does not exist"), error::toString);
        assertTrue(bed.http.get(bfd.shSession(IF, PEER) + "?content=config").isDataMissing(), "nothing stored");
    }

    @Test
    @Order(2)
    void aSessionTakesItsTimersFromItsProfile() throws Exception {
        final var profile = bed.http.put(profile(), profileBody(300_000));
        assertTrue(profile.isSuccess(), profile::toString);
        final var put = bed.http.put(bfd.shSession(IF, PEER), sessionBody());
        assertTrue(put.isSuccess(), put::toString);
        final JsonObject up = bfd.awaitSh(IF, PEER, s -> "up".equals(Bfd.localState(s))
            && Bfd.runningNum(s, "detection-time") == 900_000, UP, "up with the profile's timers");
        assertEquals("up", ext(up, "client-state"), up::toString);
        assertEquals(null, ext(up, "not-up-reason"), up::toString);
        final var damping = up.getAsJsonObject("odl-bfd-ext:damping-state");
        assertFalse(damping.get("damped").getAsBoolean(), up::toString);
        assertEquals(1, up.getAsJsonObject("odl-bfd-ext:adaptation-state").get("rx-backoff").getAsInt());
    }

    @Test
    @Order(3)
    void aProfileChangeRenegotiatesWithoutAFlap() throws Exception {
        final long start = System.nanoTime();
        final var changed = bed.http.put(profile(), profileBody(600_000));
        assertTrue(changed.isSuccess(), changed::toString);
        final JsonObject slower = bfd.awaitSh(IF, PEER, s -> Bfd.runningNum(s, "detection-time") == 1_800_000, UP,
            "renegotiated to 3 x 600 ms");
        Figures.record("MEASURED e2e profile change to renegotiated detection time "
            + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals("up", Bfd.localState(slower));
        assertEquals(0, Bfd.stat(slower, "down-count"), "no flap: " + slower);
        // FRR heard our new Required Min RX Interval (its remote-receive-interval, in ms)
        JsonObject frrView = frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(2));
        for (int i = 0; i < 50 && frrView.get("remote-receive-interval").getAsInt() != 600; i++) {
            Shell.sleep(100);
            frrView = frr.awaitStatus(NetNs.A4, "up", Duration.ofSeconds(2));
        }
        assertEquals(600, frrView.get("remote-receive-interval").getAsInt(), frrView::toString);
    }

    @Test
    @Order(4)
    void theRpcs() throws Exception {
        final var verified = bed.http.rpc("odl-bfd-ext:verify-session",
            "{\"input\": {\"session-name\": \"pol-1\"}}");
        assertEquals(200, verified.status(), verified::toString);
        final var output = verified.json().getAsJsonObject().getAsJsonObject("odl-bfd-ext:output");
        assertTrue(output.get("verified").getAsBoolean(), verified::toString);
        Figures.record("MEASURED e2e verify-session against FRR answered in " + output.get("elapsed").getAsLong()
            + " ms");

        final var cleared = bed.http.rpc("odl-bfd-ext:clear-damping", "{\"input\": {\"interface\": \"" + IF
            + "\", \"dest-addr\": \"" + PEER + "\"}}");
        assertEquals(200, cleared.status(), cleared::toString);
        final var clearedOut = cleared.json().getAsJsonObject().getAsJsonObject("odl-bfd-ext:output");
        assertEquals(1, clearedOut.get("matched-sessions").getAsInt(), cleared::toString);
        assertEquals(0, clearedOut.get("cleared-sessions").getAsInt(), "nothing was damped: " + cleared);

        final var all = bed.http.rpc("odl-bfd-ext:clear-adaptation", "{\"input\": {}}");
        assertEquals(200, all.status(), all::toString);

        final var bad = bed.http.rpc("odl-bfd-ext:clear-damping", "{\"input\": {\"interface\": \"" + IF + "\"}}");
        assertTrue(bad.status() >= 400 && bad.status() < 500, bad::toString);
        assertTrue(bad.body().contains("dest-addr is missing"), bad::toString);
    }

    @Test
    @Order(5)
    void notUpReasonWhenThePeerIsShutDown() throws Exception {
        frr.configurePeer(FRR_PEER, "shutdown");
        final JsonObject down = bfd.awaitSh(IF, PEER, s -> ext(s, "not-up-reason") != null, UP, "not up");
        assertEquals("down", ext(down, "client-state"), down::toString);
        assertTrue(ext(down, "not-up-reason").startsWith("peer admin-down: it signalled AdminDown"), down::toString);
        frr.configurePeer(FRR_PEER, "no shutdown");
        bfd.awaitSh(IF, PEER, s -> "up".equals(ext(s, "client-state")), UP, "up again");
    }
}
