/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;

/**
 * The writer's lag record (ops, issue 13) on top of the incremental writer (issue 12): a commit that
 * carries a transition counts, a commit of paced counter refreshes only does not; the lag is read on
 * the writer's own clock, the one a test can drive.
 */
class WriterLagRecordTest extends AbstractConcurrentDataBrokerTest {
    private static final SingleHopKey KEY = new SingleHopKey("eth0", InetAddresses.forString("192.0.2.2"));
    private OperationalWriter writer;

    WriterLagRecordTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        writer = new OperationalWriter(getDataBroker());
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    private long commits() {
        return writer.lag().snapshot().counts().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The commits recorded once the count reaches {@code atLeast} (bounded wait: the commit's callback
     * records it on the datastore's thread, possibly just after drain returns).
     */
    private long commitsOnceAtLeast(final long atLeast) throws InterruptedException {
        for (int i = 0; i < 250 && commits() < atLeast; i++) {
            Thread.sleep(20);
        }
        return commits();
    }

    @Test
    void transitionsCountAndCounterRefreshesDoNot() throws InterruptedException {
        writer.put(Views.of(KEY).build());
        assertTrue(writer.drain(5_000));
        final long afterCreate = commitsOnceAtLeast(1);
        assertTrue(afterCreate >= 1, "the first write of a session is recorded");

        writer.put(Views.of(KEY).peer(0x77, 3).state(State.UP, State.UP).upAt(1_000).counters(2, 2).build());
        assertTrue(writer.drain(5_000));
        final long afterUp = commitsOnceAtLeast(afterCreate + 1);
        assertEquals(afterCreate + 1, afterUp, "the transition's commit is recorded");
        final double sum = writer.lag().snapshot().sumSeconds();
        assertTrue(sum > 0 && sum < 5, "lag is the time the updates waited: " + sum);

        final long partBefore = writer.writeCounts()[1];
        writer.refresh(Views.of(KEY).peer(0x77, 3).state(State.UP, State.UP).upAt(1_000).counters(40, 41).build());
        assertTrue(writer.drain(5_000));
        assertEquals(partBefore + 1, writer.writeCounts()[1], "the counter refresh was written, in part");
        // then a transition: of the two commits since, only the transition's is recorded
        writer.put(Views.of(KEY).state(State.DOWN, State.DOWN).downs(1).counters(40, 41).build());
        assertTrue(writer.drain(5_000));
        final long afterDown = commitsOnceAtLeast(afterUp + 1);
        Thread.sleep(200);
        assertEquals(afterUp + 1, afterDown, "the transition's commit is recorded");
        assertEquals(afterDown, commits(), "the counter-only commit is left out of the lag");
    }

    @Test
    void lagIsMeasuredOnTheWritersClock() throws InterruptedException {
        writer.close();
        // each read of this clock is 10 s later: a lag read on it is a whole number of those steps, never
        // the few milliseconds the commit really takes (which System.nanoTime would give)
        final long step = TimeUnit.SECONDS.toNanos(10);
        final var clock = new AtomicLong();
        writer = new OperationalWriter(getDataBroker(), () -> clock.addAndGet(step));
        writer.put(Views.of(KEY).build());
        assertTrue(writer.drain(5_000));
        assertTrue(commitsOnceAtLeast(1) >= 1, "the first write of a session is recorded");
        final double last = writer.lag().snapshot().lastSeconds();
        assertTrue(last >= 10 && last % 10 == 0, "lag in steps of the writer's clock: " + last);
    }
}
