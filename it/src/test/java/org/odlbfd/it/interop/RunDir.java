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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names and directories unique to this test run, so that two runs (or a crashed earlier run) never
 * share a namespace, a daemon instance or a socket path.
 */
public final class RunDir {
    /** Short so that derived names stay well inside Linux's 15-byte interface-name limit. */
    public static final String RUN_ID = Long.toString(ProcessHandle.current().pid() % 100_000, 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Path BASE = Path.of(System.getProperty("java.io.tmpdir"), "bfd-it", RUN_ID);

    private RunDir() {
    }

    /** A fresh name such as {@code bfdit-k3f7-2-frr}. */
    public static String uniqueName(final String tag) {
        return "bfdit-" + RUN_ID + "-" + SEQ.incrementAndGet() + "-" + tag;
    }

    /**
     * A fresh world-readable directory: the FRR and BIRD daemons run as their own users and must
     * reach their sockets and configs below it.
     */
    public static Path create(final String tag) {
        final Path dir = BASE.resolve(uniqueName(tag));
        try {
            Files.createDirectories(dir);
            Path walk = dir;
            while (walk != null && walk.startsWith(BASE.getParent())) {
                Files.setPosixFilePermissions(walk, PosixFilePermissions.fromString("rwxr-xr-x"));
                walk = walk.getParent();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        return dir;
    }

    public static void write(final Path file, final String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    public static String readOrEmpty(final Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
