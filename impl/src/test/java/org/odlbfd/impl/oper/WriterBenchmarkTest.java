/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test (tag "benchmark", out of the default run): the operational writer on the
 * in-memory datastore, N sessions going through the writes of a bring-up burst (created, first
 * packet, Up, the Poll/Final to the configured rate, a counters period), each phase handed over at
 * once and timed until its commit. Compares the writer as it was (every change a whole entry, no
 * codec warm-up) with the writer now (only what changed, codec warmed at start), each on a fresh
 * datastore, in two rounds so that the second has a warm JIT for both. Generated codec classes outlive
 * a datastore, so only the writer that runs first ({@code -Dbench.first=before}, the default, or
 * {@code now}) meets a cold codec. Run with
 * {@code ./mvnw -B -o -pl impl test -Dtest=WriterBenchmarkTest -Dgroups=benchmark -DexcludedGroups=none
 * -Djacoco.skip=true} ({@code -Dbench.sessions=N}, default 1,000); figures are the BENCH lines.
 */
@Tag("benchmark")
class WriterBenchmarkTest extends AbstractConcurrentDataBrokerTest {
    private static final Logger LOG = LoggerFactory.getLogger(WriterBenchmarkTest.class);
    private static final int COUNT = Integer.getInteger("bench.sessions", 1000);
    /** Which writer runs first, on a cold codec and JIT: "before" or "now". */
    private static final boolean BEFORE_FIRST = !"now".equals(System.getProperty("bench.first", "before"));

    WriterBenchmarkTest() {
        super(true);
    }

    @Test
    void burst() throws Exception {
        final List<String> lines = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            lines.add(run(round, BEFORE_FIRST));
            lines.add(run(round, !BEFORE_FIRST));
        }
        lines.forEach(line -> LOG.info("BENCH {}", line));
    }

    private String run(final int round, final boolean before) throws Exception {
        setup();
        final long start = System.nanoTime();
        final var writer = new OperationalWriter(getDataBroker(), System::nanoTime, !before, before);
        try {
            assertTrue(writer.drain(60_000));
            final long warm = System.nanoTime() - start;
            final var keys = new ArrayList<SingleHopKey>();
            for (int i = 0; i < COUNT; i++) {
                keys.add(new SingleHopKey("eth0", address(i)));
            }
            final var sb = new StringBuilder("oper writer ").append(COUNT).append(" sessions, ")
                .append(before ? "before (whole entries, no warm-up)" : "now (changes only, codec warmed)")
                .append(", round ").append(round).append(": start ").append(warm / 1_000_000).append(" ms");
            long total = 0;
            total += phase(sb, "created", writer, i -> Views.of(keys.get(i)).build());
            total += phase(sb, "first packet", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3)
                .state(State.INIT, State.DOWN).counters(1, 1).build());
            total += phase(sb, "Up", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3).state(State.UP, State.UP)
                .upAt(1_000).counters(2, 2).build());
            total += phase(sb, "Poll/Final", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3)
                .state(State.UP, State.UP).upAt(1_000).counters(2, 2).intervals(300_000, 900_000).build());
            total += phase(sb, "counters", writer, i -> Views.of(keys.get(i)).peer(i + 1, 3)
                .state(State.UP, State.UP).upAt(1_000).counters(20, 20).intervals(300_000, 900_000).build());
            final long[] counts = writer.writeCounts();
            return sb.append("; burst total ").append(total / 1_000_000).append(" ms; entries written whole ")
                .append(counts[0]).append(", in part ").append(counts[1]).toString();
        } finally {
            writer.close();
        }
    }

    private static long phase(final StringBuilder sb, final String name, final OperationalWriter writer,
            final IntFunction<SessionView> view) {
        final long start = System.nanoTime();
        for (int i = 0; i < COUNT; i++) {
            writer.put(view.apply(i));
        }
        assertTrue(writer.drain(120_000));
        final long nanos = System.nanoTime() - start;
        sb.append(", ").append(name).append(' ').append(nanos / 1_000_000).append(" ms (")
            .append(nanos / 1_000 / COUNT).append(" µs/session)");
        return nanos;
    }

    private static InetAddress address(final int index) {
        return InetAddresses.forString("2001:db8:100::" + Integer.toHexString(2 * index + 2));
    }
}
