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
import org.odlbfd.api.State;

/**
 * One next hop of a route as computed: usable or not, in use or not.
 *
 * @param config the configured next hop
 * @param usability whether it may be used
 * @param sessionState the tracking session's state, or null when untracked
 * @param active whether it is in use (usable and of the best preference among the usable ones)
 */
record NextHopState(NextHopConfig config, Usability usability, @Nullable State sessionState, boolean active) {
    NextHopState {
        requireNonNull(config);
        requireNonNull(usability);
    }
}
