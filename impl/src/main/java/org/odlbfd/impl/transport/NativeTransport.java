/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.linux.UdpSocket;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport over libodlbfd: one socket per port, address family, VRF and event loop, bound to
 * the wildcard address, registered on Netty's epoll loops as {@code EpollIoHandle}s so that reads,
 * timers and sends of a session all run on one thread. Each received datagram tells its
 * destination, interface and TTL (IP_PKTINFO, IP_RECVTTL); each sent one names its source,
 * interface and TTL; so every local address shares the loop's sockets and every packet due in a
 * tick leaves in one sendmmsg per socket (issue 12). The kernel steers each Control packet to the
 * loop owning its session by Your Discriminator, or while that is zero by its source address
 * (SO_ATTACH_REUSEPORT_CBPF, {@link SocketFilters#steering}), so none is handed between loops and
 * overtaken there (RFC 5880 §6.3 demultiplexing, the same hash as the engine's), and the engine checks
 * each arrival against its session (kind, interface, addresses, TTL: RFC 5881 §4-§5, RFC 5883 §2)
 * before decoding it. Sockets of a VRF, family and kind open with their first session and close
 * with their last; a session whose source address does not exist yet simply cannot send, and its
 * transport status says why.
 */
public final class NativeTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(NativeTransport.class);
    /** Sockets of a set outlive their last session this long: its last AdminDown packets leave. */
    private static final long CLOSE_DELAY_MS = 5_000;

    private final MultiThreadIoEventLoopGroup group;
    private final List<IoEventLoop> loops;
    /**
     * Opens and releases socket sets off the caller's thread and off the loops (which open waits for).
     * One thread, as open and release hold this object's lock anyway: the common pool it replaces
     * has a parallelism of 1 on a 2-core box, where CompletableFuture then starts a thread per task,
     * so a PUT of 1,000 sessions started 1,000 threads that queued on the lock (issue 12 profile).
     */
    private final ExecutorService opener = Executors.newSingleThreadExecutor(
        new ThreadFactoryBuilder().setNameFormat("bfd-transport-open").setDaemon(true).build());
    private final TransportConfig ports;
    private final Interfaces interfaces = new Interfaces();
    private final List<NativeSink> sinks = new ArrayList<>();
    private final Map<SocketSet.Key, SocketSet> sets = new ConcurrentHashMap<>();
    private final Map<SessionKey, Held> held = new HashMap<>();
    private final Map<SessionKey, String> openErrors = new ConcurrentHashMap<>();
    private final PeerSet singleHopPeers = new PeerSet();
    private final PeerSet multiHopPeers = new PeerSet();
    private final PeerSet echoSources = new PeerSet();
    private volatile @Nullable BfdEngine engine;

    private NativeTransport(final MultiThreadIoEventLoopGroup group, final TransportConfig ports) {
        this.group = group;
        this.ports = ports;
        final List<IoEventLoop> list = new ArrayList<>();
        for (EventExecutor executor : group) {
            list.add((IoEventLoop) executor);
        }
        loops = List.copyOf(list);
        for (int i = 0; i < loops.size(); i++) {
            sinks.add(new NativeSink(this, i));
        }
    }

    /**
     * Starts the loops.
     *
     * @param threads event loops
     * @param ports ports
     * @return the transport
     */
    public static NativeTransport create(final int threads, final TransportConfig ports) {
        final NativeTransport transport = new NativeTransport(
            new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory()), requireNonNull(ports));
        LOG.info("BFD transport: {}", transport.description());
        return transport;
    }

    @Override
    public List<LoopScheduler> schedulers() {
        return loops.stream().map(LoopScheduler::new).toList();
    }

    @Override
    public PacketSink sink(final Scheduler scheduler) {
        final int index = scheduler instanceof LoopScheduler loop ? loops.indexOf(loop.loop()) : -1;
        return sinks.get(Math.max(0, index));
    }

    @Override
    public void attach(final BfdEngine bfdEngine) {
        engine = requireNonNull(bfdEngine);
        bfdEngine.pointToPointInterfaces(interfaces::pointToPoint);
    }

    @Override
    public boolean nativeTransport() {
        return true;
    }

    @Override
    public String description() {
        return "libodlbfd native UDP, wildcard sockets with IP_PKTINFO/IP_RECVTTL, SO_REUSEPORT steering over "
            + loops.size() + " epoll loops";
    }

    @Override
    public synchronized boolean open(final SessionConfig config) {
        final List<SocketSet.Key> needed = new ArrayList<>(2);
        final String vrf = vrfOf(config);
        final boolean v6 = config.key() instanceof SingleHopKey sh ? sh.destination() instanceof Inet6Address
            : ((MultiHopKey) config.key()).destination() instanceof Inet6Address;
        needed.add(new SocketSet.Key(vrf, v6, config.singleHop() ? SocketSet.Kind.SINGLE_HOP
            : SocketSet.Kind.MULTI_HOP));
        if (config.singleHop() && (config.echoTxUs() > 0 || config.echoRxUs() > 0)) {
            needed.add(new SocketSet.Key(vrf, v6, SocketSet.Kind.ECHO));
        }
        final Held previous = held.get(config.key());
        final List<SocketSet.Key> before = previous == null ? List.of() : previous.sets();
        final List<SocketSet.Key> got = new ArrayList<>(needed.size());
        for (SocketSet.Key key : needed) {
            if (!before.contains(key)) {
                try {
                    acquire(key);
                } catch (IOException e) {
                    LOG.warn("BFD session {}: cannot open its sockets: {}", config.name(), e.getMessage());
                    openErrors.put(config.key(), "cannot open sockets: " + e.getMessage());
                    swap(config, before, got);
                    return false;
                }
            }
            got.add(key);
        }
        swap(config, before, got);
        openErrors.remove(config.key());
        return true;
    }

    private void swap(final SessionConfig config, final List<SocketSet.Key> before, final List<SocketSet.Key> now) {
        for (SocketSet.Key key : before) {
            if (!now.contains(key)) {
                releaseLater(key);
            }
        }
        final Held previous = held.put(config.key(), new Held(config, List.copyOf(now)));
        if (previous != null) {
            peersOf(previous.config(), false);
        }
        peersOf(config, true);
    }

    private void peersOf(final SessionConfig config, final boolean add) {
        final InetAddress peer = config.key() instanceof SingleHopKey sh ? sh.destination()
            : ((MultiHopKey) config.key()).destination();
        final PeerSet peers = config.singleHop() ? singleHopPeers : multiHopPeers;
        if (add) {
            peers.add(peer);
            echoSources.add(peer);
        } else {
            peers.remove(peer);
            echoSources.remove(peer);
        }
        final InetAddress local = config.localAddress();
        if (local != null) {
            // RFC 5881 §4 Echo comes back from our own address
            if (add) {
                echoSources.add(local);
            } else {
                echoSources.remove(local);
            }
        }
    }

    @Override
    public CompletableFuture<Boolean> openAsync(final SessionConfig config) {
        try {
            return CompletableFuture.supplyAsync(() -> open(config), opener);
        } catch (RejectedExecutionException e) {
            // closed: no socket will open again
            return CompletableFuture.completedFuture(false);
        }
    }

    @Override
    public synchronized void release(final SessionKey key) {
        final Held was = held.remove(key);
        openErrors.remove(key);
        if (was == null) {
            return;
        }
        peersOf(was.config(), false);
        was.sets().forEach(this::releaseLater);
    }

    /** What a session holds: its configuration (for its peer addresses) and its socket sets. */
    private record Held(SessionConfig config, List<SocketSet.Key> sets) {
    }

    @Override
    public @Nullable String status(final SessionConfig config) {
        return openErrors.get(config.key());
    }

    private void acquire(final SocketSet.Key key) throws IOException {
        SocketSet set = sets.get(key);
        if (set == null) {
            final int port = switch (key.kind()) {
                case SINGLE_HOP -> ports.singleHopPort();
                case MULTI_HOP -> ports.multiHopPort();
                case ECHO -> ports.echoPort();
            };
            final int source = key.kind() == SocketSet.Kind.MULTI_HOP ? ports.multiHopSourcePort()
                : ports.singleHopSourcePort();
            set = SocketSet.open(key, loops, port, source, ports.receiveBufferBytes(), loop -> receiver(key, loop));
            sets.put(key, set);
        }
        set.references++;
    }

    private LoopSocket.Receiver receiver(final SocketSet.Key key, final int loop) {
        return switch (key.kind()) {
            case SINGLE_HOP -> new ControlReceiver(this, loop, false, singleHopPeers, interfaces, key.vrf());
            case MULTI_HOP -> new ControlReceiver(this, loop, true, multiHopPeers, interfaces, key.vrf());
            case ECHO -> new EchoReceiver(this, loop, echoSources, interfaces);
        };
    }

    private void releaseLater(final SocketSet.Key key) {
        if (group.isShuttingDown()) {
            return;
        }
        // the timer fires on a loop; the release runs elsewhere: open() may hold this object's lock
        // while it waits for that very loop to register a socket
        group.schedule(() -> {
            if (!opener.isShutdown()) {
                opener.execute(() -> releaseNow(key));
            }
        }, CLOSE_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void releaseNow(final SocketSet.Key key) {
        final SocketSet closing;
        synchronized (this) {
            final SocketSet set = sets.get(key);
            if (set == null || --set.references > 0) {
                return;
            }
            sets.remove(key);
            closing = set;
        }
        for (int i = 0; i < loops.size(); i++) {
            final NativeSink sink = sinks.get(i);
            loops.get(i).execute(sink::invalidate);
        }
        // not on a loop thread: closing waits for each loop
        closing.close(loops);
    }

    @Nullable BfdEngine engine() {
        return engine;
    }

    /**
     * How a session's Echo is addressed, for its status once Echo failed.
     *
     * @param config the session
     * @return the sentence
     */
    String echoHint(final SessionConfig config) {
        return ports.echoAddressing().hint(peerOf(config));
    }

    /**
     * Why a session has no target (for its transport status).
     *
     * @param config the session
     * @return the reason
     */
    String targetProblem(final SessionConfig config) {
        if (setOf(config, false) == null) {
            return "sockets not open";
        }
        return "interface " + config.interfaceName() + " does not exist";
    }

    /**
     * Where a session's Control (or Echo) packets go from loop {@code loop}.
     *
     * @param config session
     * @param loop loop index
     * @param echo Echo rather than Control
     * @return the target, or null when its sockets are not open or its interface does not exist
     */
    NativeSink.@Nullable Target target(final SessionConfig config, final int loop, final boolean echo) {
        final SocketSet set = setOf(config, echo);
        if (set == null) {
            return null;
        }
        final int ifindex = ifindexOf(config);
        if (ifindex < 0) {
            return null;
        }
        final InetAddress local = config.localAddress();
        final InetAddress peer = peerOf(config);
        final InetAddress to = echo && ports.echoToSelf(peer) && local != null ? local : peer;
        final int port = echo ? ports.peerEchoPort()
            : config.singleHop() ? ports.peerSingleHopPort() : ports.peerMultiHopPort();
        final int ttl = echo || config.transmitTtl() == SessionConfig.MAX_TTL ? 0 : config.transmitTtl();
        return new NativeSink.Target(set.batches.get(loop), new SendBatch.Route(set.key.v6(), field(local),
            field(to), port, ifindex), ttl);
    }

    /**
     * Where the peer's Echo goes back to: the peer's address, from the session's interface.
     *
     * @param config the session whose peer sent it
     * @return the route, or null when the interface is gone
     */
    SendBatch.@Nullable Route reflectRoute(final SessionConfig config) {
        final int ifindex = ifindexOf(config);
        final SocketSet set = setOf(config, true);
        return ifindex < 0 || set == null ? null : new SendBatch.Route(set.key.v6(), field(config.localAddress()),
            field(peerOf(config)), ports.peerEchoPort(), ifindex);
    }

    @Nullable SendBatch echoBatch(final SessionConfig config, final int loop) {
        final SocketSet set = setOf(config, true);
        return set == null ? null : set.batches.get(loop);
    }

    private @Nullable SocketSet setOf(final SessionConfig config, final boolean echo) {
        final boolean v6 = peerOf(config) instanceof Inet6Address;
        return sets.get(new SocketSet.Key(vrfOf(config), v6, echo ? SocketSet.Kind.ECHO
            : config.singleHop() ? SocketSet.Kind.SINGLE_HOP : SocketSet.Kind.MULTI_HOP));
    }

    /** Single-hop: the interface's index (-1 when it does not exist); multihop: 0, any interface. */
    private static int ifindexOf(final SessionConfig config) {
        final String ifname = config.interfaceName();
        if (ifname == null) {
            return 0;
        }
        final int index = UdpSocket.interfaceIndex(ifname);
        return index > 0 ? index : -1;
    }

    private static @Nullable String vrfOf(final SessionConfig config) {
        final String vrf = config.vrf();
        if (vrf != null) {
            return vrf;
        }
        final String ifname = config.interfaceName();
        return ifname == null ? null : Interfaces.vrfOf(ifname);
    }

    private static InetAddress peerOf(final SessionConfig config) {
        return config.key() instanceof SingleHopKey sh ? sh.destination()
            : ((MultiHopKey) config.key()).destination();
    }

    private static byte[] field(final @Nullable InetAddress address) {
        final byte[] field = new byte[16];
        if (address != null && !address.isAnyLocalAddress()) {
            final byte[] bytes = address.getAddress();
            System.arraycopy(bytes, 0, field, 0, bytes.length);
        }
        return field;
    }

    /**
     * Datagrams the kernel dropped at full receive buffers, summed over the open sets (health
     * figure, PERF-NOTES rule 6).
     *
     * @return count
     */
    @Override
    public long kernelDrops() {
        return sets.values().stream().mapToLong(SocketSet::kernelDrops).sum();
    }

    @Override
    public void close() {
        final List<SocketSet> open;
        synchronized (this) {
            open = new ArrayList<>(sets.values());
            sets.clear();
            held.clear();
        }
        open.forEach(set -> set.close(loops));
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        // a release still queued finds its set gone (cleared above) and returns
        opener.shutdown();
    }
}
