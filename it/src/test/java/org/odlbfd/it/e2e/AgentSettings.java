/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.odlbfd.it.interop.Resource;

/**
 * The controller's {@code etc/org.odlbfd.agent.cfg} for one test bed: written before the boot, the
 * previous content (or its absence) put back on close, so other test classes boot with their own.
 */
final class AgentSettings implements Resource {
    private final Path file;
    private final byte[] previous;

    private AgentSettings(final Path file, final byte[] previous) {
        this.file = file;
        this.previous = previous;
    }

    static AgentSettings write(final Path home, final String settings) throws IOException {
        final Path file = home.resolve("etc/org.odlbfd.agent.cfg");
        final byte[] previous = Files.exists(file) ? Files.readAllBytes(file) : null;
        Files.writeString(file, settings.endsWith("\n") ? settings : settings + "\n", StandardCharsets.UTF_8);
        return new AgentSettings(file, previous);
    }

    @Override
    public void close() {
        try {
            if (previous == null) {
                Files.deleteIfExists(file);
            } else {
                Files.write(file, previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
