/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.api;

/**
 * Hears a session's transitions. Called on the engine's thread for that session: return quickly
 * and never block.
 */
@FunctionalInterface
public interface SessionListener {
    /**
     * A session changed state.
     *
     * @param key the session
     * @param status the new state, with the previous state and diagnostics
     */
    void onStatusChange(SessionKey key, SessionStatus status);
}
