/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each test gets its own pair of namespaces (so sysctl/nft changes never leak into the next test)
 * and registers every process it starts; they are stopped in reverse order, then the namespaces
 * deleted, whether the test passed or not.
 */
abstract class InteropBase {
    private static final Logger LOG = LoggerFactory.getLogger(InteropBase.class);
    /** Static so that @AfterAll can still clean up if an @AfterEach failed half-way. */
    private static final Deque<Resource> OWNED = new ArrayDeque<>();

    NetNs net;

    @BeforeEach
    final void createNamespaces() {
        net = own(NetNs.pair(getClass().getSimpleName().substring(0, 4).toLowerCase(Locale.ROOT)));
    }

    /** Registers {@code resource} for cleanup after the test and returns it. */
    static <T extends Resource> T own(final T resource) {
        OWNED.push(resource);
        return resource;
    }

    @AfterEach
    final void cleanUpTest() {
        closeAll();
    }

    @AfterAll
    static void cleanUpClass() {
        closeAll();
    }

    private static void closeAll() {
        while (!OWNED.isEmpty()) {
            final Resource res = OWNED.pop();
            try {
                res.close();
            } catch (IllegalStateException | AssertionError e) {
                LOG.warn("cleanup of {} failed", res, e);
            }
        }
    }
}
