/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.fsm;

/**
 * Side effects a transition asks the session to carry out; the state machine itself stays pure.
 */
public enum Action {
    /** RFC 5880 §6.8.6: a packet received in AdminDown is discarded. */
    DISCARD,
    /** RFC 5880 §6.8.1: bfd.RemoteDiscr is reset to zero when the Detection Time expires. */
    RESET_REMOTE_DISCR,
    /** The session reached Up: echo may start, the slow-transmission floor is lifted (§6.8.3). */
    START_UP,
    /** The session left Up: echo stops, transmission falls back to at least one second (§6.8.3). */
    LEAVE_UP,
    /** RFC 5880 §6.8.16: tell the peer AdminDown now and stop after that. */
    SEND_ADMIN_DOWN,
    /** RFC 5880 §6.8.7: a state change should be announced to the peer without waiting. */
    SEND_NOW
}
