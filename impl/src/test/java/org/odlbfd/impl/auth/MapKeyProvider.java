/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A key chain held in a map, for tests: one chain name, keys by id, one of them to send with.
 */
final class MapKeyProvider implements KeyProvider {
    static final String CHAIN = "bird";

    private final Map<Integer, AuthKey> keys;
    private final int sendKeyId;

    MapKeyProvider(final Map<Integer, AuthKey> keys, final int sendKeyId) {
        this.keys = Map.copyOf(keys);
        this.sendKeyId = sendKeyId;
    }

    /**
     * A chain with a single key.
     *
     * @param keyId key id
     * @param secret password, as ASCII
     * @return the provider
     */
    static MapKeyProvider of(final int keyId, final String secret) {
        return new MapKeyProvider(Map.of(keyId, new AuthKey(keyId, secret.getBytes(StandardCharsets.US_ASCII))),
            keyId);
    }

    @Override
    public @Nullable AuthKey sendKey(final String keyChain) {
        return CHAIN.equals(keyChain) ? keys.get(sendKeyId) : null;
    }

    @Override
    public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
        return CHAIN.equals(keyChain) ? keys.get(keyId) : null;
    }
}
