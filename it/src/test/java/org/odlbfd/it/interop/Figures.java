/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measured figures (detection latency, CPU per packet, ...) logged and appended to
 * target/interop-figures.txt so that a run leaves them behind for the report.
 */
public final class Figures {
    private static final Logger LOG = LoggerFactory.getLogger(Figures.class);
    private static final Path FILE = Path.of("target", "interop-figures.txt");

    private Figures() {
    }

    public static void record(final String line) {
        LOG.info("FIGURE {}", line);
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, Instant.now() + " " + line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("cannot append to {}", FILE, e);
        }
    }
}
