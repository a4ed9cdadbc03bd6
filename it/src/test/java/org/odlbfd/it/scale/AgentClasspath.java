/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;

/**
 * The classpath of the agent JVM: this checkout's impl/target/classes (compiled now, so the agent is the
 * code under review, not a stale bfd-impl jar in ~/.m2) followed by impl's runtime dependencies as Maven
 * resolves them offline. {@code -Dscale.agent.classpath=...} overrides it.
 */
final class AgentClasspath {
    private AgentClasspath() {
    }

    static String build() {
        final String given = System.getProperty("scale.agent.classpath", "");
        if (!given.isBlank()) {
            return given;
        }
        final Path root = Path.of(System.getProperty("scale.root", "..")).toAbsolutePath().normalize();
        final Path impl = root.resolve("impl");
        final Path out = Path.of("target", "scale-impl.classpath").toAbsolutePath();
        final Shell.Result res = Shell.run(Duration.ofMinutes(10), root.resolve("mvnw").toString(), "-B", "-o", "-q",
            "-f", impl.resolve("pom.xml").toString(), "compile", "dependency:build-classpath",
            "-Dmdep.outputFile=" + out, "-Dmdep.includeScope=runtime");
        if (!res.ok() || !Files.exists(out)) {
            throw new IllegalStateException("cannot build the agent classpath from " + impl + ": " + res.out()
                + res.err());
        }
        final Path classes = impl.resolve("target/classes");
        if (!Files.exists(classes.resolve("org/odlbfd/impl/agent/AgentMain.class"))) {
            throw new IllegalStateException("no AgentMain in " + classes + ": merge the engine branch first");
        }
        return classes + ":" + RunDir.readOrEmpty(out).trim();
    }
}
