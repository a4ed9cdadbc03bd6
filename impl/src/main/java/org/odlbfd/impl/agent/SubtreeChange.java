/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import java.util.Collection;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.data.tree.spi.DataTreeCandidateNodes;

/**
 * A watched subtree's state before and after a commit, as a data tree candidate node for the commit
 * cohorts of the {@link ValidatingDataBroker}.
 *
 * @param name the subtree's last path argument
 * @param dataBefore the committed state, null when absent
 * @param dataAfter the state the transaction leaves, null when absent
 */
record SubtreeChange(PathArgument name, @Nullable NormalizedNode dataBefore, @Nullable NormalizedNode dataAfter)
        implements DataTreeCandidateNode {

    static SubtreeChange of(final PathArgument name, final @Nullable NormalizedNode before,
            final @Nullable NormalizedNode after) {
        return new SubtreeChange(name, before, after);
    }

    @Override
    public ModificationType modificationType() {
        if (dataBefore == null) {
            return dataAfter == null ? ModificationType.UNMODIFIED : ModificationType.WRITE;
        }
        if (dataAfter == null) {
            return ModificationType.DELETE;
        }
        return dataBefore.equals(dataAfter) ? ModificationType.UNMODIFIED : ModificationType.SUBTREE_MODIFIED;
    }

    @Override
    public Collection<DataTreeCandidateNode> childNodes() {
        if (dataBefore instanceof DistinctNodeContainer<?, ?> before
                && dataAfter instanceof DistinctNodeContainer<?, ?> after) {
            return DataTreeCandidateNodes.containerDelta(before, after);
        }
        // written as a whole, every child is new; deleted (or absent) as a whole, this node says it all
        return dataAfter != null ? DataTreeCandidateNodes.written(dataAfter).childNodes() : List.of();
    }

    @Override
    public @Nullable DataTreeCandidateNode modifiedChild(final PathArgument childName) {
        return childNodes().stream().filter(child -> child.name().equals(childName)).findFirst().orElse(null);
    }
}
