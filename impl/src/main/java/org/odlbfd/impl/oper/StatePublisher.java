/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.config.SessionConfig;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.engine.TickLag;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.yangtools.binding.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns engine events into operational state and YANG notifications. State transitions and timer
 * changes are written at once (the writer coalesces them for a few milliseconds); counters move
 * with every packet, so they are collected for all sessions together on a period instead.
 *
 * <p>Only sessions configured through the datastore appear: sessions that clients of the
 * {@code BfdSessionService} created on their own have no ietf-bfd entry.
 */
public final class StatePublisher implements EngineObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatePublisher.class);

    private final OperationalWriter writer;
    private final NotificationPublishService notifications;
    private final ScheduledExecutorService executor;
    private final ConcurrentMap<SessionKey, SessionConfig> configs = new ConcurrentHashMap<>();
    /** The latest stability policy state of each session (odl-bfd-ext session-policy-state). */
    private final ConcurrentMap<SessionKey, PolicySnapshot> policies = new ConcurrentHashMap<>();

    /**
     * Creates the publisher.
     *
     * @param writer the operational writer
     * @param notifications where notifications go
     */
    @Inject
    public StatePublisher(final OperationalWriter writer, final NotificationPublishService notifications) {
        this.writer = requireNonNull(writer);
        this.notifications = requireNonNull(notifications);
        executor = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-state-publisher").setDaemon(true).build());
    }

    /**
     * Polls all sessions on a period so their counters reach the datastore.
     *
     * @param snapshots where the snapshots come from
     * @param periodMillis how often
     */
    public void start(final Supplier<CompletableFuture<List<SessionSnapshot>>> snapshots, final long periodMillis) {
        start(snapshots, List::of, periodMillis);
    }

    /**
     * Polls all sessions and the engine's health figures on a period so that they reach the datastore.
     *
     * @param snapshots where the snapshots come from
     * @param health each engine loop's tick lag (read from any thread)
     * @param periodMillis how often
     */
    public void start(final Supplier<CompletableFuture<List<SessionSnapshot>>> snapshots,
            final Supplier<List<TickLag.Reading>> health, final long periodMillis) {
        executor.scheduleWithFixedDelay(() -> {
            writer.engineHealth(health.get());
            refresh(snapshots);
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * A session is (re)configured: its configuration goes with every view written for it.
     *
     * @param config the configuration
     */
    public void configured(final SessionConfig config) {
        configs.put(config.key(), config);
    }

    /**
     * A session's configuration went away; it is removed from the datastore once the engine has
     * sent AdminDown and deleted it.
     *
     * @param key the session
     */
    public void unconfigured(final SessionKey key) {
        configs.remove(key);
    }

    @Override
    public void policyChanged(final SessionSnapshot snapshot, final PolicySnapshot policy) {
        policies.put(snapshot.key(), policy);
        put(snapshot);
    }

    @Override
    public void policyEvent(final SessionSnapshot snapshot, final PolicyEvent event) {
        final var config = configs.get(snapshot.key());
        if (config != null) {
            final var view = SessionView.of(config, snapshot, policies.get(snapshot.key()));
            executor.execute(() -> offer(PolicyMapper.notification(view, event), view));
        }
    }

    /**
     * The engine deleted a configured session: its operational entry goes.
     *
     * @param protocol the protocol instance that held it
     * @param key the session
     */
    public void removed(final String protocol, final SessionKey key) {
        policies.remove(key);
        writer.remove(protocol, key);
    }

    /**
     * Writes a session's state at once instead of at the next counters period: an operator just
     * cleared its statistics and reads them back.
     *
     * @param snapshot the snapshot taken after the change
     */
    public void refreshNow(final SessionSnapshot snapshot) {
        put(snapshot);
    }

    @Override
    public void sessionCreated(final SessionSnapshot snapshot) {
        put(snapshot);
    }

    @Override
    public void timersChanged(final SessionSnapshot snapshot) {
        put(snapshot);
    }

    @Override
    public void stateChanged(final SessionSnapshot snapshot, final State previous) {
        final var view = put(snapshot);
        if (view != null) {
            final Instant at = Instant.now();
            executor.execute(() -> publish(view, at));
        }
    }

    private @Nullable SessionView put(final SessionSnapshot snapshot) {
        final var config = configs.get(snapshot.key());
        if (config == null) {
            return null;
        }
        final var view = SessionView.of(config, snapshot, policies.get(snapshot.key()));
        writer.put(view);
        return view;
    }

    private void publish(final SessionView view, final Instant at) {
        offer(NotificationMapper.of(view, at), view);
    }

    private void offer(final Notification<?> notification, final SessionView view) {
        if (notifications.offerNotification(notification) == NotificationPublishService.REJECTED) {
            LOG.warn("BFD notification for {} dropped: the notification queue is full", view.config().key());
        }
    }

    private void refresh(final Supplier<CompletableFuture<List<SessionSnapshot>>> snapshots) {
        try {
            for (var snapshot : snapshots.get().get(10, TimeUnit.SECONDS)) {
                final var config = configs.get(snapshot.key());
                if (config != null) {
                    writer.refresh(SessionView.of(config, snapshot));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("BFD counters not refreshed", e);
        }
    }

    /**
     * Stops publishing and removes every session's operational entry: after a clean stop the
     * operational datastore holds no BFD session (none of them runs any more).
     */
    @Override
    public void close() {
        executor.shutdownNow();
        configs.clear();
        writer.removeAll();
    }
}
