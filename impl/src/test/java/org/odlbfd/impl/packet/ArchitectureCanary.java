/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import io.netty.channel.Channel;

/**
 * Test-only class that breaks the core package rule on purpose, so that ArchitectureTest can show
 * its rule really fails on a violation. Never imported by the main-code rules (tests excluded).
 */
final class ArchitectureCanary {
    private ArchitectureCanary() {
        // never instantiated
    }

    static boolean open(final Channel channel) {
        return channel.isOpen();
    }
}
