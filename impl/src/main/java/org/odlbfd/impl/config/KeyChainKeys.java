/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.config.KeyChainParser.Algorithm;
import org.odlbfd.impl.config.KeyChainParser.Chain;
import org.odlbfd.impl.config.KeyChainParser.ParsedKey;

/**
 * The configured ietf-key-chain keys, as the engine's {@link KeyProvider}. The whole configuration
 * is one immutable map behind a volatile field: engine threads read it without locks, the
 * key-chain listener replaces it. Lifetimes are evaluated at each call against the clock, so a
 * key rolls over at its start/end time without any configuration event.
 *
 * <p>Send key choice (RFC 8177 leaves it to the user): among the keys whose send lifetime holds
 * now, the one whose lifetime started last, then the lowest key-id. An operator rolls a key by
 * adding the new one with a later start while the old one is still valid.
 */
public final class KeyChainKeys implements KeyProvider {
    private final Clock clock;
    private final List<Consumer<Set<String>>> algorithmListeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Chain> chains = Map.of();

    /**
     * Creates an empty provider on the system clock.
     */
    @Inject
    public KeyChainKeys() {
        this(Clock.systemUTC());
    }

    /**
     * Creates an empty provider.
     *
     * @param clock the wall clock lifetimes are compared with
     */
    public KeyChainKeys(final Clock clock) {
        this.clock = requireNonNull(clock);
    }

    /**
     * Replaces the whole key-chain configuration. Listeners hear about each chain whose derived
     * algorithm changed (appeared, disappeared, or became another), because the BFD Auth Type of
     * the sessions using it changes with it.
     *
     * @param newChains chains by name
     */
    public void update(final Map<String, Chain> newChains) {
        final var old = chains;
        chains = Map.copyOf(newChains);
        final var changed = new HashSet<String>();
        for (var name : union(old.keySet(), newChains.keySet())) {
            if (!Objects.equals(algorithmOf(old.get(name)), algorithmOf(newChains.get(name)))) {
                changed.add(name);
            }
        }
        if (!changed.isEmpty()) {
            final var frozen = Set.copyOf(changed);
            algorithmListeners.forEach(listener -> listener.accept(frozen));
        }
    }

    /**
     * Registers a callback for chains whose algorithm changed.
     *
     * @param listener receives the chain names
     */
    public void onAlgorithmChange(final Consumer<Set<String>> listener) {
        algorithmListeners.add(requireNonNull(listener));
    }

    /**
     * The algorithm of a chain, from which a session's BFD Auth Type follows.
     *
     * @param keyChain chain name
     * @return the chain's single BFD-usable algorithm, or null if unknown, empty, mixed or unusable
     */
    public @Nullable Algorithm algorithm(final String keyChain) {
        return algorithmOf(chains.get(keyChain));
    }

    /**
     * The current configuration.
     *
     * @return chains by name
     */
    public Map<String, Chain> chains() {
        return chains;
    }

    @Override
    public @Nullable AuthKey sendKey(final String keyChain) {
        final var chain = chains.get(keyChain);
        final var algorithm = algorithmOf(chain);
        if (algorithm == null) {
            return null;
        }
        final var now = clock.instant();
        ParsedKey best = null;
        for (var key : chain.keys()) {
            // keys are in key-id order, so on equal start times the first (lowest id) stays
            if (usable(key, algorithm) && key.send().contains(now, 0)
                    && (best == null || key.send().start().isAfter(best.send().start()))) {
                best = key;
            }
        }
        return best == null ? null : new AuthKey(best.bfdKeyId(), best.secret());
    }

    @Override
    public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
        final var chain = chains.get(keyChain);
        final var algorithm = algorithmOf(chain);
        if (algorithm == null) {
            return null;
        }
        final var now = clock.instant();
        for (var key : chain.keys()) {
            if (key.bfdKeyId() == keyId && usable(key, algorithm)
                    && key.accept().contains(now, chain.acceptToleranceSeconds())) {
                return new AuthKey(keyId, key.secret());
            }
        }
        return null;
    }

    private static boolean usable(final ParsedKey key, final Algorithm algorithm) {
        final var secret = key.secret();
        return key.bfdKeyId() >= 0 && key.algorithm() == algorithm && secret.length > 0
            && secret.length <= algorithm.maxSecret();
    }

    private static @Nullable Algorithm algorithmOf(final @Nullable Chain chain) {
        return chain == null ? null : chain.algorithm();
    }

    private static Set<String> union(final Set<String> first, final Set<String> second) {
        final var all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }
}
