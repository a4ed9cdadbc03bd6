/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SIGKILL of one of our own processes straight from this JVM (no {@code kill} child process, whose
 * start-up of a few ms would blur the instant the peer went silent).
 */
final class Kill {
    private Kill() {
    }

    /** Kills {@code pid} if its command line contains {@code marker}; returns System.nanoTime just before. */
    static long sigkill(final long pid, final String marker) {
        final String cmdline;
        try {
            cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1)
                .replace('\0', ' ');
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone", e);
        }
        if (!cmdline.contains(marker)) {
            throw new IllegalStateException("not killing " + pid + ": '" + cmdline + "' lacks " + marker);
        }
        final ProcessHandle handle = ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("process " + pid + " is gone"));
        final long before = System.nanoTime();
        if (!handle.destroyForcibly()) {
            throw new IllegalStateException("SIGKILL to " + pid + " refused");
        }
        return before;
    }
}
