/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.policy.SessionPolicies.Cleared;
import org.odlbfd.impl.session.SessionConfig;

/**
 * The engine's stability policies (odl-bfd-ext damping, adaptation, thresholds, wait-to-restore;
 * package {@code policy}) for other threads: configuring a session with its policies, the clear
 * RPCs, a session's policy state. Like {@link BfdEngine#submit}, every operation runs on the
 * session's loop. A view of one engine, as cheap as a reference; make one where needed.
 */
public final class EnginePolicies {
    private final BfdEngine engine;

    /**
     * The policies of an engine.
     *
     * @param engine the engine
     */
    public EnginePolicies(final BfdEngine engine) {
        this.engine = requireNonNull(engine);
    }

    /**
     * Adds or reconfigures a session with its stability policies: the policies first, so that the
     * configuration is applied with them (the adapted timers, for one).
     *
     * @param config configuration
     * @param policy the session's policies
     * @return completes when applied
     */
    public CompletableFuture<Void> configure(final SessionConfig config, final PolicyConfig policy) {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final EngineInput.Configure input = new EngineInput.Configure(config, done);
        final Shard shard = requireNonNull(engine.route(input));
        run(shard, () -> {
            shard.policies.configure(config.key(), policy);
            shard.handle(input);
            if (done.isCompletedExceptionally()) {
                shard.policies.abandoned(config.key());
            }
        });
        return done;
    }

    /**
     * Ends the damping of a session, or of all (odl-bfd-ext {@code clear-damping}).
     *
     * @param key the session, or null for all
     * @return completes with what was found
     */
    public CompletableFuture<Cleared> clearDamping(final @Nullable SessionKey key) {
        return onPolicies(key, shard -> shard.policies.clearDamping(key));
    }

    /**
     * Returns a session, or all, to the configured intervals (odl-bfd-ext {@code clear-adaptation}).
     *
     * @param key the session, or null for all
     * @return completes with what was found
     */
    public CompletableFuture<Cleared> clearAdaptation(final @Nullable SessionKey key) {
        return onPolicies(key, shard -> shard.policies.clearAdaptation(key));
    }

    /**
     * A session's stability policy state, brought up to now.
     *
     * @param key the session
     * @return completes with the state, or null when no such session runs
     */
    public CompletableFuture<@Nullable PolicySnapshot> snapshot(final SessionKey key) {
        final Shard shard = engine.keyShards.get(key);
        if (shard == null) {
            return CompletableFuture.completedFuture(null);
        }
        final CompletableFuture<@Nullable PolicySnapshot> result = new CompletableFuture<>();
        run(shard, () -> result.complete(shard.policies.snapshot(key)));
        return result;
    }

    private CompletableFuture<Cleared> onPolicies(final @Nullable SessionKey key,
            final Function<Shard, Cleared> work) {
        if (key == null) {
            return engine.onEveryShard(work).thenApply(parts -> parts.stream().reduce(Cleared.NONE, Cleared::plus));
        }
        final Shard shard = engine.keyShards.get(key);
        if (shard == null) {
            return CompletableFuture.completedFuture(Cleared.NONE);
        }
        final CompletableFuture<Cleared> result = new CompletableFuture<>();
        run(shard, () -> result.complete(work.apply(shard)));
        return result;
    }

    private static void run(final Shard shard, final Runnable task) {
        if (shard.scheduler.inLoop()) {
            task.run();
        } else {
            shard.scheduler.execute(task);
        }
    }
}
