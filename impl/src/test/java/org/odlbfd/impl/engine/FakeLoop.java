/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.util.PriorityQueue;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.Scheduler;

/**
 * A virtual-time event loop: a clock and a scheduler over one task queue. Time moves only in
 * {@link #runFor(long)}; every task runs exactly at its due time.
 */
final class FakeLoop implements Clock, Scheduler {
    private record Task(long due, long seq, Runnable task, boolean[] cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(final Task other) {
            final int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }

    private static final long START = 1_000_000_000L;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now = START;
    private long seq;
    /** How late every task runs after its due time: a loop with tick lag (0: on time). */
    long lateNanos;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long currentTimeMillis() {
        return now / 1_000_000;
    }

    @Override
    public void execute(final Runnable task) {
        schedule(task, 0);
    }

    @Override
    public Cancellable schedule(final Runnable task, final long delayNanos) {
        final boolean[] cancelled = new boolean[1];
        queue.add(new Task(now + Math.max(0, delayNanos), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    /**
     * Runs everything due within the next {@code nanos}, then sets the clock to the end.
     *
     * @param nanos how long
     */
    void runFor(final long nanos) {
        final long end = now + nanos;
        int guard = 0;
        while (!queue.isEmpty() && queue.peek().due() + lateNanos <= end) {
            final Task task = queue.poll();
            now = Math.max(now, task.due() + lateNanos);
            if (!task.cancelled()[0]) {
                task.task().run();
            }
            if (++guard > 10_000_000) {
                throw new IllegalStateException("runaway loop");
            }
        }
        now = Math.max(now, end);
    }

    void runMillis(final long millis) {
        runFor(millis * 1_000_000);
    }

    long elapsedNanos() {
        return now - START;
    }
}
