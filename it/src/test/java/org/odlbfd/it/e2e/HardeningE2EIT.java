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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #9 on the whole controller, in network namespace A: the commit cohort's refusals over
 * RESTCONF (400 naming the field, nothing stored), its checks across concurrent transactions and
 * against running sessions, max-sessions, the listening sockets, the files the datastore writes,
 * AAA (key chains for admins only, password change) and TLS. The controller runs from a private
 * copy of the distribution with {@code max-sessions=4}, as an operator would set it in etc/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningE2EIT {
    private static final Logger LOG = LoggerFactory.getLogger(HardeningE2EIT.class);
    private static final String KEY_CHAINS = "ietf-key-chain:key-chains";
    private static final String YANG_PATCH = "application/yang-patch+json";
    private static final int MAX_SESSIONS = 4;

    private PrivateHome home;
    private ControllerBed bed;
    private Bfd bfd;

    @BeforeAll
    void boot() throws Exception {
        home = PrivateHome.copy(Controller.home(), "hard", Map.of("etc/org.odlbfd.agent.cfg",
            "max-sessions=" + MAX_SESSIONS + "\n"));
        bed = ControllerBed.boot("hard", home.path(), home);
        bfd = new Bfd(bed.http, "hard");
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        } else if (home != null) {
            home.close();
        }
    }

    private String sh(final String ifname, final String dest) {
        return bfd.shSession(ifname, dest);
    }

    private static String shBody(final String ifname, final String dest, final String source, final String extra) {
        return Bfd.shSessionBody(ifname, dest, source, 3, 300_000, 300_000, extra);
    }

    private static String keyChain(final String name, final String keyFields) {
        return "{\"ietf-key-chain:key-chain\": [{\"name\": \"" + name + "\", \"key\": [{\"key-id\": 1, "
            + "\"key-string\": {\"keystring\": \"bfdsecret\"}" + keyFields + "}]}]}";
    }

    private static String lifetime(final String start) {
        return ", \"crypto-algorithm\": \"md5\", \"lifetime\": {\"send-accept-lifetime\": {\"start-date-time\": \""
            + start + "\"}}";
    }

    Stream<Arguments> refusals() {
        final String mh = "ietf-bfd-ip-mh:ip-mh/session-groups/session-group=";
        return Stream.of(
            Arguments.of("loopback peer", sh("lo", "127.0.0.1"), shBody("lo", "127.0.0.1", "192.0.2.1", ""),
                "dest-addr 127.0.0.1 is a loopback address"),
            Arguments.of("limited broadcast peer", sh("vA", "255.255.255.255"),
                shBody("vA", "255.255.255.255", "192.0.2.1", ""), "limited broadcast"),
            Arguments.of("multicast peer", sh("vA", "224.0.0.5"), shBody("vA", "224.0.0.5", "192.0.2.1", ""),
                "multicast"),
            Arguments.of("source not on this host", sh("vA", "192.0.2.2"), shBody("vA", "192.0.2.2", "192.0.2.77", ""),
                "source-addr 192.0.2.77 is not an address of this host"),
            Arguments.of("link-local peer on a missing interface", sh("vZ", "fe80::2"),
                shBody("vZ", "fe80::2", "2001:db8:ffff::1", "").replace(", \"source-addr\": \"2001:db8:ffff::1\"", ""),
                "interface vZ does not exist on this host"),
            Arguments.of("multihop without rx-ttl", bfd.bfd() + "/" + mh + "192.0.2.101,192.0.2.102",
                "{\"ietf-bfd-ip-mh:session-group\": [{\"source-addr\": \"192.0.2.101\", \"dest-addr\": "
                    + "\"192.0.2.102\", \"min-interval\": 300000}]}", "rx-ttl is missing"),
            Arguments.of("key without crypto-algorithm", KEY_CHAINS + "/key-chain=noalg", keyChain("noalg", ""),
                "crypto-algorithm is missing"),
            Arguments.of("February 30", KEY_CHAINS + "/key-chain=feb30", keyChain("feb30",
                lifetime("2025-02-30T00:00:00Z")), "2025-02-30T00:00:00Z is not a real date and time"),
            Arguments.of("second 60", KEY_CHAINS + "/key-chain=leap", keyChain("leap",
                lifetime("2025-06-30T23:59:60Z")), "leap second"),
            Arguments.of("ten fraction digits", KEY_CHAINS + "/key-chain=frac", keyChain("frac",
                lifetime("2025-06-30T12:00:00.1234567890Z")), "10 fraction digits"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badInputGets400NamingTheField(final String rule, final String path, final String body,
            final String message) throws Exception {
        final var put = bed.http.put(path, body);
        LOG.info("MEASURED rejection ({}): {} {}", rule, put.status(), put.body());
        assertEquals(400, put.status(), put::toString);
        final var error = put.json().getAsJsonObject().getAsJsonObject("errors").getAsJsonArray("error").get(0)
            .getAsJsonObject();
        assertEquals("invalid-value", error.get("error-tag").getAsString(), error::toString);
        assertTrue(error.get("error-message").getAsString().contains(message), error::toString);
        assertTrue(bed.http.get(path + "?content=config").isDataMissing(), rule + ": something was stored");
    }

    @Test
    @Order(2)
    void aRangeErrorIsOdlsOwn400WithoutAMessage() throws Exception {
        // reproducer of what only ODL can change: netconf 10.0.2 drops the message of a YANG range
        // violation found while parsing the body (RequestBody.exceptionErrors), before any odl-bfd code
        final var put = bed.http.put(sh("vA", "192.0.2.40"), Bfd.shSessionBody("vA", "192.0.2.40", "192.0.2.1", 0,
            300_000, 300_000, ""));
        LOG.info("MEASURED rejection (local-multiplier 0): {} {}", put.status(), put.body());
        assertEquals(400, put.status(), put::toString);
        assertTrue(put.body().contains("\"invalid-value\""), put::toString);
        assertFalse(put.body().contains("error-message"), () -> "ODL now names the field: update README: " + put);
    }

    @Test
    @Order(3)
    void aSessionAndItsKeyChainArriveInOneTransaction() throws Exception {
        final String target = "/" + bfd.shSession("vA", "192.0.2.41");
        final var patch = bed.http.send("PATCH", "/rests/data", YANG_PATCH, """
            {"ietf-yang-patch:yang-patch": {"patch-id": "together", "edit": [
              {"edit-id": "chain", "operation": "create", "target": "/ietf-key-chain:key-chains/key-chain=both",
               "value": {"ietf-key-chain:key-chain": [{"name": "both", "key": [{"key-id": 1,
                 "crypto-algorithm": "md5", "key-string": {"keystring": "bfdsecret"}}]}]}},
              {"edit-id": "session", "operation": "create", "target": "%s",
               "value": %s}]}}""".formatted(target, shBody("vA", "192.0.2.41", "192.0.2.1",
                AuthValidationE2EIT.authentication("both", false))));
        assertEquals(200, patch.status(), patch::toString);
        assertTrue(patch.body().contains("\"ok\""), patch::toString);
        assertTrue(bed.http.delete(sh("vA", "192.0.2.41")).isSuccess());
        assertTrue(bed.http.delete(KEY_CHAINS + "/key-chain=both").isSuccess());
    }

    @Test
    @Order(4)
    void concurrentCommitsCannotShareAStaticDiscriminator() throws Exception {
        final int writers = 4;
        final var start = new CountDownLatch(1);
        final ExecutorService pool = Executors.newFixedThreadPool(writers);
        final List<Future<Http.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                final String dest = "192.0.2." + (50 + i);
                replies.add(pool.submit(() -> {
                    start.await();
                    return bed.http.put(sh("vA", dest), shBody("vA", dest, "192.0.2.1",
                        "\"odl-bfd-ext:static-local-discriminator\": 5555"));
                }));
            }
            start.countDown();
            int created = 0;
            for (var reply : replies) {
                final var r = reply.get();
                LOG.info("MEASURED concurrent PUT, static discriminator 5555: {}", r.status());
                if (r.isSuccess()) {
                    created++;
                } else {
                    assertEquals(400, r.status(), r::toString);
                    assertTrue(r.body().contains("static-local-discriminator 5555 is already used"), r::toString);
                }
            }
            assertEquals(1, created, "exactly one of the concurrent commits may take the discriminator");
        } finally {
            pool.shutdownNow();
            for (int i = 0; i < writers; i++) {
                bed.http.delete(sh("vA", "192.0.2." + (50 + i)));
            }
        }
    }

    @Test
    @Order(5)
    void runningDiscriminatorsAreGuarded() throws Exception {
        assertTrue(bed.http.put(sh("vA", "192.0.2.60"), shBody("vA", "192.0.2.60", "192.0.2.1", "")).isSuccess());
        try {
            final var oper = bfd.awaitSh("vA", "192.0.2.60", s -> s.has("local-discriminator"), Duration.ofSeconds(20),
                "running");
            final long discr = oper.get("local-discriminator").getAsLong();
            final var taken = bed.http.put(sh("vA", "192.0.2.61"), shBody("vA", "192.0.2.61", "192.0.2.1",
                "\"odl-bfd-ext:static-local-discriminator\": " + discr));
            assertEquals(400, taken.status(), taken::toString);
            assertTrue(taken.body().contains("is the local discriminator of running session ip-sh vA,192.0.2.60"),
                taken::toString);
            final var changed = bed.http.put(sh("vA", "192.0.2.60"), shBody("vA", "192.0.2.60", "192.0.2.1",
                "\"odl-bfd-ext:static-local-discriminator\": " + (discr == 7 ? 8 : 7)));
            assertEquals(400, changed.status(), changed::toString);
            assertTrue(changed.body().contains("the session runs with local discriminator " + discr),
                changed::toString);
        } finally {
            bed.http.delete(sh("vA", "192.0.2.61"));
            bed.http.delete(sh("vA", "192.0.2.60"));
        }
    }

    @Test
    @Order(6)
    void maxSessionsRefusesGrowthAndNamesTheLimit() throws Exception {
        try {
            for (int i = 0; i < MAX_SESSIONS; i++) {
                final String dest = "192.0.2." + (70 + i);
                assertTrue(bed.http.put(sh("vA", dest), shBody("vA", dest, "192.0.2.1", "")).isSuccess());
            }
            final var over = bed.http.put(sh("vA", "192.0.2.79"), shBody("vA", "192.0.2.79", "192.0.2.1", ""));
            assertEquals(400, over.status(), over::toString);
            assertTrue(over.body().contains("max-sessions=" + MAX_SESSIONS), over::toString);
        } finally {
            for (int i = 0; i < MAX_SESSIONS; i++) {
                bed.http.delete(sh("vA", "192.0.2." + (70 + i)));
            }
        }
    }

    @Test
    @Order(7)
    void onlyRestconfListensBeyondTheLoopback() throws Exception {
        assertTrue(bed.http.put(sh("vA", "192.0.2.80"), shBody("vA", "192.0.2.80", "192.0.2.1", "")).isSuccess());
        try {
            bfd.awaitSh("vA", "192.0.2.80", s -> s.has("local-discriminator"), Duration.ofSeconds(20), "running");
            final long pid = bed.controller().pid();
            final var tcp = Exposure.listeners(bed.net.a(), "tcp", pid);
            final var udp = Exposure.listeners(bed.net.a(), "udp", pid);
            Figures.record("MEASURED e2e listening sockets of the controller: " + tcp + " " + udp);
            for (var listener : tcp) {
                assertTrue(listener.loopback() || listener.port() == 8181, () -> listener + " is reachable from "
                    + "outside: " + tcp);
            }
            assertTrue(tcp.stream().anyMatch(l -> l.port() == 8181 && l.wildcard()), tcp::toString);
            final var ports = tcp.stream().map(Exposure.Listener::port).toList();
            assertTrue(ports.containsAll(List.of(8181, 8182, 8101, 1099, 44444, 2830)), ports::toString);
            // BFD's UDP sockets are wildcard by design (one per port, family, VRF and loop; DESIGN.md
            // transport): each packet is checked against its session's interface, addresses and TTL
            // (RFC 5881 §5, RFC 5082), which SpoofIT and FloodIT prove. What must hold here is that
            // nothing but BFD's ports is open: Control 3784, Echo 3785, multihop 4784 and the source
            // ports of RFC 5881 §4 (49152-65535).
            assertTrue(udp.stream().anyMatch(l -> l.port() == 3784), udp::toString);
            for (var listener : udp) {
                final int port = listener.port();
                assertTrue(port == 3784 || port == 3785 || port == 4784 || port >= 49152 && port <= 65535,
                    () -> listener + " is not a BFD port: " + udp);
            }
        } finally {
            bed.http.delete(sh("vA", "192.0.2.80"));
        }
    }

    @Test
    @Order(8)
    void theJournalIsReadableByTheControllerOnly() throws Exception {
        assertTrue(bed.http.put(KEY_CHAINS + "/key-chain=journal", keyChain("journal", ", \"crypto-algorithm\": "
            + "\"md5\"")).isSuccess());
        final List<Path> journals;
        try (var files = Files.walk(home.path().resolve("state"))) {
            journals = files.filter(f -> f.getFileName().toString().startsWith("journal")).toList();
        }
        assertFalse(journals.isEmpty());
        for (var journal : journals) {
            final var perms = Files.getPosixFilePermissions(journal);
            assertTrue(perms.stream().noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")),
                () -> journal + " is " + perms);
        }
        assertTrue(bed.http.delete(KEY_CHAINS + "/key-chain=journal").isSuccess());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(home.path().resolve("state")));
    }

    @Test
    @Order(8)
    void theHeapIsTheOneSetenvSets() throws Exception {
        // max-sessions' default is sized to it; Karaf 4.4 ignores JAVA_MAX_MEM unless bin/setenv passes it
        final var cmdline = Files.readString(Path.of("/proc", Long.toString(bed.controller().pid()), "cmdline"))
            .replace('\0', ' ');
        assertTrue(cmdline.contains(" -Xmx2048m "), cmdline);
    }

    @Test
    @Order(9)
    void keyChainsAreForAdminsOnly() throws Exception {
        final Http op = AaaSteps.createUser(bed.http, "operator1", "operator-pass-1");
        assertTrue(bed.http.put(KEY_CHAINS + "/key-chain=secret", keyChain("secret", ", \"crypto-algorithm\": "
            + "\"md5\"")).isSuccess(), "the admin configures keys");
        try {
            for (var path : List.of(KEY_CHAINS, KEY_CHAINS + "/key-chain=secret", "ietf-key-chain%3Akey-chains", "",
                    "?content=config", "?fields=ietf-key-chain:key-chains")) {
                final var read = op.get(path);
                assertEquals(401, read.status(), () -> "non-admin GET /rests/data/" + path + ": " + read);
                assertFalse(read.body().contains("bfdsecret"), read::toString);
            }
            assertEquals(401, op.put(KEY_CHAINS + "/key-chain=mine", keyChain("mine", ", \"crypto-algorithm\": "
                + "\"md5\"")).status());
            // a data-change stream on the key chains would carry them too
            assertEquals(401, op.rpc("sal-remote:create-data-change-event-subscription", """
                {"input": {"path": "/ietf-key-chain:key-chains", "sal-remote-augment:datastore": "CONFIGURATION"}}
                """).status());
            // the rest of the data stays readable for the operator
            final var routing = op.get("ietf-routing:routing?content=config");
            assertTrue(routing.status() == 200 || routing.isDataMissing(), routing::toString);
            final var admin = bed.http.get(KEY_CHAINS + "/key-chain=secret");
            assertEquals(200, admin.status(), admin::toString);
            assertTrue(admin.body().contains("bfdsecret"), admin::toString);
        } finally {
            bed.http.delete(KEY_CHAINS + "/key-chain=secret");
        }
    }

    @Test
    @Order(10)
    void passwordsChangeThroughAaa() throws Exception {
        AaaSteps.changePassword(bed.http, "admin", "a-new-secret-2");
        try {
            assertEquals(401, bed.http.get("ietf-routing:routing").status(), "admin/admin must stop working");
            final var renamed = bed.http.as("admin", "a-new-secret-2").get("ietf-routing:routing?content=config");
            assertTrue(renamed.status() == 200 || renamed.isDataMissing(), renamed::toString);
        } finally {
            AaaSteps.changePassword(bed.http.as("admin", "a-new-secret-2"), "admin", "admin");
        }
        assertTrue(bed.http.get("ietf-routing:routing?content=config").status() != 401);
    }

    @Test
    @Order(11)
    void restconfTurnsToTls() throws Exception {
        final String addr = bed.mgmt.controllerAddr();
        final var cert = Exposure.selfSigned(home.path().resolve("etc/tls/restconf.p12"), "changeit", addr);
        AaaSteps.enableTls(home.path().resolve("etc/org.ops4j.pax.web.cfg"), "etc/tls/restconf.p12", "changeit");
        final String https = "https://" + addr + ":8443/rests/data/ietf-routing:routing?content=config";
        Shell.Result trusted = null;
        for (int i = 0; i < 60; i++) {
            trusted = Exposure.curl(https, cert);
            if (trusted.ok() && (trusted.out().equals("200") || trusted.out().equals("409"))) {
                break;
            }
            Shell.sleep(1_000);
        }
        final var last = trusted;
        assertTrue(last.ok() && (last.out().equals("200") || last.out().equals("409")), last::toString);
        // curl exit 60: the server's certificate is not trusted without --cacert
        assertEquals(60, Exposure.curl(https, null).rc());
        // plain HTTP is off: connection refused (curl exit 7)
        assertEquals(7, Exposure.curl("http://" + addr + ":8181/rests/data/ietf-routing:routing", null).rc());
        final var tcp = Exposure.listeners(bed.net.a(), "tcp", bed.controller().pid());
        Figures.record("MEASURED e2e listening sockets with TLS on: " + tcp);
        assertTrue(tcp.stream().noneMatch(l -> l.port() == 8181), tcp::toString);
    }
}
