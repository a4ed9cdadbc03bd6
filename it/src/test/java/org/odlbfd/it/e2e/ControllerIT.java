/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots the built controller in network namespace A (ControllerBed: RESTCONF over the management
 * link, never the host's port 8181) and drives ietf-bfd over RESTCONF: configuration in,
 * operational state out, deletion, and rejection of bad input. The sessions' source addresses are
 * A's own, as the commit cohort requires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerIT {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerIT.class);
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(30);

    private static final String PROTOCOL = "ietf-routing:routing/control-plane-protocols/"
        + "control-plane-protocol=ietf-bfd-types:bfdv1,it-bfd";
    private static final String BFD = PROTOCOL + "/ietf-bfd:bfd";
    private static final String SH_SESSION = BFD + "/ietf-bfd-ip-sh:ip-sh/sessions/session=vA,192.0.2.2";
    // A's loopback address to B's (NetNs): routed over vA, so the multihop packets stay in the namespaces
    private static final String MH_GROUP = BFD + "/ietf-bfd-ip-mh:ip-mh/session-groups/"
        + "session-group=192.0.2.101,192.0.2.102";
    private static final String BAD_SESSION = BFD + "/ietf-bfd-ip-sh:ip-sh/sessions/session=vB,192.0.2.9";

    private ControllerBed bed;
    private Http restconf;

    @BeforeAll
    void startController() throws Exception {
        bed = ControllerBed.boot("ctl");
        restconf = bed.http;
        LOG.info("MEASURED controller RSS {} MiB", bed.controller().rssKib() / 1024);
    }

    @AfterAll
    void stopController() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    @Order(1)
    void singleHopSessionIsStoredAndRuns() throws Exception {
        final var put = restconf.put(SH_SESSION, """
            {"ietf-bfd-ip-sh:session": [{
              "interface": "vA", "dest-addr": "192.0.2.2", "source-addr": "192.0.2.1",
              "local-multiplier": 3, "desired-min-tx-interval": 300000, "required-min-rx-interval": 300000
            }]}""");
        assertTrue(put.status() == 201 || put.status() == 204, () -> "PUT ip-sh session: " + put);

        final var config = restconf.get(SH_SESSION + "?content=config");
        assertEquals(200, config.status(), config::toString);
        final var stored = config.json().getAsJsonObject().getAsJsonArray("ietf-bfd-ip-sh:session").get(0)
            .getAsJsonObject();
        assertEquals(3, stored.get("local-multiplier").getAsInt());
        assertEquals("300000", stored.get("desired-min-tx-interval").getAsString());

        final var oper = awaitOper(SH_SESSION, body -> body.contains("session-running"));
        final var session = oper.getAsJsonArray("ietf-bfd-ip-sh:session").get(0).getAsJsonObject();
        assertNotEquals(0L, session.get("local-discriminator").getAsLong());
        assertEquals("ietf-bfd-types:path-ip-sh", session.get("path-type").getAsString());
        assertTrue(session.get("ip-encapsulation").getAsBoolean());
        assertEquals(3784, session.get("dest-port").getAsInt());
        final var running = session.getAsJsonObject("session-running");
        assertEquals("down", running.get("local-state").getAsString());
        assertEquals("none", running.get("local-diagnostic").getAsString());
        assertTrue(session.getAsJsonObject("session-statistics").has("create-time"), session::toString);
    }

    @Test
    @Order(2)
    void multihopSessionGroupIsStoredAndRuns() throws Exception {
        final var put = restconf.put(MH_GROUP, """
            {"ietf-bfd-ip-mh:session-group": [{
              "source-addr": "192.0.2.101", "dest-addr": "192.0.2.102", "rx-ttl": 250,
              "local-multiplier": 5, "min-interval": 500000
            }]}""");
        assertTrue(put.status() == 201 || put.status() == 204, () -> "PUT ip-mh session-group: " + put);

        final var config = restconf.get(MH_GROUP + "?content=config");
        assertEquals(200, config.status(), config::toString);

        final var oper = awaitOper(MH_GROUP, body -> body.contains("session-running"));
        final var group = oper.getAsJsonArray("ietf-bfd-ip-mh:session-group").get(0).getAsJsonObject();
        final var session = group.getAsJsonArray("sessions").get(0).getAsJsonObject();
        assertNotEquals(0L, session.get("local-discriminator").getAsLong());
        assertEquals("ietf-bfd-types:path-ip-mh", session.get("path-type").getAsString());
        assertEquals(4784, session.get("dest-port").getAsInt());
        assertEquals("down", session.getAsJsonObject("session-running").get("local-state").getAsString());

        // summaries at every level: two sessions, one per path type, all down
        final var bfd = awaitOper(BFD, body -> body.contains("\"number-of-sessions\":2")
            || body.contains("\"number-of-sessions\": 2"));
        final var root = bfd.getAsJsonObject("ietf-bfd:bfd");
        assertEquals(2, root.getAsJsonObject("summary").get("number-of-sessions").getAsInt());
        assertEquals(2, root.getAsJsonObject("summary").get("number-of-sessions-down").getAsInt());
        assertEquals(1, root.getAsJsonObject("ietf-bfd-ip-sh:ip-sh").getAsJsonObject("summary")
            .get("number-of-sessions").getAsInt());
        assertEquals(1, root.getAsJsonObject("ietf-bfd-ip-mh:ip-mh").getAsJsonObject("summary")
            .get("number-of-sessions").getAsInt());
    }

    @Test
    @Order(3)
    void badInputIsRejectedAndNothingIsStored() throws Exception {
        final var put = restconf.put(BAD_SESSION, """
            {"ietf-bfd-ip-sh:session": [{
              "interface": "vB", "dest-addr": "192.0.2.9", "local-multiplier": 0
            }]}""");
        assertTrue(put.status() >= 400 && put.status() < 500, () -> "expected 4xx for local-multiplier 0: " + put);
        final var error = put.json().getAsJsonObject().getAsJsonObject("errors").getAsJsonArray("error").get(0)
            .getAsJsonObject();
        LOG.info("Rejection body: {}", error);
        // ODL's codec rejects the range violation before any datastore code sees it: RFC 8040 error-tag
        // invalid-value (RFC 6241 appendix A) is what names the rule
        assertEquals("invalid-value", error.get("error-tag").getAsString(), error::toString);

        final var config = restconf.get(BAD_SESSION + "?content=config");
        assertTrue(config.isDataMissing(), config::toString);
        final var oper = restconf.get(BAD_SESSION + "?content=nonconfig");
        assertTrue(oper.isDataMissing(), oper::toString);
    }

    @Test
    @Order(4)
    void deletingConfigRemovesOperationalState() throws Exception {
        assertStatus(restconf.delete(SH_SESSION), 204);
        awaitGone(SH_SESSION);
        assertEquals(200, restconf.get(MH_GROUP + "?content=nonconfig").status(), "multihop must stay");

        assertStatus(restconf.delete(MH_GROUP), 204);
        awaitGone(MH_GROUP);
        awaitGone(PROTOCOL);
    }

    private JsonObject awaitOper(final String path, final Predicate<String> ready) throws Exception {
        final long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
        Http.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = restconf.get(path + "?content=nonconfig");
            if (last.status() == 200 && ready.test(last.body())) {
                return last.json().getAsJsonObject();
            }
            Thread.sleep(200);
        }
        return fail("operational state of " + path + " not ready in " + STATE_TIMEOUT + ": " + last);
    }

    private void awaitGone(final String path) throws Exception {
        final long deadline = System.nanoTime() + STATE_TIMEOUT.toNanos();
        Http.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = restconf.get(path + "?content=nonconfig");
            if (last.isDataMissing()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("operational state of " + path + " still there after " + STATE_TIMEOUT + ": " + last);
    }

    private static void assertStatus(final Http.Reply reply, final int expected) {
        assertEquals(expected, reply.status(), reply::toString);
    }
}
