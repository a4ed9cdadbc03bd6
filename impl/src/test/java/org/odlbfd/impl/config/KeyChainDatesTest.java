/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.config.BfdConfigs.chains;
import static org.odlbfd.impl.config.BfdConfigs.key;
import static org.odlbfd.impl.config.BfdConfigs.keyFrom;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChainsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChainBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;

/**
 * yang:date-and-time strings that match their YANG pattern but name no instant: the validator
 * reports them (the cohort answers 400), the parser never throws, and the key-chain listener keeps
 * working with the real in-memory datastore.
 */
class KeyChainDatesTest extends AbstractConcurrentDataBrokerTest {
    private KeyChainKeys keys;
    private KeyChainListener listener;

    KeyChainDatesTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        keys = new KeyChainKeys();
        listener = new KeyChainListener(getDataBroker(), keys);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        2025-02-30T00:00:00Z              | Invalid date 'FEBRUARY 30'
        2025-06-30T23:59:60Z              | leap second
        2025-06-30T12:00:00.1234567890Z   | 10 fraction digits
        2025-06-30T24:00:00Z              | HourOfDay
        2025-06-30T12:00:00+99:00         | not a real date and time
        """)
    void aDateThatIsNoInstantIsReported(final String text, final String reason) {
        final var parsed = KeyChainParser.parse(chains("kc", keyFrom(1, Md5.VALUE, "secret", text).build()));
        final var errors = ConfigValidator.validate(null, parsed);
        assertEquals(1, errors.size(), errors::toString);
        final var error = errors.get(0);
        assertTrue(error.startsWith("ietf-key-chain key-chain kc key 1: lifetime send-accept-lifetime start-date-time "
            + text), error);
        assertTrue(error.contains(reason), error);
        // the key is never used rather than used at the wrong time
        keys.update(parsed);
        assertNull(keys.sendKey("kc"));
        assertNull(keys.acceptKey("kc", 1));
    }

    @Test
    void realDatesPass() {
        assertEquals(List.of(), ConfigValidator.validate(null, KeyChainParser.parse(chains("kc",
            keyFrom(1, Md5.VALUE, "a", "2025-06-30T12:00:00.123456789+02:00").build(),
            keyFrom(2, Md5.VALUE, "b", "2024-02-29T23:59:59Z").build()))));
    }

    @Test
    void aMissingAlgorithmIsReportedForAnyChain() {
        final var errors = ConfigValidator.validate(null, KeyChainParser.parse(chains("ospf",
            key(1, Md5.VALUE, "a").setCryptoAlgorithm(null).build())));
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("key-chain ospf key 1: crypto-algorithm is missing"), errors::toString);
    }

    @Test
    void theListenerSurvivesABadDate() throws Exception {
        // the datastore takes the string (it matches the pattern); the listener must not stop on it
        write(new KeyChainsBuilder().setKeyChain(BindingMap.of(
            new KeyChainBuilder().setName("bad").setKey(BindingMap.of(keyFrom(1, Md5.VALUE, "x",
                "2025-02-30T00:00:00Z").build())).build(),
            new KeyChainBuilder().setName("good").setKey(BindingMap.of(key(2, Md5.VALUE, "y").build())).build()))
            .build());
        await(() -> keys.sendKey("good") != null);
        assertNull(keys.sendKey("bad"));
        // and it still hears the next change
        write(chains("later", key(3, Md5.VALUE, "z").build()));
        await(() -> keys.sendKey("later") != null);
        assertNotNull(keys.acceptKey("later", 3));
    }

    private void write(final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615
            .KeyChains chains) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.put(LogicalDatastoreType.CONFIGURATION, KeyChainListener.KEY_CHAINS.toIdentifier(), chains);
        tx.commit().get(5, TimeUnit.SECONDS);
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 5 s");
    }
}
