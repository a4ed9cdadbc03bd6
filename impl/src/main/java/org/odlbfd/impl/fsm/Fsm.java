/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.fsm;

import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * The BFD session state machine of RFC 5880 §6.2 and §6.8.6 as a pure function. Packet
 * validation (§6.8.6 checks before the state rules) happens elsewhere; this class sees only
 * what a valid packet, a timer or the operator says.
 *
 * <pre>
 *                             +--+
 *                             |  | UP, ADMIN DOWN, TIMER
 *                             |  V
 *                     DOWN  +------+  INIT
 *              +------------|      |------------+
 *              |            | DOWN |            |
 *              |  +--------&gt;|      |&lt;--------+  |
 *              |  |         +------+         |  |
 *              |  |                          |  |
 *              |  |               ADMIN DOWN,|  |
 *              |  |ADMIN DOWN,          DOWN,|  |
 *              |  |TIMER                TIMER|  |
 *              V  |                          |  V
 *            +------+                      +------+
 *       +----|      |                      |      |----+
 *   DOWN|    | INIT |---------------------&gt;|  UP  |    |INIT, UP
 *       +---&gt;|      | INIT, UP             |      |&lt;---+
 *            +------+                      +------+
 * </pre>
 */
public final class Fsm {
    private Fsm() {
        // pure function holder
    }

    /**
     * Applies one event.
     *
     * @param state bfd.SessionState now
     * @param event what happened
     * @return the transition; never null, possibly a no-op
     */
    public static Transition next(final State state, final BfdEvent event) {
        return switch (event) {
            case ADMIN_DOWN -> adminDown(state);
            case ADMIN_UP -> adminUp(state);
            case DETECTION_TIMEOUT -> timeout(state);
            case ECHO_FAILURE -> echoFailure(state);
            case HOLD_DOWN -> holdDown(state);
            case RX_ADMIN_DOWN, RX_DOWN, RX_INIT, RX_UP -> received(state, event);
        };
    }

    private static Transition received(final State state, final BfdEvent event) {
        // RFC 5880 §6.8.6: "If bfd.SessionState is AdminDown: Discard the packet".
        if (state == State.ADMIN_DOWN) {
            return of(state, state, null, Action.DISCARD);
        }
        if (event == BfdEvent.RX_ADMIN_DOWN) {
            // RFC 5880 §6.8.6: "If received state is AdminDown, if bfd.SessionState is not Down,
            // set bfd.LocalDiag to 3 (Neighbor signaled session down), set bfd.SessionState to Down".
            return state == State.DOWN ? stay(state)
                : leave(state, State.DOWN, Diagnostic.NEIGHBOR_DOWN);
        }
        return switch (state) {
            // RFC 5880 §6.8.6, three-way handshake: Down + Down -> Init, Down + Init -> Up.
            case DOWN -> switch (event) {
                case RX_DOWN -> of(state, State.INIT, null, Action.SEND_NOW);
                case RX_INIT -> up(state);
                default -> stay(state);
            };
            // RFC 5880 §6.8.6: Init + (Init or Up) -> Up; Init + Down stays Init.
            case INIT -> event == BfdEvent.RX_INIT || event == BfdEvent.RX_UP ? up(state) : stay(state);
            // RFC 5880 §6.8.6: Up + Down -> Down with diag 3 (Neighbor signaled session down).
            case UP -> event == BfdEvent.RX_DOWN ? leave(state, State.DOWN, Diagnostic.NEIGHBOR_DOWN) : stay(state);
            case ADMIN_DOWN -> throw new IllegalStateException("unreachable");
        };
    }

    private static Transition timeout(final State state) {
        return switch (state) {
            // RFC 5880 §6.8.4: when the Detection Time passes in Init or Up, the session goes Down
            // with diag 1 (Control Detection Time Expired); §6.8.1 resets bfd.RemoteDiscr.
            case INIT -> of(state, State.DOWN, Diagnostic.CONTROL_EXPIRY, Action.RESET_REMOTE_DISCR,
                Action.SEND_NOW);
            case UP -> of(state, State.DOWN, Diagnostic.CONTROL_EXPIRY, Action.RESET_REMOTE_DISCR,
                Action.LEAVE_UP, Action.SEND_NOW);
            // RFC 5880 §6.8.1: bfd.RemoteDiscr is zeroed on expiry in Down and AdminDown as well
            // ("If a period of a Detection Time passes without the receipt of a valid, authenticated
            // BFD packet from the remote system, this variable MUST be set to zero").
            case DOWN, ADMIN_DOWN -> of(state, state, null, Action.RESET_REMOTE_DISCR);
        };
    }

    private static Transition holdDown(final State state) {
        // The session leaves Init or Up for Down, told to the peer; the diagnostic says an operator
        // decided it (7, Administratively Down), not the path.
        return switch (state) {
            case UP -> leave(state, State.DOWN, Diagnostic.ADMIN_DOWN);
            case INIT -> of(state, State.DOWN, Diagnostic.ADMIN_DOWN, Action.SEND_NOW);
            case DOWN, ADMIN_DOWN -> stay(state);
        };
    }

    private static Transition echoFailure(final State state) {
        // RFC 5880 §6.8.5 and §6.4: echo failure takes an Up session Down with diag 2 (Echo
        // Function Failed). Echo runs only while Up, so other states ignore a stale failure.
        return state == State.UP ? leave(state, State.DOWN, Diagnostic.ECHO_FAILED) : stay(state);
    }

    private static Transition adminDown(final State state) {
        // RFC 5880 §6.8.16: AdminDown with diag 7 (Administratively Down); the peer is told.
        return state == State.ADMIN_DOWN ? stay(state)
            : of(state, State.ADMIN_DOWN, Diagnostic.ADMIN_DOWN, Action.LEAVE_UP, Action.SEND_ADMIN_DOWN);
    }

    private static Transition adminUp(final State state) {
        // RFC 5880 §6.8.16: leaving AdminDown the session is Down; the diagnostic is cleared.
        return state == State.ADMIN_DOWN ? of(state, State.DOWN, Diagnostic.NONE, Action.SEND_NOW) : stay(state);
    }

    private static Transition up(final State from) {
        // bfd.LocalDiag records why the session last changed; reaching Up needs no diagnostic.
        return of(from, State.UP, Diagnostic.NONE, Action.START_UP, Action.SEND_NOW);
    }

    private static Transition leave(final State from, final State to, final Diagnostic diag) {
        return from == State.UP ? of(from, to, diag, Action.LEAVE_UP, Action.SEND_NOW)
            : of(from, to, diag, Action.SEND_NOW);
    }

    private static Transition stay(final State state) {
        return new Transition(state, state, null, Set.of());
    }

    private static Transition of(final State from, final State to, final @Nullable Diagnostic diag,
            final Action... actions) {
        final Set<Action> set = EnumSet.noneOf(Action.class);
        for (Action action : actions) {
            set.add(action);
        }
        return new Transition(from, to, diag, set);
    }
}
