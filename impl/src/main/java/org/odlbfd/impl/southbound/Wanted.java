/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.opendaylight.yangtools.binding.DataObject;

/**
 * One ietf-bfd entry the controller wants in a device's configuration: an ip-sh {@code session} or
 * an ip-mh {@code session-group}, already in the device's form (RFC 9314 plus, where the device
 * implements it, odl-bfd-ext; never {@code placement}).
 *
 * @param key where it goes on the device
 * @param config the entry as the device should hold it
 * @param keyChain the ietf-key-chain it authenticates with, rendered with it; null without authentication
 * @param needsExt whether it uses odl-bfd-ext leaves that change behaviour (echo, static discriminators,
 *     passive), which a device without odl-bfd-ext cannot run
 * @param origin what asked for it: a placed session or one end of a link
 * @param error why the controller cannot render it at all (a collision, a missing key chain), or null
 */
record Wanted(EntryKey key, DataObject config, @Nullable String keyChain, boolean needsExt, Origin origin,
        @Nullable String error) {
    Wanted {
        requireNonNull(key);
        requireNonNull(config);
        requireNonNull(origin);
    }

    /**
     * Where an entry goes on a device: the bfdv1 control-plane-protocol instance and the ietf-bfd key.
     *
     * @param instance the device's instance name (the controller's instance name, or a link's)
     * @param session the ip-sh (interface, dest-addr) or ip-mh (source-addr, dest-addr) key
     */
    record EntryKey(String instance, SessionKey session) {
        EntryKey {
            requireNonNull(instance);
            requireNonNull(session);
        }

        @Override
        public String toString() {
            return session + " in " + instance;
        }
    }

    /** What an entry renders. */
    sealed interface Origin {
        /**
         * A session of the controller's ietf-bfd configuration placed on a device.
         *
         * @param protocol the controller's control-plane-protocol instance
         * @param key the session key in it
         * @param intent the entry as the operator wrote it (with odl-bfd-ext and placement)
         */
        record Placed(String protocol, SessionKey key, DataObject intent) implements Origin {
            public Placed {
                requireNonNull(protocol);
                requireNonNull(key);
                requireNonNull(intent);
            }
        }

        /**
         * One end of an odl-bfd-ext link.
         *
         * @param link the link's name
         * @param endA true for end A
         * @param localDiscriminator the static local discriminator rendered, 0 without
         * @param remoteDiscriminator the static remote discriminator rendered, 0 without
         */
        record LinkEnd(String link, boolean endA, long localDiscriminator, long remoteDiscriminator)
                implements Origin {
            public LinkEnd {
                requireNonNull(link);
            }
        }
    }
}
