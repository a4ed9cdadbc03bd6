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

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odlbfd.it.interop.BirdPeer;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Shell;
import org.odlbfd.it.interop.Testbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #4 validation: every bad input is refused with a 4xx whose error names the field, and
 * nothing of it is stored. Type errors are ODL's codec; the semantic rules are the commit cohort's.
 * On the same controller boot, BIRD 2 in namespace B checks each RFC 5880 authentication type configured
 * through ietf-key-chain over RESTCONF, and a wrong key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthValidationE2EIT {
    private static final Logger LOG = LoggerFactory.getLogger(AuthValidationE2EIT.class);
    private static final String KEY_CHAINS = "ietf-key-chain:key-chains";

    private ControllerBed bed;
    private Bfd bfd;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BIRD, Testbed.BIRDC);
        bed = ControllerBed.boot("val");
        bfd = new Bfd(bed.http, "val");
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        local-multiplier 0 (YANG range) | 192.0.2.10  | 192.0.2.1     | 0 | 300000 | 300000 | -
        desired-min-tx-interval 0       | 192.0.2.11  | 192.0.2.1     | 3 | 0      | 300000 | desired-min-tx-interval
        interval below the floor        | 192.0.2.12  | 192.0.2.1     | 3 | 1      | 1      | interval
        families differ                 | 192.0.2.13  | 2001:db8::1   | 3 | 300000 | 300000 | addr
        unspecified IPv4 destination    | 0.0.0.0     | 192.0.2.1     | 3 | 300000 | 300000 | dest-addr
        unspecified IPv6 destination    | ::          | 2001:db8::1   | 3 | 300000 | 300000 | dest-addr
        source equals destination       | 192.0.2.14  | 192.0.2.14    | 3 | 300000 | 300000 | addr
        """)
    void badSingleHopSessionIsRefused(final String rule, final String dest, final String source, final int mult,
            final long tx, final long rx, final String field) throws Exception {
        assertRefused(rule, bfd.shSession("vA", dest), Bfd.shSessionBody("vA", dest, source, mult, tx, rx, ""),
            field);
    }

    @Test
    void linkLocalMultihopIsRefused() throws Exception {
        final String path = bfd.bfd() + "/ietf-bfd-ip-mh:ip-mh/session-groups/session-group=fe80%3A%3A1,fe80%3A%3A2";
        assertRefused("link-local multihop", path, """
            {"ietf-bfd-ip-mh:session-group": [{"source-addr": "fe80::1", "dest-addr": "fe80::2", "rx-ttl": 254,
              "local-multiplier": 3, "min-interval": 300000}]}""", "addr");
    }

    @Test
    void missingKeyChainIsRefused() throws Exception {
        assertRefused("missing key-chain", bfd.shSession("vA", "192.0.2.15"), Bfd.shSessionBody("vA", "192.0.2.15",
            "192.0.2.1", 3, 300000, 300000, authentication("no-such-chain", false)), "key-chain");
    }

    @Test
    void collidingStaticDiscriminatorsAreRefused() throws Exception {
        final String first = bfd.shSession("vA", "192.0.2.30");
        final String discr = "\"odl-bfd-ext:static-local-discriminator\": 4242";
        final var put = bed.http.put(first, Bfd.shSessionBody("vA", "192.0.2.30", "192.0.2.1", 3, 300000, 300000,
            discr));
        assertTrue(put.isSuccess(), () -> "the first owner of a static discriminator is valid: " + put);
        try {
            assertRefused("colliding static discriminators", bfd.shSession("vA", "192.0.2.31"), Bfd.shSessionBody("vA",
                "192.0.2.31", "192.0.2.1", 3, 300000, 300000, discr), "discriminator");
        } finally {
            bed.http.delete(first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        key-id wider than 8 bits      | 300 | md5           | key-id
        crypto algorithm BFD lacks    | 5   | hmac-sha-512  | crypto-algorithm
        """)
    void badKeyIsRefusedBeforeBfdUsesIt(final String rule, final long keyId, final String algorithm,
            final String field) throws Exception {
        final String chain = "bad-" + field;
        final var put = bed.http.put(KEY_CHAINS + "/key-chain=" + chain, keyChain(chain, keyId, algorithm,
            "bfdsecret"));
        if (!put.isSuccess()) {
            // the cohort may refuse the key itself: then it must say why, and store nothing
            LOG.info("MEASURED rejection ({} on the key chain): {} {}", rule, put.status(), put.body());
            assertClientError(rule, put, field);
            assertTrue(bed.http.get(KEY_CHAINS + "/key-chain=" + chain + "?content=config").isDataMissing());
            return;
        }
        // a key chain nobody uses may be valid; a BFD session must not be able to use it
        final String dest = "192.0.2." + (20 + field.length());
        assertRefused(rule, bfd.shSession("vA", dest), Bfd.shSessionBody("vA", dest, "192.0.2.1", 3, 300000, 300000,
            authentication(chain, false)), field);
        assertTrue(bed.http.delete(KEY_CHAINS + "/key-chain=" + chain).isSuccess());
    }

    /**
     * BIRD with one auth type, our side configured through an RFC 8177 key chain: RFC 5880 auth type to
     * crypto-algorithm is simple=cleartext, keyed-md5=md5, keyed-sha1=sha-1, and ietf-bfd's meticulous flag.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        simple                | cleartext | false | simple-password
        keyed-md5             | md5       | false | keyed-md5
        meticulous-keyed-md5  | md5       | true  | meticulous-keyed-md5
        keyed-sha1            | sha-1     | false | keyed-sha1
        meticulous-keyed-sha1 | sha-1     | true  | meticulous-keyed-sha1
        """)
    void birdWithEachAuthTypeComesUp(final String type, final String algorithm, final boolean meticulous,
            final String ianaType) throws Exception {
        final String chain = "bird-" + type;
        try (BirdPeer bird = BirdPeer.start(bed.net, bed.net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 300, type)) {
            putAuthSession(chain, algorithm, BirdPeer.SECRET, meticulous);
            final JsonObject up = bfd.awaitSh(NetNs.IF_A, NetNs.B4, s -> "up".equals(Bfd.localState(s))
                && "up".equals(Bfd.running(s, "remote-state")), Duration.ofSeconds(20), "up with " + type);
            bird.awaitState(NetNs.A4, "Up", Duration.ofSeconds(5));
            assertEquals("true", Bfd.running(up, "remote-authenticated"), up::toString);
            // iana-bfd-types auth-type names
            assertEquals(ianaType, Bfd.running(up, "remote-authentication-type"), up::toString);
            assertEquals(0, Bfd.stat(up, "receive-invalid-packet-count"), up::toString);
        } finally {
            deleteAuthSession(chain);
        }
    }

    @Test
    void changingTheKeyChainOfARunningSessionTakesEffect() throws Exception {
        final String first = "bird-change-simple";
        final String second = "bird-change-sha1";
        try {
            try (BirdPeer bird = BirdPeer.start(bed.net, bed.net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 300, "simple")) {
                putAuthSession(first, "cleartext", BirdPeer.SECRET, false);
                bfd.awaitSh(NetNs.IF_A, NetNs.B4, s -> "up".equals(Bfd.localState(s)), Duration.ofSeconds(20),
                    "up with simple");
            }
            // the operator moves both ends to Keyed SHA1: the running session must pick the new key chain up
            try (BirdPeer bird = BirdPeer.start(bed.net, bed.net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 300,
                    "keyed-sha1")) {
                putAuthSession(second, "sha-1", BirdPeer.SECRET, false);
                final JsonObject up = bfd.awaitSh(NetNs.IF_A, NetNs.B4, s -> "up".equals(Bfd.localState(s))
                    && "keyed-sha1".equals(Bfd.running(s, "remote-authentication-type")), Duration.ofSeconds(20),
                    "up with keyed-sha1 after the change");
                assertEquals("true", Bfd.running(up, "remote-authenticated"), up::toString);
            }
        } finally {
            bed.http.delete(KEY_CHAINS + "/key-chain=" + first);
            deleteAuthSession(second);
        }
    }

    @Test
    void wrongKeyStaysDownAndCountsInvalidPackets() throws Exception {
        final JsonObject later = wrongKeySession(bird -> assertTrue(bird.state(NetNs.A4)
            .map(st -> !"Up".equalsIgnoreCase(st)).orElse(true), bird::sessions));
        assertEquals("down", Bfd.localState(later), later::toString);
        assertTrue(Bfd.stat(later, "receive-invalid-packet-count") >= 3, later::toString);
    }

    @Test
    void receivePacketCountIncludesInvalidPackets() throws Exception {
        final JsonObject later = wrongKeySession(bird -> { });
        // RFC 9314: receive-packet-count "includes valid and invalid received packets"; all were invalid
        assertEquals(Bfd.stat(later, "receive-invalid-packet-count"), Bfd.stat(later, "receive-packet-count"),
            () -> "receive-packet-count must count the invalid packets too: " + later);
    }

    /** Our session with a wrong Keyed SHA1 key against BIRD; returns its state after it counted invalid packets. */
    private JsonObject wrongKeySession(final Consumer<BirdPeer> check) throws Exception {
        final String chain = "bird-wrong";
        try (BirdPeer bird = BirdPeer.start(bed.net, bed.net.b(), NetNs.IF_B, NetNs.B4, NetNs.A4, 300,
                "keyed-sha1")) {
            putAuthSession(chain, "sha-1", "not-" + BirdPeer.SECRET, false);
            bfd.awaitSh(NetNs.IF_A, NetNs.B4, s -> Bfd.stat(s, "receive-invalid-packet-count") >= 3,
                Duration.ofSeconds(10), "counting invalid");
            // three of BIRD's 1 s slow-start intervals: long enough that a wrong key that worked would be Up
            Shell.sleep(3_000);
            check.accept(bird);
            return bfd.shOper(NetNs.IF_A, NetNs.B4);
        } finally {
            deleteAuthSession(chain);
        }
    }

    private void putAuthSession(final String chain, final String algorithm, final String secret,
            final boolean meticulous) throws Exception {
        final var key = bed.http.put(KEY_CHAINS + "/key-chain=" + chain, keyChain(chain, BirdPeer.KEY_ID, algorithm,
            secret));
        assertTrue(key.isSuccess(), () -> "PUT key-chain: " + key);
        final var put = bed.http.put(bfd.shSession(NetNs.IF_A, NetNs.B4), Bfd.shSessionBody(NetNs.IF_A, NetNs.B4,
            NetNs.A4, 3, 300_000, 300_000, authentication(chain, meticulous)));
        assertTrue(put.isSuccess(), () -> "PUT session: " + put);
    }

    /** Cleanup that runs whether the test passed or not: the next test must start from nothing. */
    private void deleteAuthSession(final String chain) throws Exception {
        bed.http.delete(bfd.shSession(NetNs.IF_A, NetNs.B4));
        bed.http.delete(KEY_CHAINS + "/key-chain=" + chain);
        bfd.awaitGone(NetNs.IF_A, NetNs.B4, Duration.ofSeconds(10));
    }

    /** The ietf-bfd-types authentication container inside a session body. */
    static String authentication(final String keyChain, final boolean meticulous) {
        return "\"authentication\": {\"key-chain\": \"" + keyChain + "\", \"meticulous\": " + meticulous + "}";
    }

    /** An RFC 8177 key chain with one key. */
    static String keyChain(final String name, final long keyId, final String algorithm, final String secret) {
        return "{\"ietf-key-chain:key-chain\": [{\"name\": \"" + name + "\", \"key\": [{\"key-id\": " + keyId
            + ", \"crypto-algorithm\": \"" + algorithm + "\", \"key-string\": {\"keystring\": \"" + secret
            + "\"}}]}]}";
    }

    private void assertRefused(final String rule, final String path, final String body, final String field)
            throws Exception {
        final var put = bed.http.put(path, body);
        LOG.info("MEASURED rejection ({}): {} {}", rule, put.status(), put.body());
        if (put.isSuccess()) {
            // accepted by mistake: take it out again so that it cannot change what the next case sees
            bed.http.delete(path);
        }
        assertClientError(rule, put, field);
        final var config = bed.http.get(path + "?content=config");
        assertTrue(config.isDataMissing(), () -> rule + ": something was stored: " + config);
        final var oper = bed.http.get(path + "?content=nonconfig");
        assertTrue(oper.isDataMissing(), () -> rule + ": a session runs: " + oper);
    }

    private static void assertClientError(final String rule, final Http.Reply reply, final String field) {
        assertTrue(reply.status() >= 400 && reply.status() < 500, () -> rule + ": expected 4xx, got " + reply);
        if ("-".equals(field)) {
            // a YANG type error is ODL's codec's: invalid-value, without a path or message to check
            return;
        }
        // RFC 8040 §7.1 errors: error-message (or error-path) must name the field the rule is about
        assertTrue(reply.body().toLowerCase(Locale.ROOT).contains(field), () -> rule + ": error does not name "
            + field + ": " + reply);
    }
}
