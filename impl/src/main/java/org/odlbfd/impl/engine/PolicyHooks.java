/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import org.odlbfd.api.SessionStatus;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.policy.SessionPolicies;
import org.odlbfd.impl.session.Session;

/**
 * What a shard's stability policies tell it: a client status outside a transition goes to the
 * session's clients, policy state and events go to the engine's observer. Runs on the shard's thread.
 */
final class PolicyHooks implements SessionPolicies.Listener {
    private final Shard shard;
    private final BfdEngine engine;

    PolicyHooks(final Shard shard, final BfdEngine engine) {
        this.shard = shard;
        this.engine = engine;
    }

    @Override
    public void clientStatus(final Session session, final SessionStatus status) {
        shard.clientStatus(session, status);
    }

    @Override
    public void policyChanged(final Session session, final PolicySnapshot policy) {
        engine.observer().policyChanged(shard.snapshot(session), policy);
    }

    @Override
    public void policyEvent(final Session session, final PolicyEvent event) {
        engine.observer().policyEvent(shard.snapshot(session), event);
    }
}
