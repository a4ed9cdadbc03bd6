/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Parses the {@code key=value} and flag words of one agent command: into a session configuration
 * here, and for the {@code policy} command ({@link PolicyCommand}), so every command rejects an
 * unknown word and reads numbers and on/off the same way.
 */
final class CommandParser {
    /** A parsed {@code add}: the configuration and its key, if any. */
    record Add(SessionConfig config, @Nullable AuthKey key) {
    }

    private static final Set<String> FLAGS = Set.of("passive", "demand");
    private static final Set<String> SH_WORDS = Set.of("name", "ifname", "local", "peer", "tx", "rx", "mult", "echo",
        "auth", "keyid", "secret", "ldisc", "rdisc", "vrf");
    private static final Set<String> MH_WORDS = Set.of("name", "local", "peer", "tx", "rx", "mult", "rxttl", "txttl",
        "auth", "keyid", "secret", "vrf");
    private static final Set<String> SET_WORDS = Set.of("tx", "rx", "mult", "echo", "rxttl", "txttl", "demand");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    /**
     * Reads the words of a command that takes only {@code key=value} words.
     *
     * @param words the command's words
     * @param from the first parameter word
     * @param allowed the keys this command takes
     * @throws IllegalArgumentException on a word that is no allowed {@code key=value}
     */
    CommandParser(final String[] words, final int from, final Set<String> allowed) {
        this(words, from, allowed, Set.of());
    }

    private CommandParser(final String[] words, final int from, final Set<String> allowed,
            final Set<String> allowedFlags) {
        for (int i = from; i < words.length; i++) {
            final String word = words[i];
            final int eq = word.indexOf('=');
            if (eq < 0) {
                if (!allowedFlags.contains(word)) {
                    throw new IllegalArgumentException("unknown word '" + word + "'");
                }
                flags.add(word);
                continue;
            }
            final String key = word.substring(0, eq);
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'");
            }
            values.put(key, word.substring(eq + 1));
        }
    }

    static Add parseAdd(final String[] words) {
        if (words.length < 2 || !"sh".equals(words[1]) && !"mh".equals(words[1])) {
            throw new IllegalArgumentException("usage: add sh|mh name=NAME ...");
        }
        final boolean singleHop = "sh".equals(words[1]);
        final CommandParser p = new CommandParser(words, 2, singleHop ? SH_WORDS : MH_WORDS,
            singleHop ? FLAGS : Set.of());
        final String name = p.required("name");
        final InetAddress local = address(p.required("local"));
        final InetAddress peer = address(p.required("peer"));
        final SessionKey key = singleHop ? new SingleHopKey(p.required("ifname"), peer) : new MultiHopKey(local, peer);
        if (local.getClass() != peer.getClass()) {
            throw new IllegalArgumentException("local and peer are of different address families");
        }
        final AuthType authType = p.values.containsKey("auth") ? authType(p.values.get("auth")) : null;
        AuthKey authKey = null;
        if (authType != null) {
            authKey = new AuthKey((int) p.requiredNumber("keyid"),
                p.required("secret").getBytes(StandardCharsets.UTF_8));
        }
        final long echo = p.number("echo", 0);
        final SessionConfig config = new SessionConfig(name, key, local, p.number("tx", 300_000),
            p.number("rx", 300_000), (int) p.number("mult", 3), echo, echo, p.flags.contains("passive"),
            p.flags.contains("demand"), authType, name, (int) p.number("ldisc", 0), (int) p.number("rdisc", 0),
            (int) p.number("rxttl", 254), false, (int) p.number("txttl", SessionConfig.MAX_TTL), p.values.get("vrf"));
        return new Add(config, authKey);
    }

    static SessionConfig parseSet(final String[] words, final SessionConfig old) {
        final CommandParser p = new CommandParser(words, 2, SET_WORDS);
        final long echo = p.number("echo", old.echoTxUs());
        return new SessionConfig(old.name(), old.key(), old.localAddress(), p.number("tx", old.desiredMinTxUs()),
            p.number("rx", old.requiredMinRxUs()), (int) p.number("mult", old.detectMult()), echo, echo,
            old.passive(), p.onOff("demand", old.demand()), old.authType(), old.keyChain(), old.staticLocalDiscr(),
            old.staticRemoteDiscr(), (int) p.number("rxttl", old.rxTtlFloor()), old.adminDown(),
            (int) p.number("txttl", old.txTtl()), old.vrf());
    }

    boolean onOff(final String key, final boolean fallback) {
        final String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + ": on or off");
        };
    }

    private String required(final String key) {
        final String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return value;
    }

    long number(final String key, final long fallback) {
        final String value = values.get(key);
        return value == null ? fallback : parseNumber(key, value);
    }

    private long requiredNumber(final String key) {
        final String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return parseNumber(key, value);
    }

    private static long parseNumber(final String key, final String value) {
        try {
            // Discriminators are unsigned 32-bit values; parseUnsignedInt accepts up to 4294967295.
            return "ldisc".equals(key) || "rdisc".equals(key) ? Integer.parseUnsignedInt(value)
                : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number " + key + "=" + value, e);
        }
    }

    private static InetAddress address(final String text) {
        // Only literals: a host name would need DNS, which an agent in a namespace must not wait for.
        if (!text.matches("[0-9a-fA-F:.%]+")) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
    }

    private static AuthType authType(final String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "simple" -> AuthType.SIMPLE_PASSWORD;
            case "keyed-md5" -> AuthType.KEYED_MD5;
            case "meticulous-keyed-md5" -> AuthType.METICULOUS_KEYED_MD5;
            case "keyed-sha1" -> AuthType.KEYED_SHA1;
            case "meticulous-keyed-sha1" -> AuthType.METICULOUS_KEYED_SHA1;
            default -> throw new IllegalArgumentException("unknown auth type " + text);
        };
    }
}
