/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.fsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * Every (state x event) pair of the RFC 5880 §6.8.6 state machine, written out by hand from the
 * RFC text. "-" means "diag unchanged" and "no actions".
 */
class FsmTest {
    @ParameterizedTest(name = "{0} + {1} -> {2} diag {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
        ADMIN_DOWN | RX_ADMIN_DOWN     | ADMIN_DOWN | -              | DISCARD
        ADMIN_DOWN | RX_DOWN           | ADMIN_DOWN | -              | DISCARD
        ADMIN_DOWN | RX_INIT           | ADMIN_DOWN | -              | DISCARD
        ADMIN_DOWN | RX_UP             | ADMIN_DOWN | -              | DISCARD
        ADMIN_DOWN | DETECTION_TIMEOUT | ADMIN_DOWN | -              | RESET_REMOTE_DISCR
        ADMIN_DOWN | ECHO_FAILURE      | ADMIN_DOWN | -              | -
        ADMIN_DOWN | ADMIN_DOWN        | ADMIN_DOWN | -              | -
        ADMIN_DOWN | ADMIN_UP          | DOWN       | NONE           | SEND_NOW
        ADMIN_DOWN | HOLD_DOWN         | ADMIN_DOWN | -              | -
        DOWN       | RX_ADMIN_DOWN     | DOWN       | -              | -
        DOWN       | RX_DOWN           | INIT       | -              | SEND_NOW
        DOWN       | RX_INIT           | UP         | NONE           | START_UP SEND_NOW
        DOWN       | RX_UP             | DOWN       | -              | -
        DOWN       | DETECTION_TIMEOUT | DOWN       | -              | RESET_REMOTE_DISCR
        DOWN       | ECHO_FAILURE      | DOWN       | -              | -
        DOWN       | ADMIN_DOWN        | ADMIN_DOWN | ADMIN_DOWN     | LEAVE_UP SEND_ADMIN_DOWN
        DOWN       | ADMIN_UP          | DOWN       | -              | -
        DOWN       | HOLD_DOWN         | DOWN       | -              | -
        INIT       | RX_ADMIN_DOWN     | DOWN       | NEIGHBOR_DOWN  | SEND_NOW
        INIT       | RX_DOWN           | INIT       | -              | -
        INIT       | RX_INIT           | UP         | NONE           | START_UP SEND_NOW
        INIT       | RX_UP             | UP         | NONE           | START_UP SEND_NOW
        INIT       | DETECTION_TIMEOUT | DOWN       | CONTROL_EXPIRY | RESET_REMOTE_DISCR SEND_NOW
        INIT       | ECHO_FAILURE      | INIT       | -              | -
        INIT       | ADMIN_DOWN        | ADMIN_DOWN | ADMIN_DOWN     | LEAVE_UP SEND_ADMIN_DOWN
        INIT       | ADMIN_UP          | INIT       | -              | -
        INIT       | HOLD_DOWN         | DOWN       | ADMIN_DOWN     | SEND_NOW
        UP         | RX_ADMIN_DOWN     | DOWN       | NEIGHBOR_DOWN  | LEAVE_UP SEND_NOW
        UP         | RX_DOWN           | DOWN       | NEIGHBOR_DOWN  | LEAVE_UP SEND_NOW
        UP         | RX_INIT           | UP         | -              | -
        UP         | RX_UP             | UP         | -              | -
        UP         | DETECTION_TIMEOUT | DOWN       | CONTROL_EXPIRY | RESET_REMOTE_DISCR LEAVE_UP SEND_NOW
        UP         | ECHO_FAILURE      | DOWN       | ECHO_FAILED    | LEAVE_UP SEND_NOW
        UP         | ADMIN_DOWN        | ADMIN_DOWN | ADMIN_DOWN     | LEAVE_UP SEND_ADMIN_DOWN
        UP         | ADMIN_UP          | UP         | -              | -
        UP         | HOLD_DOWN         | DOWN       | ADMIN_DOWN     | LEAVE_UP SEND_NOW
        """)
    void everyStateAndEvent(final State state, final BfdEvent event, final State expectedState,
            final String expectedDiag, final String expectedActions) {
        final Transition transition = Fsm.next(state, event);
        assertEquals(state, transition.from());
        assertEquals(expectedState, transition.to());
        assertEquals("-".equals(expectedDiag) ? null : Diagnostic.valueOf(expectedDiag), transition.diag());
        final Set<Action> actions = "-".equals(expectedActions) ? EnumSet.noneOf(Action.class)
            : Arrays.stream(expectedActions.split(" ")).map(Action::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        assertEquals(actions, transition.actions());
        assertEquals(state != expectedState, transition.changed());
    }

    @Test
    void tableHasEveryPair() {
        // The table above has exactly one row per pair: 4 states x 9 events.
        assertEquals(36, State.values().length * BfdEvent.values().length);
        for (State state : State.values()) {
            for (BfdEvent event : BfdEvent.values()) {
                // every pair yields a transition that starts where it was asked to
                assertEquals(state, Fsm.next(state, event).from());
            }
        }
    }

    @Test
    void threeWayHandshake() {
        // RFC 5880 §6.2: A sends Down, B goes Init; B sends Init, A goes Up; A sends Up, B goes Up.
        State sideA = State.DOWN;
        State sideB = State.DOWN;
        sideB = Fsm.next(sideB, BfdEvent.RX_DOWN).to();
        assertEquals(State.INIT, sideB);
        sideA = Fsm.next(sideA, BfdEvent.RX_INIT).to();
        assertEquals(State.UP, sideA);
        sideB = Fsm.next(sideB, BfdEvent.RX_UP).to();
        assertEquals(State.UP, sideB);
    }
}
