/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Cleartext$I;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.CryptoAlgorithm;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Sha1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.Key;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.key.string.key.string.style.Hexadecimal;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.key.string.key.string.style.Keystring;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.IndependentSendAcceptLifetime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.key.lifetime.lifetime.SendAndAcceptLifetime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.lifetime.lifetime.StartEndTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.lifetime.lifetime.start.end.time.end.time.Duration;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.lifetime.lifetime.start.end.time.end.time.EndDateTime;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.yang.common.Uint64;

/**
 * Reads ietf-key-chain (RFC 8177) configuration into plain immutable records, once, so that the
 * key provider and the validator agree on what a key means. Nothing here throws on odd input:
 * what BFD cannot use is marked (null algorithm, key id -1, empty secret) and the validator names it.
 */
public final class KeyChainParser {
    private static final Pattern FRACTION = Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.(\\d+)");
    private static final Pattern SECOND = Pattern.compile("T\\d{2}:\\d{2}:(\\d{2})");

    /** The key-chain algorithms BFD can use (RFC 5880 §6.7). */
    public enum Algorithm {
        /** ietf-key-chain {@code cleartext}: BFD Simple Password (RFC 5880 §6.7.2). */
        CLEARTEXT(16),
        /** {@code md5}: Keyed MD5 (RFC 5880 §6.7.3); the key fills a 16-byte field. */
        MD5(16),
        /** {@code sha-1}: Keyed SHA1 (RFC 5880 §6.7.4); the key fills a 20-byte field. */
        SHA1(20);

        private final int maxSecret;

        Algorithm(final int maxSecret) {
            this.maxSecret = maxSecret;
        }

        /**
         * Longest secret the wire format holds (RFC 5880 §4.2-§4.4); longer ones would be cut.
         *
         * @return bytes
         */
        public int maxSecret() {
            return maxSecret;
        }
    }

    /**
     * A validity window, half-open: [start, end).
     *
     * @param start first instant
     * @param end first instant after
     */
    public record Lifetime(Instant start, Instant end) {
        /** RFC 8177 {@code always}, also the YANG default. */
        public static final Lifetime ALWAYS = new Lifetime(Instant.MIN, Instant.MAX);
        /** A lifetime that could not be read: the key is never used rather than used at the wrong time. */
        public static final Lifetime NEVER = new Lifetime(Instant.MAX, Instant.MAX);

        /**
         * Whether the window holds an instant, widened by a tolerance on both sides.
         *
         * @param now the instant
         * @param toleranceSeconds RFC 8177 accept-tolerance, 0 for none
         * @return true inside
         */
        public boolean contains(final Instant now, final long toleranceSeconds) {
            final var from = start.equals(Instant.MIN) ? start : start.minusSeconds(toleranceSeconds);
            final var to = end.equals(Instant.MAX) ? end : end.plusSeconds(toleranceSeconds);
            return !now.isBefore(from) && now.isBefore(to);
        }
    }

    /**
     * One key as BFD sees it.
     *
     * @param keyIdText the configured key-id (uint64) as text, for messages
     * @param bfdKeyId the key-id when it fits BFD's 8-bit Auth Key ID (RFC 5880 §4.2), else -1
     * @param algorithm the algorithm, or null when BFD cannot use it
     * @param algorithmName the configured algorithm's YANG name, for messages
     * @param secret the key string bytes, empty when none is configured
     * @param send send lifetime
     * @param accept accept lifetime
     * @param lifetimeError why a lifetime could not be read (the key is then never valid), or null
     */
    public record ParsedKey(String keyIdText, int bfdKeyId, @Nullable Algorithm algorithm, String algorithmName,
            byte[] secret, Lifetime send, Lifetime accept, @Nullable String lifetimeError) {
        /**
         * Copies the secret.
         *
         * @param keyIdText key-id text
         * @param bfdKeyId BFD key id or -1
         * @param algorithm algorithm or null
         * @param algorithmName YANG name
         * @param secret key bytes, empty for none
         * @param send send lifetime
         * @param accept accept lifetime
         * @param lifetimeError lifetime problem or null
         */
        public ParsedKey {
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }
    }

