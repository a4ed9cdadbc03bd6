/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.routetracker.KernelRoute;
import org.odlbfd.impl.routetracker.LatencyLog;
import org.odlbfd.impl.routetracker.Prefix;
import org.odlbfd.impl.routetracker.RouteSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the tracker's routes into the Linux kernel over rtnetlink, as zebra and BIRD do: one
 * RTM_NEWROUTE with NLM_F_REPLACE per change (ECMP as one multipath route, so a next hop's
 * withdrawal is one atomic rewrite), marked with our own route protocol {@value #PROTOCOL} and a
 * fixed metric, batched into as few datagrams as fit. No process is started per change.
 *
 * <p>Start-up reconciliation: the routes of protocol {@value #PROTOCOL} found in the kernel are
 * the previous run's (a kill -9 leaves them). Those whose VRF and prefix are not configured any
 * more go as soon as the configuration is read; the others stay (forwarding goes on) until the
 * tracker installs them again, which replaces them in place, or until {@value #GRACE_MS} ms pass,
 * when whatever is left (a next hop that did not come back) goes too. Replacing in place means a
 * restart leaves no duplicate.
 *
 * <p>A gateway that is not on a connected prefix (a multihop next hop) is installed as the next hop
 * of the kernel's route to it (RTM_GETROUTE), since the kernel takes on-link gateways only; it is
 * resolved again whenever the tracker rewrites the route, not when the route to it changes.
 */
public final class KernelRoutes implements RouteSink {
    /**
     * odl-bfd's route protocol (rtm_protocol): unused by the kernel (linux/rtnetlink.h), iproute2
     * (/etc/iproute2/rt_protos), FRR (11, 42, 186-198), BIRD (12), keepalived (18) and systemd
     * (3, 4, 9, 16). {@code ip route show proto 84} lists our routes.
     */
    public static final int PROTOCOL = 84;
    /** How long a previous run's route may wait at start for the tracker to claim it. */
    static final long GRACE_MS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(KernelRoutes.class);
    /** Requests per datagram: a multipath route takes ~100 bytes, the socket buffer holds the rest. */
    private static final int BATCH = 256;

    /**
     * A route's identity in the kernel.
     *
     * @param table the table
     * @param prefix the destination
     */
    record TableKey(int table, Prefix prefix) {
    }

    private final LinkTable links;
    private final LatencyLog latency;
    private final int metric;
    private final NetlinkChannel channel;
    /** Runs the grace period's end only; writes run on the caller's thread (the tracker's). */
    private final ScheduledExecutorService executor;
    /**
     * Guards the state below: the tracker writes on its own thread, without a hand-off to another
     * (one thread wake-up less between a BFD Down and the kernel), the grace timer on the executor.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<TableKey, List<RouteMessages.Hop>> installed = new HashMap<>();
    private final Map<TableKey, RouteMessages.Dumped> stale = new HashMap<>();
    private boolean graceScheduled;

    /**
     * Opens rtnetlink and reads the routes a previous run left.
     *
     * @param links the links of the same namespace (names to indexes, VRFs to tables)
     * @param latency where kernel latencies go
     * @param metric the metric (RTA_PRIORITY) of our routes
     * @param netns the namespace, null for the agent's own
     * @throws IOException when rtnetlink cannot be opened or dumped
     */
    public KernelRoutes(final LinkTable links, final LatencyLog latency, final int metric, final @Nullable Path netns)
            throws IOException {
        this.links = links;
        this.latency = latency;
        this.metric = metric;
        channel = new NetlinkChannel(netns);
        for (boolean ipv4 : new boolean[] {true, false}) {
            final ByteBuffer request = NlMessage.buffer(64);
            final int seq = channel.nextSeq();
            RouteMessages.dump(request, seq, ipv4);
            channel.dump(request.flip(), seq, (buf, start, length, type) -> {
                if (type == RouteMessages.RTM_NEWROUTE) {
                    final var route = RouteMessages.parse(buf, start, length);
                    if (route != null && route.protocol() == PROTOCOL) {
                        stale.put(new TableKey(route.table(), route.prefix()), route);
                    }
                }
            });
        }
        LOG.info("Kernel routes on (protocol {}, metric {}): {} route(s) of a previous run found", PROTOCOL, metric,
            stale.size());
        executor = Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("bfd-kernel-routes").setDaemon(true).build());
    }

    @Override
    public void configured(final Set<RouteKey> routes) {
        final Set<RouteKey> copy = Set.copyOf(routes);
        locked(() -> {
            final List<TableKey> gone = new ArrayList<>();
            for (var entry : stale.entrySet()) {
                final TableKey key = entry.getKey();
                final String vrf = key.table() == RouteMessages.RT_TABLE_MAIN ? null : links.vrfOfTable(key.table());
                // a route of another metric (the setting changed) cannot be replaced in place
                if (!copy.contains(new RouteKey(vrf, key.prefix())) || entry.getValue().metric() != metric) {
                    gone.add(key);
                }
            }
            delete(gone, "not configured any more");
            if (!graceScheduled && !stale.isEmpty()) {
                graceScheduled = true;
                executor.schedule(() -> locked(() -> delete(List.copyOf(stale.keySet()), "not claimed after a"
                    + " restart")), GRACE_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Writes at once on the caller's thread (the tracker's): a batch is one or a few datagrams and
     * their acknowledgements, well under a millisecond for a route, tens for a thousand.
     */
    @Override
    public void apply(final List<KernelRoute> routes, final long eventNanos) {
        locked(() -> write(routes, eventNanos));
    }

    private void locked(final Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private void write(final List<KernelRoute> routes, final long eventNanos) {
        final ByteBuffer buf = NlMessage.buffer(NetlinkChannel.BUFFER);
        final Map<Integer, TableKey> requests = new HashMap<>();
        final Map<Integer, List<RouteMessages.Hop>> wanted = new HashMap<>();
        int first = 0;
        int done = 0;
        for (KernelRoute route : routes) {
            final int table = table(route.vrf());
            if (table == 0) {
                LOG.warn("Route {} not installed: VRF {} does not exist", route.prefix(), route.vrf());
                continue;
            }
            final TableKey key = new TableKey(table, route.prefix());
            if (route.withdrawn() && !installed.containsKey(key) && !stale.containsKey(key)) {
                // never installed: nothing to withdraw
                continue;
            }
            final int seq = channel.nextSeq();
            if (requests.isEmpty()) {
                first = seq;
            }
            if (route.withdrawn()) {
                RouteMessages.delete(buf, seq, table, route.prefix(), PROTOCOL, metric);
                wanted.put(seq, null);
            } else {
                final List<RouteMessages.Hop> hops = hops(route);
                RouteMessages.replace(buf, seq, table, route.prefix(), hops, type(route.special()), PROTOCOL, metric);
                wanted.put(seq, hops);
            }
            requests.put(seq, key);
            if (requests.size() == BATCH || buf.remaining() < 4096) {
                done += send(buf, first, seq, requests, wanted);
            }
        }
        if (!requests.isEmpty()) {
            done += send(buf, first, first + requests.size() - 1, requests, wanted);
        }
        latency.record(LatencyLog.Stage.KERNEL, eventNanos, done);
    }

    private int send(final ByteBuffer buf, final int first, final int last, final Map<Integer, TableKey> requests,
            final Map<Integer, List<RouteMessages.Hop>> wanted) {
        int ok = 0;
        try {
            final var acks = channel.transact(buf.flip(), first, last);
            for (var entry : requests.entrySet()) {
                final TableKey key = entry.getValue();
                final var ack = acks.get(entry.getKey());
                final var hops = wanted.get(entry.getKey());
                // ESRCH/ENOENT on a delete: already gone, which is what we wanted
                final boolean gone = hops == null && ack != null && (ack.errno() == 3 || ack.errno() == 2);
                if (ack != null && (ack.ok() || gone)) {
                    ok++;
                    stale.remove(key);
                    if (hops == null) {
                        installed.remove(key);
                    } else {
                        installed.put(key, hops);
                    }
                } else {
                    final String answer = ack == null ? "no answer" : ack.toString();
                    LOG.warn("Kernel refused route {} in table {}: {}", key.prefix(), key.table(), answer);
                }
            }
        } catch (IOException e) {
            LOG.warn("Kernel routes not written", e);
        }
        buf.clear();
        requests.clear();
        wanted.clear();
        return ok;
    }

    private void delete(final List<TableKey> keys, final String why) {
        if (keys.isEmpty()) {
            return;
        }
        LOG.info("Removing {} kernel route(s) of protocol {}: {}", keys.size(), PROTOCOL, why);
        final ByteBuffer buf = NlMessage.buffer(NetlinkChannel.BUFFER);
        final Map<Integer, TableKey> requests = new HashMap<>();
        final Map<Integer, List<RouteMessages.Hop>> wanted = new HashMap<>();
        int first = 0;
        for (TableKey key : keys) {
            final int seq = channel.nextSeq();
            if (requests.isEmpty()) {
                first = seq;
            }
            RouteMessages.delete(buf, seq, key.table(), key.prefix(), PROTOCOL, stale.containsKey(key)
                ? stale.get(key).metric() : metric);
            requests.put(seq, key);
            wanted.put(seq, null);
            if (requests.size() == BATCH) {
                send(buf, first, seq, requests, wanted);
            }
        }
        if (!requests.isEmpty()) {
            send(buf, first, first + requests.size() - 1, requests, wanted);
        }
    }

    private int table(final @Nullable String vrf) {
        return vrf == null ? RouteMessages.RT_TABLE_MAIN : links.vrfTable(vrf);
    }

    private List<RouteMessages.Hop> hops(final KernelRoute route) {
        final List<RouteMessages.Hop> hops = new ArrayList<>(route.hops().size());
        for (KernelRoute.Hop hop : route.hops()) {
            final InetAddress gateway = hop.gateway();
            if (gateway != null && hop.iface() == null && links.connectedInterface(gateway, route.vrf()) == null) {
                // a gateway several hops away (a multihop next hop): the kernel installs only on-link
                // gateways, so it goes in as the next hop of the route to it, as zebra resolves one
                final RouteMessages.Hop resolved = resolve(gateway, route.vrf());
                if (resolved != null) {
                    hops.add(resolved);
                    continue;
                }
            }
            hops.add(new RouteMessages.Hop(gateway, hop.iface() == null ? 0 : links.ifindex(hop.iface())));
        }
        return hops;
    }

    private RouteMessages.@Nullable Hop resolve(final InetAddress gateway, final @Nullable String vrf) {
        final ByteBuffer request = NlMessage.buffer(128);
        final int seq = channel.nextSeq();
        RouteMessages.lookup(request, seq, gateway, vrf == null ? 0 : links.ifindex(vrf));
        final List<RouteMessages.Hop> found = new ArrayList<>(1);
        try {
            channel.get(request.flip(), seq, (buf, start, length, type) -> {
                final var route = RouteMessages.parse(buf, start, length);
                if (route != null && route.hops().size() == 1) {
                    final var via = route.hops().get(0);
                    found.add(new RouteMessages.Hop(via.gateway() != null ? via.gateway() : gateway, via.ifindex()));
                }
            });
        } catch (IOException e) {
            LOG.warn("Next hop {} cannot be resolved: {}", gateway.getHostAddress(), e.getMessage());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static int type(final @Nullable String special) {
        return switch (special) {
            case null -> RouteMessages.RTN_UNICAST;
            case "unreachable" -> RouteMessages.RTN_UNREACHABLE;
            case "prohibit" -> RouteMessages.RTN_PROHIBIT;
            default -> RouteMessages.RTN_BLACKHOLE;
        };
    }

    /**
     * The routes this sink believes are in the kernel; for tests.
     *
     * @return keys of installed routes
     */
    Set<TableKey> installed() {
        lock.lock();
        try {
            return Set.copyOf(new HashSet<>(installed.keySet()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        // the routes stay: forwarding goes on across a controller restart, and the next start
        // reconciles them (see the class comment)
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
