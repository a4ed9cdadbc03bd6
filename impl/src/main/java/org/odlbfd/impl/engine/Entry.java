/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.impl.session.Session;

/**
 * One session of a {@link Shard}, with its clients and what they last heard. Confined to the
 * shard's thread. (A class of its own so that {@code Shard} stays under the size limit.)
 */
final class Entry {
    final Session session;
    final List<ClientRegistration> clients = new ArrayList<>(1);
    /** Unconfigure requests that complete once the session is gone (after its AdminDown). */
    final List<CompletableFuture<Void>> whenGone = new ArrayList<>(0);
    boolean configured;
    boolean deleting;
    /** What the clients last heard (the wire's status unless a stability policy holds it). */
    SessionStatus status;

    Entry(final Session session, final SessionStatus status) {
        this.session = session;
        this.status = status;
    }
}
