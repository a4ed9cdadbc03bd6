/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

/**
 * What every key chain must hold, used by BFD or not, because it is wrong for any protocol: a
 * crypto-algorithm (mandatory in RFC 8177; see the odl-bfd-deviations module for why the
 * datastore does not enforce it), and lifetimes that name real instants. A yang:date-and-time
 * that matches its YANG pattern may still be no date (February 30, second 60, more than nine
 * fraction digits).
 */
final class KeyChainRules implements ConfigRule {
    @Override
    public void check(final ConfigView config, final Violations violations) {
        for (var chain : config.keyChains().values()) {
            for (var key : chain.keys()) {
                final var where = "ietf-key-chain key-chain " + chain.name() + " key " + key.keyIdText();
                if (KeyChainParser.NO_ALGORITHM.equals(key.algorithmName())) {
                    violations.add(where, "crypto-algorithm is missing; ietf-key-chain requires one for every key "
                        + "(RFC 8177 section 3.2)");
                }
                if (key.lifetimeError() != null) {
                    violations.add(where, "lifetime " + key.lifetimeError());
                }
            }
        }
    }
}
