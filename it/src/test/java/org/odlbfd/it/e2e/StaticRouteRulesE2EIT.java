/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.it.e2e.StaticRoutes.bfd;
import static org.odlbfd.it.e2e.StaticRoutes.hop;
import static org.odlbfd.it.e2e.StaticRoutes.instance;
import static org.odlbfd.it.e2e.StaticRoutes.route;
import static org.odlbfd.it.e2e.StaticRoutes.simpleRoute;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.odlbfd.it.interop.Testbed;

/**
 * Every static route rule of issue 10 through RESTCONF on the real controller (commit cohort): a
 * 400 whose error-message names the route or session, the field and the rule, and nothing stored.
 * The rules are listed in impl/README.md ("Static route rules").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticRouteRulesE2EIT {
    private static final String P = "0.0.0.0/0";
    private static final String TRACKED = "\"odl-bfd-static-route:bfd\": {\"enabled\": true}";

    private ControllerBed bed;
    private StaticRoutes routes;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require();
        bed = ControllerBed.boot("rules", "kernel-routes=true");
        routes = new StaticRoutes(bed.http);
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private void refused(final String name, final String body, final String... fragments) throws Exception {
        final var reply = routes.put(name, body);
        assertEquals(400, reply.status(), reply::toString);
        for (String fragment : fragments) {
            assertTrue(reply.body().contains(fragment), () -> "'" + fragment + "' not in " + reply.body());
        }
        final var stored = bed.http.get(StaticRoutes.path(name) + "?content=config");
        assertTrue(stored.isDataMissing(), () -> "stored although refused: " + stored);
    }

    private static String simple(final String members) {
        return instance("bad", "", simpleRoute(P, members));
    }

    @Test
    void trackedNextHopWithoutAddress() throws Exception {
        refused("bad", simple("\"outgoing-interface\": \"vA\", " + TRACKED), "static route 0.0.0.0/0",
            "protocol bad", "bfd needs a next-hop-address");
    }

    @Test
    void singleHopWithoutInterface() throws Exception {
        refused("bad", simple("\"next-hop-address\": \"192.0.2.2\", " + TRACKED),
            "single-hop bfd needs outgoing-interface");
    }

    @Test
    void multihopWithoutSource() throws Exception {
        refused("bad", simple("\"next-hop-address\": \"192.0.2.2\", \"odl-bfd-static-route:bfd\": {\"enabled\": "
            + "true, \"multihop\": true}"), "bfd multihop needs source-addr");
    }

    @Test
    void sourceOfAnotherFamily() throws Exception {
        refused("bad", simple("\"next-hop-address\": \"192.0.2.2\", \"odl-bfd-static-route:bfd\": {\"enabled\": "
            + "true, \"multihop\": true, \"source-addr\": \"2001:db8::1\"}"), "different address families");
    }

    @Test
    void sessionNameNamingNoSession() throws Exception {
        refused("bad", simple("\"next-hop-address\": \"192.0.2.2\", \"odl-bfd-static-route:bfd\": {\"enabled\": "
            + "true, \"session-name\": \"nosuch\"}"), "bfd session-name nosuch names no configured BFD session");
    }

    @Test
    void sessionNameWithSettingsOfItsOwn() throws Exception {
        final var session = bed.http.put(new Bfd(bed.http, "rules").shSession("vA", "192.0.2.2"),
            Bfd.shSessionBody("vA", "192.0.2.2", "192.0.2.1", 3, 300_000, 300_000,
                "\"odl-bfd-ext:session-name\": \"s1\""));
        assertTrue(session.isSuccess(), session::toString);
        refused("bad", simple("\"next-hop-address\": \"192.0.2.2\", \"odl-bfd-static-route:bfd\": {\"enabled\": "
            + "true, \"session-name\": \"s1\", \"multihop\": true}"), "session-name tracks a configured session");
    }

    @Test
    void rxTtlWithoutMultihop() throws Exception {
        refused("bad", simple("\"next-hop-address\": \"192.0.2.2\", \"outgoing-interface\": \"vA\", "
            + "\"odl-bfd-static-route:bfd\": {\"enabled\": true, \"rx-ttl\": 200}"), "bfd rx-ttl applies to multihop");
    }

    @Test
    void intervalBelowTheFloor() throws Exception {
        refused("bad", simple("\"next-hop-address\": \"192.0.2.2\", \"outgoing-interface\": \"vA\", "
            + "\"odl-bfd-static-route:bfd\": {\"enabled\": true, \"min-interval\": 3000}"),
            "bfd min-interval 3000 must be >= 10000 us");
    }

    @Test
    void holdDownOutOfRange() throws Exception {
        refused("bad", instance("bad", "\"odl-bfd-static-route:hold-down\": 3600001", simpleRoute(P,
            "\"next-hop-address\": \"192.0.2.2\"")), "hold-down 3600001 must be in 0..3600000 ms");
    }

    @Test
    void preferenceZero() throws Exception {
        refused("bad", instance("bad", "", route(P, hop("1", "192.0.2.2", null, 0, ""))),
            "next hop 1", "preference 0 is reserved");
    }

    @Test
    void preferenceNotANumber() throws Exception {
        final var reply = routes.put("bad", instance("bad", "", route(P, hop("1", "192.0.2.2", null, 1, "")))
            .replace("\"odl-bfd-static-route:preference\": 1", "\"odl-bfd-static-route:preference\": \"first\""));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(bed.http.get(StaticRoutes.path("bad") + "?content=config").isDataMissing());
    }

    @Test
    void vrfThatDoesNotExist() throws Exception {
        refused("bad", instance("bad", "\"odl-bfd-static-route:vrf\": \"novrf\"", simpleRoute(P,
            "\"next-hop-address\": \"192.0.2.2\"")), "vrf novrf does not exist");
    }

    @Test
    void multihopSessionGroupInAVrfThatDoesNotExist() throws Exception {
        final var bfd = new Bfd(bed.http, "vrfless");
        final String path = bfd.bfd() + "/ietf-bfd-ip-mh:ip-mh/session-groups/session-group=192.0.2.101,192.0.2.102";
        final var reply = bed.http.put(path, "{\"ietf-bfd-ip-mh:session-group\": [{\"source-addr\": \"192.0.2.101\","
            + " \"dest-addr\": \"192.0.2.102\", \"rx-ttl\": 254, \"odl-bfd-ext:vrf\": \"novrf\"}]}");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.body().contains("vrf novrf does not exist"), reply::toString);
        assertTrue(bed.http.get(path + "?content=config").isDataMissing());
    }

    @Test
    void onePrefixPerVrf() throws Exception {
        final var first = routes.put("one", instance("one", "", simpleRoute("198.51.100.0/25",
            "\"next-hop-address\": \"192.0.2.2\"")));
        assertTrue(first.isSuccess(), first::toString);
        refused("two", instance("two", "", simpleRoute("198.51.100.0/25", "\"next-hop-address\": \"192.0.2.3\"")),
            "static route 198.51.100.0/25", "configured in static protocols one and two of the same VRF");
        assertTrue(bed.http.delete(StaticRoutes.path("one")).isSuccess());
    }

    @Test
    void processInterfaceStatusOnOneSessionPerInterface() throws Exception {
        final var bfd = new Bfd(bed.http, "pis");
        final String coupling = "\"odl-bfd-ext:process-interface-status\": {}";
        final var first = bed.http.put(bfd.shSession("vC", "192.0.2.2"), Bfd.shSessionBody("vC", "192.0.2.2",
            "192.0.2.1", 3, 300_000, 300_000, coupling));
        assertTrue(first.isSuccess(), first::toString);
        final var second = bed.http.put(bfd.shSession("vC", "192.0.2.3"), Bfd.shSessionBody("vC", "192.0.2.3",
            "192.0.2.1", 3, 300_000, 300_000, coupling));
        assertEquals(400, second.status(), second::toString);
        assertTrue(second.body().contains("process-interface-status is already set"), second::toString);
        assertTrue(bed.http.get(bfd.shSession("vC", "192.0.2.3") + "?content=config").isDataMissing());
        assertTrue(bed.http.delete(bfd.shSession("vC", "192.0.2.2")).isSuccess());
    }

    @Test
    void multicastNextHop() throws Exception {
        refused("bad", simple("\"next-hop-address\": \"224.0.0.5\""), "must be a unicast address");
    }

    @Test
    void receiveSpecialNextHop() throws Exception {
        refused("bad", simple("\"special-next-hop\": \"receive\""), "special-next-hop receive is not supported");
    }

    @Test
    void aValidRouteIsStored() throws Exception {
        final var reply = routes.put("good", instance("good", "\"odl-bfd-static-route:hold-down\": 1000",
            route("198.51.100.128/25", hop("1", "192.0.2.2", "vA", 1, bfd(300)), hop("2", "192.0.2.6", "vB", 5,
                ""))));
        assertTrue(reply.isSuccess(), reply::toString);
        assertEquals(200, bed.http.get(StaticRoutes.path("good") + "?content=config").status());
        assertTrue(bed.http.delete(StaticRoutes.path("good")).isSuccess());
    }
}
