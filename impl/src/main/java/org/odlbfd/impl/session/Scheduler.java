/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

/**
 * The single thread a session lives on: runs tasks now or after a delay. Backed by a Netty event
 * loop at run time (never a coarse HashedWheelTimer) and by a fake clock in tests.
 */
public interface Scheduler {
    /**
     * Runs a task on this scheduler's thread, soon.
     *
     * @param task the task
     */
    void execute(Runnable task);

    /**
     * Runs a task after a delay.
     *
     * @param task the task
     * @param delayNanos delay in nanoseconds, 0 or more
     * @return a handle to cancel it
     */
    Cancellable schedule(Runnable task, long delayNanos);

    /**
     * Whether the caller runs on this scheduler's thread.
     *
     * @return true on the loop thread
     */
    boolean inLoop();

    /**
     * A scheduled task that can be cancelled.
     */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task; no effect once it ran. */
        void cancel();
    }
}
