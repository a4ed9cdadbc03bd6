/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.BfdSessionService.Registration;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;

/**
 * The tracker's view of one session it holds a registration on: the last status heard and the
 * history the next-hop rules need (was it ever Up, when did it last come Up, was its last Down an
 * administrative one). Confined to the tracker's thread.
 */
final class TrackedSession {
    final SessionKey key;
    @Nullable Registration registration;
    SessionParams params;
    /** Null until the engine's first callback (the status at registration). */
    @Nullable SessionStatus status;
    /** The session was Up at least once since this registration. */
    boolean everUp;
    /** When the session last came Up ({@link System#nanoTime()}). */
    long upSinceNanos;
    /** The last Down was administrative: the peer's AdminDown or ours (RFC 5882 §3.2). */
    boolean lastDownAdmin;
    /** It came Up after a Down that followed an Up: a restore, which hold-down applies to. */
    boolean restored;

    TrackedSession(final SessionKey key, final SessionParams params) {
        this.key = requireNonNull(key);
        this.params = requireNonNull(params);
    }

    /**
     * Takes a new status.
     *
     * @param next the status
     * @param nowNanos the time it was heard
     */
    void update(final SessionStatus next, final long nowNanos) {
        final State before = status == null ? State.DOWN : status.state();
        status = next;
        if (next.state() == State.UP && before != State.UP) {
            restored = everUp;
            everUp = true;
            upSinceNanos = nowNanos;
        } else if (before == State.UP && next.state() != State.UP) {
            lastDownAdmin = next.state() == State.ADMIN_DOWN || next.peerAdminDown();
        }
    }

    State state() {
        return status == null ? State.DOWN : status.state();
    }

    /**
     * Down for administrative reasons: set admin-down here, or Down because the peer signalled
     * AdminDown (RFC 5880 §6.8.6, RFC 5882 §3.2: not a path failure).
     *
     * @return true when administratively down now
     */
    boolean adminDownNow() {
        return status != null && (status.state() == State.ADMIN_DOWN || status.peerAdminDown());
    }

    /**
     * Whether an Up session is still in its hold-down for an instance with this setting.
     *
     * @param holdDownNanos the instance's hold-down
     * @param adminDownWithdraws whether that instance withdrew on an administrative Down
     * @param nowNanos now
     * @return true while held down
     */
    boolean heldDown(final long holdDownNanos, final boolean adminDownWithdraws, final long nowNanos) {
        // a next hop kept through an administrative Down was never withdrawn: nothing to restore
        return holdDownNanos > 0 && restored && (adminDownWithdraws || !lastDownAdmin)
            && nowNanos - upSinceNanos < holdDownNanos;
    }

    long holdDownEndsNanos(final long holdDownNanos) {
        return upSinceNanos + holdDownNanos;
    }
}
