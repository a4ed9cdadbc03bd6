/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads odl-bfd's own small JNI library, {@code libodlbfd}, built from {@code impl/src/main/c} by
 * the Maven build with the machine's C compiler. It carries what neither the JDK nor Netty offer:
 * netlink sockets (kernel routes, links and addresses) and UDP with per-datagram ancillary data
 * (IP_PKTINFO, IP_RECVTTL; RFC 5881 §4-§5 need the received TTL and a chosen source address).
 *
 * <p>The library travels inside the bundle as a resource and is copied to a file with a unique
 * name before {@code System.load}: a JNI library can belong to one class loader only, and a
 * refreshed bundle has a new one. The file is deleted once loaded (Linux keeps the mapping).
 * Where it cannot load (another OS or CPU), {@link #isAvailable()} is false, and
 * {@link #unavailabilityCause()} says why, so callers can fall back and log it.
 */
public final class NativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);
    /** Must match ODLBFD_NATIVE_VERSION in odlbfd_native.c. */
    private static final int VERSION = 2;
    private static final @Nullable Throwable CAUSE = load();

    private NativeLibrary() {
        // statics only
    }

    /**
     * Whether the native library is loaded and usable.
     *
     * @return true when loaded
     */
    public static boolean isAvailable() {
        return CAUSE == null;
    }

    /**
     * Why the library is not available.
     *
     * @return the cause, or null when it is available
     */
    public static @Nullable Throwable unavailabilityCause() {
        return CAUSE;
    }

    /**
     * Throws when the library is not available; every native entry point calls this first.
     *
     * @throws UnsupportedOperationException with the cause
     */
    public static void ensureAvailable() {
        if (CAUSE != null) {
            throw new UnsupportedOperationException("libodlbfd is not available: " + CAUSE, CAUSE);
        }
    }

    /**
     * The platform part of the resource name, e.g. {@code linux-x86_64}.
     *
     * @return the classifier, or null on a platform the build does not compile for
     */
    static @Nullable String classifier() {
        final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        final String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x86_64";
            case "aarch64", "arm64" -> "linux-aarch_64";
            default -> null;
        };
    }

    private static @Nullable Throwable load() {
        final String classifier = classifier();
        if (classifier == null) {
            return new UnsupportedOperationException("no native build for " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        }
        final String resource = "/META-INF/native/libodlbfd-" + classifier + ".so";
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return new UnsupportedOperationException("resource " + resource + " is missing from the bundle");
            }
            final Path file = Files.createTempFile("libodlbfd-", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(file);
            }
            final int version = version0();
            if (version != VERSION) {
                return new UnsupportedOperationException("libodlbfd version " + version + ", expected " + VERSION);
            }
            LOG.debug("libodlbfd {} loaded", classifier);
            return null;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            LOG.warn("libodlbfd could not be loaded", e);
            return e;
        }
    }

    private static native int version0();
}
