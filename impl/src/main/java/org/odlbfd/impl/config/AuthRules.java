/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.config.KeyChainParser.Algorithm;
import org.odlbfd.impl.config.KeyChainParser.Chain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;

/**
 * Authentication: a session's (or its ip-sh interface's) key chain must exist and hold keys BFD
 * can use (RFC 5880 sections 4.2-4.4 and 6.7). Chains no BFD session uses are not judged here:
 * other protocols may use 16-bit key ids or HMAC-SHA-256.
 */
final class AuthRules implements ConfigRule {
    @Override
    public void check(final ConfigView config, final Violations violations) {
        for (var entry : config.interfaceAuth()) {
            authentication(config, violations, entry.where(), entry.authentication());
        }
        for (var session : config.sessions()) {
            authentication(config, violations, session.where(), session.authentication());
        }
    }

    private static void authentication(final ConfigView config, final Violations violations, final String where,
            final @Nullable Authentication auth) {
        authentication(config.keyChains(), violations, where, auth);
    }

    /**
     * Checks one authentication setting (also for odl-bfd-ext links, outside ietf-bfd).
     *
     * @param chains every key chain
     * @param violations where broken rules go
     * @param where what the messages name
     * @param auth the setting, or null
     */
    static void authentication(final Map<String, Chain> chains, final Violations violations, final String where,
            final @Nullable Authentication auth) {
        if (auth == null) {
            return;
        }
        final var name = auth.getKeyChain();
        if (name == null) {
            violations.add(where, "authentication needs a key-chain");
            return;
        }
        final var chain = chains.get(name);
        if (chain == null) {
            violations.add(where, "authentication key-chain " + name + " does not exist in ietf-key-chain:key-chains");
            return;
        }
        if (chain.keys().isEmpty()) {
            violations.add(where, "authentication key-chain " + name + " has no key");
            return;
        }
        Algorithm first = null;
        for (var key : chain.keys()) {
            final var prefix = "key-chain " + name + " key " + key.keyIdText() + ": ";
            if (key.bfdKeyId() < 0) {
                violations.add(where, prefix
                    + "key-id does not fit BFD's 8-bit Auth Key ID (0..255, RFC 5880 section 4.2)");
            }
            final var algorithm = key.algorithm();
            if (algorithm == null) {
                // a missing one is KeyChainRules' to report, for every chain
                if (!KeyChainParser.NO_ALGORITHM.equals(key.algorithmName())) {
                    violations.add(where, prefix + "crypto-algorithm " + key.algorithmName()
                        + " is not usable by BFD (md5, sha-1 or cleartext; RFC 5880 section 6.7)");
                }
                continue;
            }
            if (first == null) {
                first = algorithm;
            } else if (first != algorithm) {
                violations.add(where, prefix + "crypto-algorithm differs from the chain's other keys; a BFD session "
                    + "has one Auth Type (RFC 5880 section 6.7)");
            }
            final int length = key.secret().length;
            if (length == 0) {
                violations.add(where, prefix + "has no key-string");
            } else if (length > algorithm.maxSecret()) {
                violations.add(where, prefix + "key-string is " + length + " bytes; BFD takes at most "
                    + algorithm.maxSecret() + " for " + key.algorithmName() + " (RFC 5880 section 4)");
            }
        }
    }
}
