/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

/**
 * Huawei's WTR (wait-to-restore), Juniper's {@code holddown-interval}: after a failure, a session
 * that comes Up again is reported Up to its users only once it has stayed Up for the wait; a failure
 * during the wait starts it again at the next Up. The first Up is not held unless asked, and an
 * administrative Down (RFC 5882 §3.2: not a failure of the path) does not make the next Up wait.
 *
 * <p>Plain state with no clock and no timer, so that any thread model can use it: the caller passes
 * the time in and arms its own timer for {@link #endsAtNanos()} when {@link #up(long)} says the Up
 * is held, then calls {@link #expire(long)}. The engine's policies run it on the session's event loop
 * (engine {@code SessionPolicies}); the static-route tracker can run one per (session, instance) on
 * its own thread for its hold-down. Not thread-safe: confine it to one thread.
 */
public final class WaitToRestore {
    private long waitNanos;
    private final boolean holdFirstUp;
    private boolean everUp;
    /** The last Down was a failure: the next Up is a restore, which waits. */
    private boolean failed;
    private boolean holding;
    private long endsAt;

    /**
     * Creates the state.
     *
     * @param waitNanos how long an Up must last before it counts; 0 for no wait
     * @param holdFirstUp whether the very first Up waits too
     */
    public WaitToRestore(final long waitNanos, final boolean holdFirstUp) {
        if (waitNanos < 0) {
            throw new IllegalArgumentException("wait must not be negative: " + waitNanos);
        }
        this.waitNanos = waitNanos;
        this.holdFirstUp = holdFirstUp;
    }

    /**
     * Changes the wait. A running wait keeps its end if the new wait is longer than 0; 0 ends it.
     *
     * @param newWaitNanos the wait
     * @return true when this ended a running wait (the users should now see Up)
     */
    public boolean setWait(final long newWaitNanos) {
        if (newWaitNanos < 0) {
            throw new IllegalArgumentException("wait must not be negative: " + newWaitNanos);
        }
        waitNanos = newWaitNanos;
        return newWaitNanos == 0 && clear();
    }

    /**
     * The session went down.
     *
     * @param failure true for a failure of the path; false for an administrative Down (the peer's
     *     AdminDown or ours), after which the next Up does not wait
     */
    public void down(final boolean failure) {
        holding = false;
        failed = failure;
    }

    /**
     * The session came Up.
     *
     * @param nowNanos the time
     * @return true when its users may see it Up now; false when it waits until {@link #endsAtNanos()}
     */
    public boolean up(final long nowNanos) {
        final boolean wait = waitNanos > 0 && (everUp ? failed : holdFirstUp);
        everUp = true;
        failed = false;
        holding = wait;
        endsAt = wait ? nowNanos + waitNanos : nowNanos;
        return !wait;
    }

    /**
     * The timer armed for {@link #endsAtNanos()} fired.
     *
     * @param nowNanos the time
     * @return true when the wait is over now (the users should see Up); false when it was over
     *     already, was cancelled by a Down, or is not over yet (a timer that fired early)
     */
    public boolean expire(final long nowNanos) {
        if (holding && nowNanos - endsAt >= 0) {
            holding = false;
            return true;
        }
        return false;
    }

    /**
     * Ends a running wait at once (an operator's clear).
     *
     * @return true when one was running
     */
    public boolean clear() {
        final boolean was = holding;
        holding = false;
        return was;
    }

    /**
     * Whether an Up is being held.
     *
     * @return true during the wait
     */
    public boolean holding() {
        return holding;
    }

    /**
     * When the running wait ends.
     *
     * @return nanoseconds on the caller's clock; meaningful while {@link #holding()}
     */
    public long endsAtNanos() {
        return endsAt;
    }
}
