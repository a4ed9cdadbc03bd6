/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.impl.policy.PolicyConfig;

/**
 * The word rules every agent command shares ({@code add}, {@code set} and {@code policy} read their
 * words through one {@link CommandParser}).
 */
class CommandParserTest {
    private static String[] words(final String line) {
        return line.split(" ");
    }

    private static String error(final Runnable parse) {
        return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
    }

    @Test
    void addReadsNumbersFlagsAndAuth() {
        final var add = CommandParser.parseAdd(words("add sh name=s ifname=eth0 local=192.0.2.1 peer=192.0.2.2"
            + " tx=50000 mult=5 ldisc=4294967295 passive auth=keyed-sha1 keyid=7 secret=abc"));
        assertEquals(50_000, add.config().desiredMinTxUs());
        assertEquals(300_000, add.config().requiredMinRxUs());
        assertEquals(5, add.config().detectMult());
        assertEquals(-1, add.config().staticLocalDiscr(), "discriminators are unsigned 32-bit");
        assertTrue(add.config().passive());
        assertEquals(AuthType.KEYED_SHA1, add.config().authType());
        assertEquals(7, add.key().keyId());
    }

    @Test
    void everyCommandRejectsTheSameWay() {
        final String sh = "add sh name=s ifname=eth0 local=192.0.2.1 peer=192.0.2.2";
        assertEquals("missing keyid=", error(() -> CommandParser.parseAdd(words(sh + " auth=simple secret=x"))));
        assertEquals("bad number tx=fast", error(() -> CommandParser.parseAdd(words(sh + " tx=fast"))));
        assertEquals("unknown word 'loud'", error(() -> CommandParser.parseAdd(words(sh + " loud"))));
        assertEquals("unknown parameter 'colour'", error(() -> CommandParser.parseAdd(words(sh + " colour=red"))));
        assertEquals("unknown parameter 'colour'",
            error(() -> PolicyCommand.parse(words("policy s colour=red"), PolicyConfig.NONE)));
        assertEquals("unknown word 'damping'",
            error(() -> PolicyCommand.parse(words("policy s damping"), PolicyConfig.NONE)));
        assertEquals("bad number wtr=soon",
            error(() -> PolicyCommand.parse(words("policy s wtr=soon"), PolicyConfig.NONE)));
        assertEquals("damping=yes: on or off",
            error(() -> PolicyCommand.parse(words("policy s damping=yes"), PolicyConfig.NONE)));
    }
}
