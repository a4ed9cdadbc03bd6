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

/**
 * A route whose computed state changed.
 *
 * @param id the route
 * @param before its state before, null when it is new
 * @param after its state now, null when its configuration is gone
 * @param inUseChanged whether the next hops in use changed (what the kernel and the notification see)
 * @param cause what caused it, for the notification and the log
 */
record RouteChange(RouteId id, @Nullable RouteState before, @Nullable RouteState after, boolean inUseChanged,
        String cause) {
    RouteChange {
        requireNonNull(id);
        requireNonNull(cause);
    }
}
