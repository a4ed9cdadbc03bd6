/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Engine scenarios with real encoding on the wire: authentication (RFC 5880 §6.7, §6.8.6 A bit)
 * and malformed datagrams.
 */
class EngineWireFormatTest {
    private static final Map<String, AuthKey> KEYS = Map.of(
        "good", new AuthKey(3, "s3cret".getBytes(StandardCharsets.US_ASCII)),
        "bad", new AuthKey(3, "wrong!".getBytes(StandardCharsets.US_ASCII)));
    private static final KeyProvider PROVIDER = new KeyProvider() {
        @Override
        public @Nullable AuthKey sendKey(final String keyChain) {
            return KEYS.get(keyChain);
        }

        @Override
        public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
            final AuthKey key = KEYS.get(keyChain);
            return key != null && key.keyId() == keyId ? key : null;
        }
    };

    private final Wire wire = new Wire(PROVIDER);

    private static SessionConfig config(final String name, final boolean sideA, final @Nullable AuthType type,
            final String chain) {
        return new SessionConfig(name, sideA ? EngineScenarioTest.KEY_A : EngineScenarioTest.KEY_B,
            sideA ? EngineScenarioTest.ADDR_A : EngineScenarioTest.ADDR_B, 300_000, 300_000, 3, 0, 0, false, false,
            type, chain, 0, 0, 254, false);
    }

    private SessionSnapshot snapA() {
        return wire.sideA.snapshot(EngineScenarioTest.KEY_A);
    }

    private SessionSnapshot snapB() {
        return wire.sideB.snapshot(EngineScenarioTest.KEY_B);
    }

    @Test
    void encodedUnauthenticatedSessionComesUp() {
        wire.encode = true;
        wire.sideA.engine.configure(config("a", true, null, ""));
        wire.sideB.engine.configure(config("b", false, null, ""));
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, snapA().localState());
        assertFalse(snapA().remoteAuthenticated());
    }

    @Test
    void authenticatedSessionComesUp() {
        wire.sideA.engine.configure(config("a", true, AuthType.METICULOUS_KEYED_SHA1, "good"));
        wire.sideB.engine.configure(config("b", false, AuthType.METICULOUS_KEYED_SHA1, "good"));
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, snapA().localState());
        assertEquals(State.UP, snapB().localState());
        assertTrue(snapB().remoteAuthenticated());
        assertEquals(AuthType.METICULOUS_KEYED_SHA1, snapB().remoteAuthType());
        assertEquals(0, snapB().statistics().rxInvalid());
    }

    @Test
    void wrongKeyIsCountedAndNeverUp() {
        wire.sideA.engine.configure(config("a", true, AuthType.KEYED_MD5, "good"));
        wire.sideB.engine.configure(config("b", false, AuthType.KEYED_MD5, "bad"));
        wire.loop.runMillis(5_000);
        assertEquals(State.DOWN, snapA().localState());
        assertTrue(snapB().statistics().rejected(RejectReason.AUTH_FAILED) > 0, snapB().statistics().toString());
    }

    @Test
    void authenticationChangedOnRunningSessionsTakesEffect() {
        // both ends start without authentication, then the operator turns keyed SHA1 on at both
        wire.sideA.engine.configure(config("a", true, null, ""));
        wire.sideB.engine.configure(config("b", false, null, ""));
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, snapA().localState());
        final int discrA = snapA().localDiscr();
        wire.sideA.engine.configure(config("a", true, AuthType.KEYED_SHA1, "good"));
        wire.sideB.engine.configure(config("b", false, AuthType.KEYED_SHA1, "good"));
        wire.loop.runMillis(5_000);
        assertEquals(State.UP, snapA().localState());
        assertEquals(State.UP, snapB().localState());
        assertEquals(AuthType.KEYED_SHA1, snapB().remoteAuthType(), "B now hears A's packets signed");
        assertEquals(AuthType.KEYED_SHA1, snapA().remoteAuthType(), "A now hears B's packets signed");
        assertEquals(discrA, snapA().localDiscr(), "the session is modified, not re-created");

        // a new key on one end only: the other end rejects its packets and counts them
        final long invalidBefore = snapB().statistics().rejected(RejectReason.AUTH_FAILED);
        wire.sideA.engine.configure(config("a", true, AuthType.KEYED_SHA1, "bad"));
        wire.loop.runMillis(5_000);
        assertTrue(snapB().statistics().rejected(RejectReason.AUTH_FAILED) > invalidBefore);
        assertEquals(State.DOWN, snapB().localState());
    }

    @Test
    void authBitWithoutConfiguredAuthIsAuthMismatch() {
        // RFC 5880 §6.8.6: A bit set but no authentication configured (and the reverse): discard.
        wire.sideA.engine.configure(config("a", true, AuthType.SIMPLE_PASSWORD, "good"));
        wire.sideB.engine.configure(config("b", false, null, ""));
        wire.loop.runMillis(5_000);
        assertEquals(State.DOWN, snapB().localState());
        assertTrue(snapB().statistics().rejected(RejectReason.AUTH_MISMATCH) > 0);
        assertEquals(State.DOWN, snapA().localState());
    }

    @Test
    void malformedDatagramsAreCountedNotThrown() {
        wire.encode = true;
        wire.sideA.engine.configure(config("a", true, null, ""));
        wire.sideB.engine.configure(config("b", false, null, ""));
        wire.loop.runMillis(5_000);
        final int discrB = snapB().localDiscr();
        final long globalBefore = wire.sideB.engine.stats().join().rxInvalid();
        // Too short to attribute: counted globally.
        wire.sideB.engine.submit(new EngineInput.Received(EngineScenarioTest.KEY_B, null,
            Unpooled.wrappedBuffer(new byte[] { 0x20, 0x40, 3, 24, 0, 0 }), null));
        // Version 2 but naming B's session: counted on the session.
        final byte[] badVersion = new byte[24];
        badVersion[0] = 0x40;
        badVersion[2] = 3;
        badVersion[3] = 24;
        badVersion[4] = 1;
        badVersion[8] = (byte) (discrB >>> 24);
        badVersion[9] = (byte) (discrB >>> 16);
        badVersion[10] = (byte) (discrB >>> 8);
        badVersion[11] = (byte) discrB;
        wire.sideB.engine.submit(new EngineInput.Received(EngineScenarioTest.KEY_B, null,
            Unpooled.wrappedBuffer(badVersion), null));
        wire.loop.runMillis(1_000);
        assertEquals(1, snapB().statistics().rejected(RejectReason.BAD_VERSION));
        assertEquals(globalBefore + 2, wire.sideB.engine.stats().join().rxInvalid());
        assertEquals(State.UP, snapB().localState());
    }
}
