/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import java.util.Arrays;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An open-addressing map from non-zero int keys to values, without boxing: the demultiplexing
 * map by Your Discriminator is hit once per received packet (PERF-NOTES rule 1). Key 0 is never
 * stored (RFC 5880 §6.8.1: bfd.LocalDiscr is non-zero). Not thread-safe.
 *
 * @param <V> value type
 */
public final class IntMap<V> {
    private int[] keys = new int[16];
    private Object[] values = new Object[16];
    private int size;

    /**
     * Looks a key up.
     *
     * @param key non-zero key
     * @return value or null
     */
    @SuppressWarnings("unchecked")
    public @Nullable V get(final int key) {
        final int mask = keys.length - 1;
        for (int i = mix(key) & mask;; i = i + 1 & mask) {
            final int found = keys[i];
            if (found == key) {
                return (V) values[i];
            }
            if (found == 0) {
                return null;
            }
        }
    }

    /**
     * Stores a value.
     *
     * @param key non-zero key
     * @param value value
     */
    public void put(final int key, final V value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        final int mask = keys.length - 1;
        for (int i = mix(key) & mask;; i = i + 1 & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    /**
     * Removes a key.
     *
     * @param key non-zero key
     */
    public void remove(final int key) {
        final int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != key) {
            if (keys[slot] == 0) {
                return;
            }
            slot = slot + 1 & mask;
        }
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int gap = slot;
        for (int i = gap + 1 & mask; keys[i] != 0; i = i + 1 & mask) {
            final int home = mix(keys[i]) & mask;
            if ((i - home & mask) >= (i - gap & mask)) {
                keys[gap] = keys[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        keys[gap] = 0;
        values[gap] = null;
        size--;
    }

    /**
     * Number of entries.
     *
     * @return size
     */
    public int size() {
        return size;
    }

    private void grow() {
        final int[] oldKeys = keys;
        final Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                @SuppressWarnings("unchecked")
                final V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
        Arrays.fill(oldValues, null);
    }

    private static int mix(final int key) {
        final int h = key * 0x9E3779B9;
        return h ^ h >>> 16;
    }
}
