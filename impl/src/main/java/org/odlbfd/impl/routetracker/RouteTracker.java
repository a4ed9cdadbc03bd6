/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.BfdSessionService;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionOptions;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SessionStatus;
import org.odlbfd.api.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BFD-tracked static routes, through the client API only ({@link BfdSessionService}).
 *
 * <p>Rules, as on the vendors' routers: a tracked next hop is used only while its session is Up
 * (so a session that never came Up withdraws nothing it never installed); the tracker holds one
 * registration per session key, shared by every route that tracks it and closed with the last one
 * (removing BFD from one route never drops the session of another, FRR staticd's bug); a peer's
 * AdminDown leaves a next hop as it was unless the instance says otherwise (RFC 5882 §3.2); a
 * restored next hop waits for the instance's hold-down; a next hop through an interface whose
 * process-interface-status session is not Up is not used, tracked or not. Among the usable next
 * hops those of the best preference are used (ECMP); a route with none is withdrawn.
 *
 * <p>All state lives on one thread; engine callbacks and configuration hop onto it.
 */
public final class RouteTracker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTracker.class);

    private final BfdSessionService service;
    private final KernelView kernel;
    private final RouteSink sink;
    private final RouteOutput output;
    private final DeviceRouteSink devices;
    private final ScheduledExecutorService executor;
    // confined to the executor's thread
    private TrackedConfig config = TrackedConfig.EMPTY;
    /** Configurations taken so far, so a test can tell that its change reached the tracker. */
    private final AtomicLong configurations = new AtomicLong();
    private final Map<SessionKey, TrackedSession> sessions = new HashMap<>();
    private final Map<SessionKey, Set<RouteId>> users = new HashMap<>();
    private final Map<RouteId, RouteState> states = new HashMap<>();
    private final Map<SessionKey, Set<Long>> holdDownTimers = new HashMap<>();
    private final InterfaceStatus interfaces = new InterfaceStatus();
    /** {@link #interfaces} expanded to sub-interfaces, as last published. */
    private Map<String, InterfaceStatus.Status> interfaceStatuses = Map.of();
    /** The routes of placed instances as last handed to {@link #devices}. */
    private Map<String, PlacedRoutes> placed = Map.of();

    RouteTracker(final BfdSessionService service, final KernelView kernel, final RouteSink sink,
            final RouteOutput output) {
        this(service, kernel, sink, output, DeviceRouteSink.NONE);
    }

    RouteTracker(final BfdSessionService service, final KernelView kernel, final RouteSink sink,
            final RouteOutput output, final DeviceRouteSink devices) {
        this.devices = requireNonNull(devices);
        this.service = requireNonNull(service);
        this.kernel = requireNonNull(kernel);
        this.sink = requireNonNull(sink);
        this.output = requireNonNull(output);
        executor = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-route-tracker").setDaemon(true).build());
        kernel.onChange(() -> executor.execute(() -> {
            publishInterfaces();
            recompute(allRoutes(), 0, "kernel links changed");
        }));
    }

    /**
     * A new configuration (the whole of it); applied on the tracker's thread.
     *
     * @param next the configuration
     */
    public void configure(final TrackedConfig next) {
        requireNonNull(next);
        executor.execute(() -> apply(next));
    }

    /**
     * Waits until everything submitted before has been handled; for tests.
     *
     * @param timeoutMillis at most this long
     * @return true when drained
     */
    /**
     * How many configurations the tracker has taken; for tests, whose datastore change reaches it
     * through an asynchronous listener that {@link #drain} cannot wait for.
     *
     * @return count
     */
    long configurations() {
        return configurations.get();
    }

    boolean drain(final long timeoutMillis) {
        try {
            executor.submit(() -> { }).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void apply(final TrackedConfig next) {
        final TrackedConfig previous = config;
        config = next;
        configurations.incrementAndGet();
        // every session the configuration needs: the fastest timers any of its own users asks for
        final Map<SessionKey, Tracking.OwnSession> wanted = new HashMap<>();
        final Map<SessionKey, Set<RouteId>> nextUsers = new HashMap<>();
        for (var instance : next.instances().values()) {
            for (var route : instance.routes().values()) {
                final RouteId id = new RouteId(instance.name(), route.prefix());
                for (var nh : route.nextHops()) {
                    final SessionKey key = keyOf(nh);
                    if (key == null) {
                        continue;
                    }
                    nextUsers.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
                    wanted.merge(key, own(nh, key), RouteTracker::fastest);
                }
            }
        }
        for (var coupling : next.couplings().values()) {
            wanted.putIfAbsent(coupling.key(), new Tracking.OwnSession(coupling.key(), SessionParams.DEFAULT,
                SessionOptions.DEFAULT));
        }
        for (var it = sessions.entrySet().iterator(); it.hasNext();) {
            final var entry = it.next();
            if (!wanted.containsKey(entry.getKey())) {
                unregister(entry.getValue());
                it.remove();
            }
        }
        for (var want : wanted.values()) {
            final TrackedSession existing = sessions.get(want.key());
            if (existing == null) {
                register(want);
            } else if (!existing.params.equals(want.params()) && existing.registration != null) {
                existing.params = want.params();
                existing.registration.update(want.params());
            }
        }
        users.clear();
        users.putAll(nextUsers);
        interfaces.configure(next.couplings());
        for (var session : sessions.values()) {
            interfaces.update(session);
        }
        publishInterfaces();
        // routes whose configuration is gone are withdrawn; every other one is recomputed
        final List<RouteChange> changes = new ArrayList<>();
        final Set<RouteId> configured = new HashSet<>();
        final Set<RouteSink.RouteKey> kernelKeys = new HashSet<>();
        for (var instance : next.instances().values()) {
            for (var prefix : instance.routes().keySet()) {
                configured.add(new RouteId(instance.name(), prefix));
                if (instance.node() == null) {
                    kernelKeys.add(new RouteSink.RouteKey(instance.vrf(), prefix));
                }
            }
        }
        for (var it = states.entrySet().iterator(); it.hasNext();) {
            final var entry = it.next();
            final RouteState before = entry.getValue();
            final StaticInstance instance = next.instances().get(entry.getKey().instance());
            if (!configured.contains(entry.getKey()) || instance == null
                    || !java.util.Objects.equals(instance.vrf(), before.vrf())) {
                it.remove();
                changes.add(new RouteChange(entry.getKey(), before, null, before.active(), "configuration"));
            }
        }
        collect(configured, Instant.now(), "configuration", changes);
        sink.configured(kernelKeys);
        moved(previous, next);
        emit(changes, 0);
        publishPlaced(0);
    }

    /**
     * Instances placed on a device or taken back since the last configuration: their routes in use
     * leave the controller's kernel, or come back to it (the device's side follows from
     * {@link #publishPlaced}).
     */
    private void moved(final TrackedConfig previous, final TrackedConfig next) {
        final List<KernelRoute> kernelRoutes = new ArrayList<>();
        for (var entry : states.entrySet()) {
            final StaticInstance before = previous.instances().get(entry.getKey().instance());
            final StaticInstance after = next.instances().get(entry.getKey().instance());
            if (before == null || after == null || (before.node() == null) == (after.node() == null)
                    || !entry.getValue().active()) {
                continue;
            }
            final RouteState state = entry.getValue();
            kernelRoutes.add(after.node() != null ? new KernelRoute(state.vrf(), state.prefix(), List.of(), null)
                : kernelRoute(new RouteChange(entry.getKey(), null, state, true, "placement")));
        }
        if (!kernelRoutes.isEmpty()) {
            sink.apply(kernelRoutes, 0);
        }
    }

    /** Hands the routes of placed instances to the devices' renderer when they changed. */
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void publishPlaced(final long eventNanos) {
        final var next = PlacedRoutes.of(config, states);
        if (!next.equals(placed)) {
            placed = next;
            try {
                devices.placed(next, eventNanos);
            } catch (RuntimeException e) {
                // the controller's own view (RIB, kernel) must not depend on the devices' renderer
                LOG.error("Routes placed on devices not handed over", e);
            }
        }
    }

    private void publishInterfaces() {
        final var next = interfaces.statuses(kernel);
        if (!next.equals(interfaceStatuses)) {
            interfaceStatuses = next;
            output.interfaces(next);
        }
    }

    private static Tracking.OwnSession own(final NextHopConfig nh, final SessionKey key) {
        return nh.tracking() instanceof Tracking.OwnSession own ? own
            : new Tracking.OwnSession(key, SessionParams.DEFAULT, SessionOptions.DEFAULT);
    }

    /** Two routes asking for one session: it runs at the fastest timers either asks for. */
    private static Tracking.OwnSession fastest(final Tracking.OwnSession one, final Tracking.OwnSession other) {
        final var pa = one.params();
        final var pb = other.params();
        return new Tracking.OwnSession(one.key(), new SessionParams(Math.min(pa.desiredMinTxUs(),
            pb.desiredMinTxUs()), Math.min(pa.requiredMinRxUs(), pb.requiredMinRxUs()),
            Math.min(pa.detectMultiplier(), pb.detectMultiplier())),
            one.options().source() != null ? one.options() : other.options());
    }

    private void register(final Tracking.OwnSession want) {
        final TrackedSession session = new TrackedSession(want.key(), want.params());
        sessions.put(want.key(), session);
        try {
            session.registration = service.register(want.key(), want.params(), want.options(),
                (key, status) -> {
                    final long heard = System.nanoTime();
                    executor.execute(() -> onStatus(session, status, heard));
                });
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            LOG.error("Cannot track BFD session {}: {}", want.key(), e.getMessage());
        }
    }

    private static void unregister(final TrackedSession session) {
        if (session.registration != null) {
            session.registration.close();
            session.registration = null;
        }
    }

    private void onStatus(final TrackedSession session, final SessionStatus status, final long heardNanos) {
        if (sessions.get(session.key) != session) {
            return;
        }
        final State before = session.state();
        session.update(status, heardNanos);
        if (before == status.state()) {
            return;
        }
        final String cause = session.key + " " + status.state().rfcName() + (status.state() == State.UP ? ""
            : " (" + status.localDiagnostic().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (status.peerAdminDown() ? ", peer AdminDown" : "") + ")");
        if (interfaces.coupled(session.key) && interfaces.update(session)) {
            publishInterfaces();
            recompute(allRoutes(), heardNanos, cause);
        } else {
            recompute(users.getOrDefault(session.key, Set.of()), heardNanos, cause);
        }
    }

    private Set<RouteId> allRoutes() {
        final Set<RouteId> all = new HashSet<>();
        for (var instance : config.instances().values()) {
            for (var prefix : instance.routes().keySet()) {
                all.add(new RouteId(instance.name(), prefix));
            }
        }
        return all;
    }

    private void recompute(final Set<RouteId> ids, final long eventNanos, final String cause) {
        final List<RouteChange> changes = new ArrayList<>();
        collect(Set.copyOf(ids), Instant.now(), cause, changes);
        emit(changes, eventNanos);
    }

    private void collect(final Set<RouteId> ids, final Instant now, final String cause,
            final List<RouteChange> changes) {
        final long nowNanos = System.nanoTime();
        for (RouteId id : ids) {
            final StaticInstance instance = config.instances().get(id.instance());
            final StaticRouteConfig route = instance == null ? null : instance.routes().get(id.prefix());
            if (route == null) {
                continue;
            }
            final RouteState before = states.get(id);
            final var nextHops = Selection.select(route, nh -> usability(instance, nh, before, nowNanos),
                this::sessionState);
            final var inUse = nextHops.stream().filter(NextHopState::active).map(NextHopState::config).toList();
            final boolean inUseChanged = before == null ? !inUse.isEmpty() : !before.inUse().equals(inUse);
            final RouteState after = new RouteState(id.instance(), instance.vrf(), id.prefix(), nextHops,
                inUseChanged || before == null ? now : before.lastUpdated());
            if (!after.equals(before)) {
                states.put(id, after);
                changes.add(new RouteChange(id, before, after, inUseChanged, cause));
            }
        }
    }

    private Usability usability(final StaticInstance instance, final NextHopConfig nh,
            final @Nullable RouteState before, final long nowNanos) {
        if (nh.special() != null) {
            return Usability.USABLE;
        }
        final String iface = nh.outgoingInterface() != null ? nh.outgoingInterface()
            : nh.address() == null ? null : kernel.connectedInterface(nh.address(), instance.vrf());
        if (iface != null && interfaceDown(iface)) {
            return Usability.INTERFACE_DOWN;
        }
        if (nh.tracking() == null) {
            return Usability.USABLE;
        }
        final SessionKey key = keyOf(nh);
        final TrackedSession session = key == null ? null : sessions.get(key);
        if (session == null) {
            return key == null ? Usability.NO_SESSION : Usability.SESSION_DOWN;
        }
        if (session.state() == State.UP) {
            final long holdDown = TimeUnit.MILLISECONDS.toNanos(instance.holdDownMillis());
            if (session.heldDown(holdDown, instance.adminDownWithdraw(), nowNanos)) {
                scheduleHoldDown(session, session.holdDownEndsNanos(holdDown) - nowNanos);
                return Usability.HELD_DOWN;
            }
            return Usability.USABLE;
        }
        if (session.adminDownNow() && !instance.adminDownWithdraw()) {
            // RFC 5882 §3.2: not a path failure; the next hop stays as it was
            return before != null && before.wasUsable(nh.index()) ? Usability.USABLE : Usability.SESSION_DOWN;
        }
        return Usability.SESSION_DOWN;
    }

    private boolean interfaceDown(final String iface) {
        final var status = interfaceStatuses.get(iface);
        return status != null && !status.up();
    }

    private void scheduleHoldDown(final TrackedSession session, final long delayNanos) {
        final long deadline = System.nanoTime() + delayNanos;
        // one timer per session and millisecond: every instance's hold-down ends on its own deadline
        if (holdDownTimers.computeIfAbsent(session.key, k -> new HashSet<>()).add(deadline / 1_000_000)) {
            executor.schedule(() -> {
                final var timers = holdDownTimers.get(session.key);
                if (timers != null) {
                    timers.remove(deadline / 1_000_000);
                }
                recompute(users.getOrDefault(session.key, Set.of()), 0, session.key + " hold-down ended");
            }, delayNanos + 1_000_000, TimeUnit.NANOSECONDS);
        }
    }

    private @Nullable State sessionState(final NextHopConfig nh) {
        if (nh.tracking() == null) {
            return null;
        }
        final SessionKey key = keyOf(nh);
        final TrackedSession session = key == null ? null : sessions.get(key);
        return session == null ? State.DOWN : session.state();
    }

    private @Nullable SessionKey keyOf(final NextHopConfig nh) {
        return switch (nh.tracking()) {
            case null -> null;
            case Tracking.OwnSession own -> own.key();
            case Tracking.NamedSession named -> config.sessionNames().get(named.name());
        };
    }

    private void emit(final List<RouteChange> changes, final long eventNanos) {
        if (changes.isEmpty()) {
            return;
        }
        final List<KernelRoute> kernelRoutes = new ArrayList<>();
        for (RouteChange change : changes) {
            final StaticInstance instance = config.instances().get(change.id().instance());
            // a placed instance's routes go to its device, not to the controller's kernel
            if (change.inUseChanged() && (instance == null || instance.node() == null)) {
                kernelRoutes.add(kernelRoute(change));
            }
        }
        if (!kernelRoutes.isEmpty()) {
            sink.apply(kernelRoutes, eventNanos);
        }
        publishPlaced(eventNanos);
        output.routesChanged(changes, eventNanos);
    }

    private static KernelRoute kernelRoute(final RouteChange change) {
        final RouteState state = change.after() != null ? change.after() : requireNonNull(change.before());
        final List<KernelRoute.Hop> hops = new ArrayList<>();
        String special = null;
        if (change.after() != null) {
            for (NextHopConfig nh : change.after().inUse()) {
                if (nh.special() != null) {
                    special = nh.special();
                } else {
                    hops.add(new KernelRoute.Hop(nh.address(), nh.outgoingInterface()));
                }
            }
        }
        return new KernelRoute(state.vrf(), state.prefix(), special != null ? List.of() : hops, special);
    }

    @Override
    public void close() {
        executor.execute(() -> {
            sessions.values().forEach(RouteTracker::unregister);
            sessions.clear();
        });
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
