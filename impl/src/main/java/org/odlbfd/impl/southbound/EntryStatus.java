/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;

/**
 * Where the controller stands with a device about one entry (odl-bfd-ext {@code placement-state}).
 *
 * @param status pending, applied, failed or unreachable
 * @param error why, when not applied; the device's rpc-error text on a refusal
 * @param lastSynced when the device was last seen holding it as wanted, or null
 */
record EntryStatus(PlacementStatus status, @Nullable String error, @Nullable Instant lastSynced) {
    EntryStatus {
        requireNonNull(status);
    }

    static EntryStatus pending(final String why, final @Nullable Instant lastSynced) {
        return new EntryStatus(PlacementStatus.Pending, why, lastSynced);
    }

    static EntryStatus applied(final Instant at) {
        return new EntryStatus(PlacementStatus.Applied, null, at);
    }

    static EntryStatus failed(final String why, final @Nullable Instant lastSynced) {
        return new EntryStatus(PlacementStatus.Failed, why, lastSynced);
    }

    static EntryStatus unreachable(final String why, final @Nullable Instant lastSynced) {
        return new EntryStatus(PlacementStatus.Unreachable, why, lastSynced);
    }

    boolean isApplied() {
        return status == PlacementStatus.Applied;
    }
}
