/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.odlbfd.it.interop.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private copy of the built distribution for a test that changes files in {@code etc/} (settings
 * an operator edits): the shared build stays as built for every other test. Everything is copied
 * but {@code system/}, the bundle repository Karaf only reads, which is linked.
 */
final class PrivateHome implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateHome.class);

    private final Path path;

    private PrivateHome(final Path path) {
        this.path = path;
    }

    /**
     * Copies the distribution and writes the given files over it.
     *
     * @param built the built distribution
     * @param tag names the copy ({@code target/e2e-home-TAG})
     * @param files paths relative to the distribution, e.g. {@code etc/org.odlbfd.agent.cfg}, and their text
     */
    static PrivateHome copy(final Path built, final String tag, final Map<String, String> files) throws IOException {
        final var path = Path.of("target", "e2e-home-" + tag).toAbsolutePath();
        final var home = new PrivateHome(path);
        home.close();
        Files.walkFileTree(built, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs)
                    throws IOException {
                final var target = path.resolve(built.relativize(dir).toString());
                if (dir.equals(built.resolve("system"))) {
                    Files.createSymbolicLink(target, dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                Files.copy(file, path.resolve(built.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
        for (var file : files.entrySet()) {
            final var target = path.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        LOG.info("private controller home {} with {}", path, files.keySet());
        return home;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Files.walk does not follow links: the shared system/ is left alone
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
