/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Supplies keys by key-chain name. The datastore layer feeds it from ietf-key-chain; tests use a
 * map. Implementations must be safe to call from any engine thread.
 */
public interface KeyProvider {
    /** A provider with no keys: for engines that run no authenticated session. */
    KeyProvider NONE = new KeyProvider() {
        @Override
        public @Nullable AuthKey sendKey(final String keyChain) {
            return null;
        }

        @Override
        public @Nullable AuthKey acceptKey(final String keyChain, final int keyId) {
            return null;
        }
    };

    /**
     * The key to sign outgoing packets with now.
     *
     * @param keyChain key-chain name
     * @return the key, or null when the chain has no usable send key
     */
    @Nullable AuthKey sendKey(String keyChain);

    /**
     * The key a received packet names.
     *
     * @param keyChain key-chain name
     * @param keyId Auth Key ID from the packet
     * @return the key, or null when the chain has no usable accept key with that id
     */
    @Nullable AuthKey acceptKey(String keyChain, int keyId);
}
