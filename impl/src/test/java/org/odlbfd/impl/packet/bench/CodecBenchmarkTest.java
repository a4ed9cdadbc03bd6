/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CodecBenchmark} and logs ns/op per benchmark. Tagged "benchmark", which impl/pom.xml
 * excludes from normal builds; run it on demand with
 * <pre>
 * ./mvnw -B -o -f impl/pom.xml test -Dtest=CodecBenchmarkTest -Dgroups=benchmark -DexcludedGroups=none \
 *     -Djacoco.skip=true
 * </pre>
 * (JMH's own summary table goes to the console; the figures are also logged by this test.)
 */
@Tag("benchmark")
class CodecBenchmarkTest {
    private static final Logger LOG = LoggerFactory.getLogger(CodecBenchmarkTest.class);

    @Test
    void runBenchmarks() throws RunnerException {
        final Options options = new OptionsBuilder()
            .include(CodecBenchmark.class.getName())
            .build();
        final Collection<RunResult> results = new Runner(options).run();
        assertEquals(5, results.size(), "every benchmark ran");
        for (RunResult result : results) {
            final double score = result.getPrimaryResult().getScore();
            LOG.info("{}: {} {}", result.getParams().getBenchmark(), String.format("%.1f", score),
                result.getPrimaryResult().getScoreUnit());
            assertTrue(score > 0, "a measured figure");
        }
    }
}