    /**
     * One key chain.
     *
     * @param name key-chain name
     * @param acceptToleranceSeconds RFC 8177 accept-tolerance duration
     * @param keys keys in key-id order
     */
    public record Chain(String name, long acceptToleranceSeconds, List<ParsedKey> keys) {
        /**
         * Copies the key list.
         *
         * @param name name
         * @param acceptToleranceSeconds tolerance
         * @param keys keys
         */
        public Chain {
            keys = List.copyOf(keys);
        }

        /**
         * The one algorithm all keys share, which is what the BFD Auth Type is derived from: BFD has
         * one Auth Type per session (RFC 5880 §6.7), so a chain mixing algorithms cannot serve it.
         *
         * @return the algorithm, or null when the chain is empty, mixed or holds one BFD cannot use
         */
        public @Nullable Algorithm algorithm() {
            Algorithm found = null;
            for (var key : keys) {
                if (key.algorithm() == null || found != null && found != key.algorithm()) {
                    return null;
                }
                found = key.algorithm();
            }
            return found;
        }
    }

    /** {@link ParsedKey#algorithmName()} of a key without crypto-algorithm. */
    public static final String NO_ALGORITHM = "(none)";

    private KeyChainParser() {
        // static only
    }

    /**
     * Parses every key chain.
     *
     * @param chains the key-chains container, or null when absent
     * @return chains by name
     */
    public static Map<String, Chain> parse(final @Nullable KeyChains chains) {
        final var result = new HashMap<String, Chain>();
        if (chains != null) {
            for (var chain : chains.nonnullKeyChain().values()) {
                final var parsed = parse(chain);
                result.put(parsed.name(), parsed);
            }
        }
        return Map.copyOf(result);
    }

    /**
     * Parses one key chain.
     *
     * @param chain the chain
     * @return the record
     */
    public static Chain parse(final KeyChain chain) {
        final var tolerance = chain.getAcceptTolerance() == null || chain.getAcceptTolerance().getDuration() == null
            ? 0L : chain.getAcceptTolerance().getDuration().toJava();
        final var keys = new ArrayList<ParsedKey>();
        for (var key : chain.nonnullKey().values()) {
            keys.add(parse(key));
        }
        keys.sort(Comparator.comparing(k -> Uint64.valueOf(k.keyIdText())));
        return new Chain(chain.requireName(), tolerance, keys);
    }

    private static ParsedKey parse(final Key key) {
        final var id = key.requireKeyId();
        final int bfdId = id.compareTo(Uint64.valueOf(255)) <= 0 ? id.intValue() : -1;
        final var alg = key.getCryptoAlgorithm();
        Lifetime send = Lifetime.ALWAYS;
        Lifetime accept = Lifetime.ALWAYS;
        String error = null;
        final var lifetime = key.getLifetime() == null ? null : key.getLifetime().getLifetime();
        try {
            if (lifetime instanceof SendAndAcceptLifetime both && both.getSendAcceptLifetime() != null) {
                send = lifetime("send-accept-lifetime", both.getSendAcceptLifetime());
                accept = send;
            } else if (lifetime instanceof IndependentSendAcceptLifetime independent) {
                send = independent.getSendLifetime() == null ? Lifetime.ALWAYS
                    : lifetime("send-lifetime", independent.getSendLifetime());
                accept = independent.getAcceptLifetime() == null ? Lifetime.ALWAYS
                    : lifetime("accept-lifetime", independent.getAcceptLifetime());
            }
        } catch (BadDate e) {
            // not thrown on: the validator names it, and the key provider never uses the key
            error = e.getMessage();
            send = Lifetime.NEVER;
            accept = Lifetime.NEVER;
        }
        return new ParsedKey(id.toString(), bfdId, algorithm(alg), algorithmName(alg), secret(key), send, accept,
            error);
    }

