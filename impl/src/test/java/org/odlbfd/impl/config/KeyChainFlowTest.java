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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.config.BfdConfigs.chains;
import static org.odlbfd.impl.config.BfdConfigs.key;
import static org.odlbfd.impl.config.BfdConfigs.sh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.SessionKey;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.InterfacesBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Sha1;

/**
 * Key chains and sessions through a real in-memory datastore: a session whose key chain is
 * missing does not run, appears when the chain does, and is re-applied with the new Auth Type when
 * the chain's algorithm changes. Interface-level authentication is inherited.
 */
class KeyChainFlowTest extends AbstractConcurrentDataBrokerTest {
    private final List<SessionConfig> applied = new CopyOnWriteArrayList<>();
    private final List<SessionKey> removed = new CopyOnWriteArrayList<>();
    private KeyChainKeys keys;
    private KeyChainListener keyListener;
    private BfdConfigListener listener;

    KeyChainFlowTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        keys = new KeyChainKeys();
        keyListener = new KeyChainListener(getDataBroker(), keys);
        listener = new BfdConfigListener(getDataBroker(), new SessionSink() {
            @Override
            public void apply(final SessionConfig config) {
                applied.add(config);
            }

            @Override
            public void remove(final String protocol, final SessionKey key) {
                removed.add(key);
            }
        }, keys);
    }

    @AfterEach
    void stop() {
        listener.close();
        keyListener.close();
    }

    private void write(final boolean protocols, final Object data) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        if (protocols) {
            tx.put(LogicalDatastoreType.CONFIGURATION, ConfigValidatorCohort.PROTOCOLS.toIdentifier(),
                (org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing
                    .ControlPlaneProtocols) data);
        } else {
            tx.put(LogicalDatastoreType.CONFIGURATION, KeyChainListener.KEY_CHAINS.toIdentifier(),
                (org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains) data);
        }
        tx.commit().get(5, TimeUnit.SECONDS);
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 5 s");
    }

    @Test
    void authTypeFollowsTheKeyChain() throws Exception {
        // the session on eth0 inherits the interface's authentication
        write(true, BfdConfigs.protocols(BfdConfigs.protocol("bfd", List.of(sh("eth0", "192.0.2.2").build()),
            List.of(), List.of(new InterfacesBuilder().setInterface("eth0").setAuthentication(
                new AuthenticationBuilder().setKeyChain("kc").setMeticulous(true).build()).build()))));
        // no chain yet: the session must not run unauthenticated (give the listener time to act)
        Thread.sleep(300);
        assertEquals(List.of(), applied);

        write(false, chains("kc", key(1, Md5.VALUE, "secret").build()));
        await(() -> applied.size() == 1);
        assertEquals(AuthType.METICULOUS_KEYED_MD5, applied.get(0).authType());
        assertEquals("kc", applied.get(0).toEngine().keyChain());
        assertNotNull(keys.sendKey("kc"));

        // same algorithm, another secret: keys change, sessions do not
        write(false, chains("kc", key(1, Md5.VALUE, "rotated").build()));
        await(() -> "rotated".equals(new String(keys.sendKey("kc").secret(),
            java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(1, applied.size());

        write(false, chains("kc", key(1, Sha1.VALUE, "secret").build()));
        await(() -> applied.size() == 2);
        assertEquals(AuthType.METICULOUS_KEYED_SHA1, applied.get(1).authType());

        // the chain disappears: the session stops rather than run without authentication
        write(false, chains("other", key(1, Sha1.VALUE, "secret").build()));
        await(() -> removed.size() == 1);
        assertEquals(applied.get(0).key(), removed.get(0));
    }
}
