/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.fsm;

/**
 * The inputs of the RFC 5880 §6.8.6 state machine. A received packet is reduced to the State
 * field it carries; timers and operator actions are events of their own.
 */
public enum BfdEvent {
    /** A valid packet with State AdminDown arrived. */
    RX_ADMIN_DOWN,
    /** A valid packet with State Down arrived. */
    RX_DOWN,
    /** A valid packet with State Init arrived. */
    RX_INIT,
    /** A valid packet with State Up arrived. */
    RX_UP,
    /** The Detection Time passed without a valid packet (RFC 5880 §6.8.4). */
    DETECTION_TIMEOUT,
    /** The echo function detected a failure (RFC 5880 §6.4, §6.8.5). */
    ECHO_FAILURE,
    /** The operator disabled the session (RFC 5880 §6.8.16). */
    ADMIN_DOWN,
    /** The operator enabled the session again (RFC 5880 §6.8.16). */
    ADMIN_UP,
    /**
     * The operator holds the session Down (RFC 5880 §6.2: "A system MAY hold a session in Down state
     * indefinitely"; §6.8.18): here, a Required Min RX Interval of zero.
     */
    HOLD_DOWN
}
