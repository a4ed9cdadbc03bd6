/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementParms;
import org.opendaylight.yangtools.binding.Augmentable;

/**
 * Reads odl-bfd-ext {@code placement/node} of an ip-sh session or an ip-mh session group. A session
 * with a node runs on that NETCONF device (package {@code southbound}); the embedded agent leaves
 * it alone, and the rules that only concern the embedded agent's platform do not apply to it.
 *
 * <p>The augmentation is found by its grouping, not by its generated class name: yangtools numbers
 * augmentation classes of one target in file order, so the name moves when odl-bfd-ext grows.
 */
public final class Placements {
    private Placements() {
        // static only
    }

    /**
     * The device a session or session group is placed on.
     *
     * @param entry an ip-sh {@code session} or ip-mh {@code session-group}
     * @return the topology-netconf node-id, or null when the embedded agent runs it
     */
    public static @Nullable String node(final Augmentable<?> entry) {
        for (var augmentation : entry.augmentations().values()) {
            if (augmentation instanceof PlacementParms parms && parms.getPlacement() != null) {
                final var node = parms.getPlacement().getNode();
                if (node != null && !node.isEmpty()) {
                    return node;
                }
            }
        }
        return null;
    }

    /**
     * Whether a device runs the session instead of the embedded agent.
     *
     * @param entry an ip-sh {@code session} or ip-mh {@code session-group}
     * @return true when placed on a device
     */
    public static boolean isPlaced(final Augmentable<?> entry) {
        return node(entry) != null;
    }
}
