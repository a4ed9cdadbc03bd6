/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

/**
 * Whether a next hop may be used now, and if not, why.
 */
enum Usability {
    /** Untracked, or its session is Up (and past any hold-down). */
    USABLE,
    /** Its session is not Up (or has not come Up yet). */
    SESSION_DOWN,
    /** Its session is Up again, but the instance's hold-down has not passed. */
    HELD_DOWN,
    /** It leaves through an interface whose process-interface-status session is not Up. */
    INTERFACE_DOWN,
    /** It names a session (session-name) that is not configured. */
    NO_SESSION;

    boolean usable() {
        return this == USABLE;
    }
}
