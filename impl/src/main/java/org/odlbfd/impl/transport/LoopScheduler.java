/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static java.util.Objects.requireNonNull;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.odlbfd.impl.session.Scheduler;

/**
 * A {@link Scheduler} over one Netty event loop. Timers use the loop's own schedule(), whose
 * lateness here is tens of microseconds, never a HashedWheelTimer with its 100 ms tick
 * (PERF-NOTES: "HashedWheelTimer ... unusable for BFD").
 */
public final class LoopScheduler implements Scheduler {
    private final EventLoop loop;

    /**
     * Wraps a loop.
     *
     * @param loop the event loop
     */
    public LoopScheduler(final EventLoop loop) {
        this.loop = requireNonNull(loop);
    }

    /**
     * The loop.
     *
     * @return event loop
     */
    public EventLoop loop() {
        return loop;
    }

    @Override
    public void execute(final Runnable task) {
        loop.execute(task);
    }

    @Override
    public Cancellable schedule(final Runnable task, final long delayNanos) {
        final ScheduledFuture<?> future = loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public boolean inLoop() {
        return loop.inEventLoop();
    }
}
