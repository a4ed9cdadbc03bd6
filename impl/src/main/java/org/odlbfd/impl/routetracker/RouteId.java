/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

/**
 * A configured route: its static instance and prefix.
 *
 * @param instance the control-plane-protocol name
 * @param prefix the destination-prefix
 */
record RouteId(String instance, Prefix prefix) {
    RouteId {
        requireNonNull(instance);
        requireNonNull(prefix);
    }
}
