/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.odlbfd.impl.config.BfdConfigs.chains;
import static org.odlbfd.impl.config.BfdConfigs.key;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.config.KeyChainParser.Algorithm;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChainsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Sha1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChainBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.AcceptToleranceBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.Key;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.KeyBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.KeyStringBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.LifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.key.string.key.string.style.HexadecimalBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.IndependentSendAcceptLifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.SendAndAcceptLifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.independent.send.accept.lifetime.AcceptLifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.independent.send.accept.lifetime.SendLifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.send.and.accept.lifetime.SendAcceptLifetimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.lifetime.lifetime.StartEndTimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.lifetime.lifetime.start.end.time.end.time.DurationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.lifetime.lifetime.start.end.time.end.time.EndDateTimeBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.HexString;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint32;

class KeyChainKeysTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final KeyChainKeys keys = new KeyChainKeys(clock);

    private static DateAndTime at(final Instant instant) {
        return new DateAndTime(instant.toString());
    }

    private static LifetimeBuilder window(final Instant start, final Instant end) {
        return new LifetimeBuilder().setLifetime(new SendAndAcceptLifetimeBuilder().setSendAcceptLifetime(
            new SendAcceptLifetimeBuilder().setLifetime(new StartEndTimeBuilder().setStartDateTime(at(start))
                .setEndTime(new EndDateTimeBuilder().setEndDateTime(at(end)).build()).build()).build()).build());
    }

    private static LifetimeBuilder from(final Instant start) {
        return new LifetimeBuilder().setLifetime(new SendAndAcceptLifetimeBuilder().setSendAcceptLifetime(
            new SendAcceptLifetimeBuilder().setLifetime(new StartEndTimeBuilder().setStartDateTime(at(start))
                .build()).build()).build());
    }

    private static String text(final AuthKey key) {
        return new String(key.secret(), StandardCharsets.UTF_8);
    }

    @Test
    void alwaysValidKeyIsSentAndAccepted() {
        keys.update(KeyChainParser.parse(chains("kc", key(7, Md5.VALUE, "secret").build())));
        final var send = keys.sendKey("kc");
        assertNotNull(send);
        assertEquals(7, send.keyId());
        assertEquals("secret", text(send));
        assertNotNull(keys.acceptKey("kc", 7));
        assertNull(keys.acceptKey("kc", 8));
        assertNull(keys.sendKey("other"));
        assertEquals(Algorithm.MD5, keys.algorithm("kc"));
    }

    @Test
    void rolloverFollowsLifetimesAndAcceptTolerance() {
        final var t1 = T0.plusSeconds(3600);
        final Key old = key(1, Sha1.VALUE, "old").setLifetime(window(T0, t1).build()).build();
        final Key next = key(2, Sha1.VALUE, "new").setLifetime(from(t1.minusSeconds(60)).build()).build();
        keys.update(KeyChainParser.parse(chains("kc", old, next)));

        clock.now = T0.minusSeconds(1);
        assertNull(keys.sendKey("kc"));
        clock.now = T0.plusSeconds(10);
        assertEquals(1, keys.sendKey("kc").keyId());
        assertNull(keys.acceptKey("kc", 2));
        // both valid: the one that started last is sent, both are accepted
        clock.now = t1.minusSeconds(30);
        assertEquals(2, keys.sendKey("kc").keyId());
        assertNotNull(keys.acceptKey("kc", 1));
        clock.now = t1.plusSeconds(10);
        assertEquals(2, keys.sendKey("kc").keyId());
        assertNull(keys.acceptKey("kc", 1));

        // RFC 8177 accept-tolerance widens the accept lifetime, not the send one
        keys.update(KeyChainParser.parse(new KeyChainsBuilder().setKeyChain(BindingMap.of(new KeyChainBuilder()
            .setName("kc").setAcceptTolerance(new AcceptToleranceBuilder().setDuration(Uint32.valueOf(30)).build())
            .setKey(BindingMap.of(old, next)).build())).build()));
        assertNotNull(keys.acceptKey("kc", 1));
        clock.now = t1.plusSeconds(31);
        assertNull(keys.acceptKey("kc", 1));
    }

    @Test
    void durationAndIndependentLifetimes() {
        final Key key = new KeyBuilder(key(3, Md5.VALUE, "k").build()).setLifetime(new LifetimeBuilder()
            .setLifetime(new IndependentSendAcceptLifetimeBuilder()
                .setSendLifetime(new SendLifetimeBuilder().setLifetime(new StartEndTimeBuilder()
                    .setStartDateTime(at(T0)).setEndTime(new DurationBuilder().setDuration(Uint32.valueOf(100))
                        .build()).build()).build())
                .setAcceptLifetime(new AcceptLifetimeBuilder().build())
                .build()).build()).build();
        keys.update(KeyChainParser.parse(chains("kc", key)));
        clock.now = T0.plusSeconds(99);
        assertNotNull(keys.sendKey("kc"));
        clock.now = T0.plusSeconds(100);
        assertNull(keys.sendKey("kc"));
        // an accept lifetime without a choice is the YANG default, always
        assertNotNull(keys.acceptKey("kc", 3));
    }

    @Test
    void hexadecimalKeyString() {
        keys.update(KeyChainParser.parse(chains("kc", key(1, Md5.VALUE, "x").setKeyString(new KeyStringBuilder()
            .setKeyStringStyle(new HexadecimalBuilder().setHexadecimalString(new HexString("0a:1B:ff")).build())
            .build()).build())));
        assertArrayEquals(new byte[] { 0x0a, 0x1b, (byte) 0xff }, keys.sendKey("kc").secret());
    }

    @Test
    void keysBfdCannotUseAreNeverHandedOut() {
        keys.update(KeyChainParser.parse(chains("wide", key(300, Md5.VALUE, "s").build())));
        assertNull(keys.sendKey("wide"));
        keys.update(KeyChainParser.parse(chains("mixed", key(1, Md5.VALUE, "a").build(),
            key(2, Sha1.VALUE, "b").build())));
        assertNull(keys.algorithm("mixed"));
        assertNull(keys.sendKey("mixed"));
        assertNull(keys.acceptKey("mixed", 1));
        keys.update(KeyChainParser.parse(chains("long", key(1, Md5.VALUE, "x".repeat(17)).build())));
        assertNull(keys.sendKey("long"));
    }

    @Test
    void listenersHearOnlyAlgorithmChanges() {
        final List<Set<String>> heard = new ArrayList<>();
        keys.onAlgorithmChange(heard::add);
        keys.update(KeyChainParser.parse(chains("kc", key(1, Md5.VALUE, "a").build())));
        keys.update(KeyChainParser.parse(chains("kc", key(1, Md5.VALUE, "other secret").build())));
        keys.update(KeyChainParser.parse(chains("kc", key(1, Sha1.VALUE, "a").build())));
        keys.update(KeyChainParser.parse(new KeyChainsBuilder().build()));
        assertEquals(List.of(Set.of("kc"), Set.of("kc"), Set.of("kc")), heard);
    }
}
