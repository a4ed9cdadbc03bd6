/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.auth.AuthKey;
import org.odlbfd.impl.auth.KeyProvider;

/**
 * The agent's keys: one key per session, the key chain named after the session.
 */
final class AgentKeys implements KeyProvider {
    private final Map<String, AuthKey> keys = new ConcurrentHashMap<>();

    void put(final String keyChain, final AuthKey key) {
        keys.put(keyChain, key);
    }

    void remove(final String keyChain) {
        keys.remove(keyChain);
    }

    @Override
    public @Nullable AuthKey sendKey(final String keyChain) {
        return keys.get(keyChain);
    }

    @Override
    public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
        final AuthKey key = keys.get(keyChain);
        return key != null && key.keyId() == keyId ? key : null;
    }
}