    private static Lifetime lifetime(final String container,
            final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Lifetime life)
            throws BadDate {
        if (!(life.getLifetime() instanceof StartEndTime window)) {
            return Lifetime.ALWAYS;
        }
        final var start = window.getStartDateTime() == null ? Instant.MIN
            : instant(container + " start-date-time", window.getStartDateTime());
        final var endTime = window.getEndTime();
        final Instant end;
        if (endTime instanceof Duration duration && duration.getDuration() != null) {
            end = start.equals(Instant.MIN) ? Instant.MAX : start.plusSeconds(duration.getDuration().toJava());
        } else if (endTime instanceof EndDateTime endDate && endDate.getEndDateTime() != null) {
            end = instant(container + " end-date-time", endDate.getEndDateTime());
        } else {
            // no-end-time, the YANG default of the end-time choice
            end = Instant.MAX;
        }
        return new Lifetime(start, end);
    }

    /**
     * Reads a yang:date-and-time. Its YANG pattern admits strings that are no instant at all (February
     * 30, hour 24, second 60, offset +99:99) and fractions finer than a nanosecond: those are reported
     * with a message rather than thrown as a {@link DateTimeException}, which would fail the commit
     * with HTTP 500 or stop the key-chain listener.
     */
    private static Instant instant(final String field, final DateAndTime value) throws BadDate {
        final var text = value.getValue();
        final var fraction = FRACTION.matcher(text);
        if (fraction.find() && fraction.group(1).length() > 9) {
            throw new BadDate(field + " " + text + " has " + fraction.group(1).length()
                + " fraction digits; at most 9 (nanoseconds) are supported");
        }
        final var clock = SECOND.matcher(text);
        if (clock.find() && "60".equals(clock.group(1))) {
            throw new BadDate(field + " " + text + " is a leap second (second 60), which names no instant here; "
                + "use second 59");
        }
        try {
            // yang:date-and-time is RFC 3339; "Z" and "+hh:mm" both parse as an offset date-time
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            final var cause = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new BadDate(field + " " + text + " is not a real date and time (" + cause + ")", e);
        }
    }

    /** A date-and-time string that names no instant. */
    private static final class BadDate extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        BadDate(final String message) {
            super(message);
        }

        BadDate(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    private static byte[] secret(final Key key) {
        final var style = key.getKeyString() == null ? null : key.getKeyString().getKeyStringStyle();
        if (style instanceof Keystring text && text.getKeystring() != null) {
            return text.getKeystring().getBytes(StandardCharsets.UTF_8);
        }
        if (style instanceof Hexadecimal hex && hex.getHexadecimalString() != null) {
            // yang:hex-string is octets written as "0a:1b:2c"
            return HexFormat.of().parseHex(hex.getHexadecimalString().getValue().replace(":", ""));
        }
        return new byte[0];
    }

    private static @Nullable Algorithm algorithm(final @Nullable CryptoAlgorithm alg) {
        if (alg instanceof Md5) {
            return Algorithm.MD5;
        }
        if (alg instanceof Sha1) {
            return Algorithm.SHA1;
        }
        if (alg instanceof Cleartext$I) {
            return Algorithm.CLEARTEXT;
        }
        return null;
    }

    private static String algorithmName(final @Nullable CryptoAlgorithm alg) {
        if (alg == null) {
            return NO_ALGORITHM;
        }
        // the identity's YANG name, e.g. hmac-sha-256: the binding class name in lower-hyphen form
        final var simple = alg.implementedInterface().getSimpleName().replace("$I", "");
        return simple.replaceAll("([a-z])([A-Z0-9])", "$1-$2").replaceAll("([0-9])([A-Z])", "$1-$2")
            .toLowerCase(Locale.ROOT);
    }
}
