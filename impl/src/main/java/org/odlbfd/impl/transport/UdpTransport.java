/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.util.concurrent.EventExecutor;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty UDP transport of RFC 5881 (single-hop, 3784), RFC 5883 (multihop, 4784) and echo (3785).
 *
 * <p>Sockets: one set per (kind, local address[, interface]) — never one per session. Why bound
 * to the local address and not the wildcard: a wildcard-bound epoll datagram socket cannot pick
 * the source address per packet (Netty has no IP_PKTINFO send path), and two agents on one host
 * (127.0.0.1 and 127.0.0.2, as the tests run them) must not steal each other's packets. Single-hop
 * sockets are additionally bound to their interface with SO_BINDTODEVICE, so a packet's arrival
 * socket names its interface, which the Your-Discriminator-zero demultiplexing needs (RFC 5880
 * §6.8.6); this costs one socket set per interface, not per session.
 *
 * <p>GTSM (RFC 5881 §5, RFC 5082): packets leave with TTL/hop limit 255; single-hop receive
 * sockets carry a BPF filter (see {@link GtsmFilter}) so the kernel drops anything that crossed a
 * router; multihop receive sockets use the configured rx-ttl floor (RFC 5883 §2). DSCP CS6 (0xC0). These
 * need the native epoll transport; with NIO one warning says they cannot be enforced.
 */
public final class UdpTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int IPPROTO_IP = 0;
    private static final int IP_TTL = 2;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_UNICAST_HOPS = 16;
    private static final int IPV6_TCLASS = 67;
    private static final int DSCP_CS6 = 0xC0;
    private static final int MAX_TTL = 255;
    private static final int MAX_PACKET = 128;
    /**
     * Datagrams per recvmmsg. Measured (perf + JFR, scale harness, one address per session): every
     * read prepares and the native side walks all RECV_BATCH slots (an iovec each, a JNI array
     * element each) and takes a MAX_PACKET * RECV_BATCH buffer, though a socket of one session
     * holds one datagram per wake-up; at 64 that was about a tenth of the agent's CPU. 8 keeps
     * most of the batching for a socket many sessions share (Netty reads again while a batch
     * comes back full) at an eighth of the waste.
     */
    private static final int RECV_BATCH = 8;

    private final EventLoopGroup group;
    private final List<EventLoop> loops;
    private final boolean epoll;
    private final TransportConfig ports;
    private final ConcurrentMap<Endpoint.Key, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final ConcurrentMap<org.odlbfd.api.SessionKey, String> refusals = new ConcurrentHashMap<>();
    private volatile @Nullable BfdEngine engine;

    private UdpTransport(final EventLoopGroup group, final boolean epoll, final TransportConfig ports) {
        this.group = group;
        final List<EventLoop> list = new ArrayList<>();
        for (EventExecutor executor : group) {
            if (executor instanceof EventLoop loop) {
                list.add(loop);
            }
        }
        loops = List.copyOf(list);
        this.epoll = epoll;
        this.ports = ports;
    }

    /**
     * Starts the event loops: native epoll when available, NIO otherwise.
     *
     * @param threads number of event loops (engine shards)
     * @param ports ports to use
     * @return the transport
     */
    public static UdpTransport create(final int threads, final TransportConfig ports) {
        return create(threads, ports, Epoll.isAvailable());
    }

    /**
     * Starts the loops, native epoll or NIO as told (tests check the NIO refusals on Linux).
     *
     * @param threads event loops
     * @param ports ports
     * @param epoll native epoll rather than NIO
     * @return the transport
     */
    static UdpTransport create(final int threads, final TransportConfig ports, final boolean epoll) {
        if (!epoll) {
            LOG.warn("Native epoll unavailable ({}): using NIO; TTL 255 on send and GTSM (drop TTL < 255) cannot "
                + "be enforced: single-hop sessions are refused", String.valueOf(Epoll.unavailabilityCause()));
        }
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
            epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        return new UdpTransport(group, epoll, requireNonNull(ports));
    }

    /**
     * Whether the native epoll transport (and with it GTSM) is in use.
     *
     * @return true with epoll
     */
    public boolean nativeTransport() {
        return epoll;
    }

    /**
     * One scheduler per event loop, for the engine's shards.
     *
     * @return schedulers
     */
    public List<LoopScheduler> schedulers() {
        return loops.stream().map(LoopScheduler::new).toList();
    }

    /**
     * The packet sink of one engine shard.
     *
     * @param scheduler the shard's loop
     * @return sink
     */
    public PacketSink sink(final Scheduler scheduler) {
        final int index = scheduler instanceof LoopScheduler loop ? loops.indexOf(loop.loop()) : -1;
        return new TransportSink(this, Math.max(0, index));
    }

    /**
     * Connects received packets to the engine.
     *
     * @param bfdEngine the engine
     */
    public void attach(final BfdEngine bfdEngine) {
        engine = requireNonNull(bfdEngine);
        final Interfaces interfaces = new Interfaces();
        bfdEngine.pointToPointInterfaces(interfaces::pointToPoint);
    }

    @Nullable BfdEngine engine() {
        return engine;
    }

    /**
     * Opens (and waits for) the sockets a session needs. Call before configuring the session, from
     * a thread that is not an event loop; a session whose sockets are not open yet counts its
     * packets as send failures and opens them in the background.
     *
     * @param config the session
     * @return false when a socket could not be bound (see the log)
     */
    public boolean open(final SessionConfig config) {
        if (refused(config)) {
            return false;
        }
        final Endpoint endpoint = prepare(config);
        boolean ok = true;
        for (ChannelFuture future : endpoint.pending) {
            ok &= future.awaitUninterruptibly().isSuccess();
        }
        return ok;
    }

    /**
     * Opens the sockets a session needs without waiting: the binds of many new addresses then run
     * in parallel on the event loops instead of one after another on the caller's thread.
     *
     * @param config the session
     * @return completes with false when a socket could not be bound (see the log)
     */
    public CompletableFuture<Boolean> openAsync(final SessionConfig config) {
        if (refused(config)) {
            return CompletableFuture.completedFuture(false);
        }
        final List<ChannelFuture> pending = List.copyOf(prepare(config).pending);
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        final AtomicInteger left = new AtomicInteger(pending.size());
        final AtomicBoolean ok = new AtomicBoolean(true);
        if (pending.isEmpty()) {
            done.complete(true);
        }
        for (ChannelFuture future : pending) {
            future.addListener(f -> {
                if (!f.isSuccess()) {
                    ok.set(false);
                }
                if (left.decrementAndGet() == 0) {
                    done.complete(ok.get());
                }
            });
        }
        return done;
    }

    /**
     * NIO can neither send with TTL 255 nor see the received TTL: a single-hop session there would
     * accept packets from anywhere (RFC 5881 §5), so it is refused, in the log and in its status.
     */
    private boolean refused(final SessionConfig config) {
        if (epoll || !config.singleHop()) {
            return false;
        }
        final String reason = "refused: single-hop BFD needs TTL 255 and GTSM (RFC 5881 section 5), which the NIO "
            + "transport of this platform cannot enforce (native epoll: " + (Epoll.isAvailable() ? "not used"
                : Epoll.unavailabilityCause()) + ")";
        refusals.put(config.key(), reason);
        LOG.error("BFD session {} {}", config.name(), reason);
        return true;
    }

    @Override
    public void release(final org.odlbfd.api.SessionKey key) {
        // the fallback keeps its per-address sockets open (the native transport counts references)
        refusals.remove(key);
    }

    @Override
    public @Nullable String status(final SessionConfig config) {
        return refusals.get(config.key());
    }

    @Override
    public String description() {
        return epoll ? "Netty epoll sockets per local address (fallback)" : "Netty NIO (fallback, no single-hop)";
    }

    private Endpoint prepare(final SessionConfig config) {
        final Endpoint endpoint = endpoint(config);
        if (endpoint.key.multiHop() && config.rxTtlFloor() > endpoint.minTtl) {
            raiseFloor(endpoint, config.rxTtlFloor());
        }
        if (!endpoint.key.multiHop() && (config.echoTxUs() > 0 || config.echoRxUs() > 0)) {
            openEcho(endpoint);
        }
        return endpoint;
    }

    Endpoint endpoint(final SessionConfig config) {
        final Endpoint.Key key = keyOf(config);
        final Endpoint existing = endpoints.get(key);
        return existing != null ? existing : endpoints.computeIfAbsent(key, k -> bind(k, config));
    }

    private static Endpoint.Key keyOf(final SessionConfig config) {
        InetAddress local = config.localAddress();
        if (local == null) {
            try {
                local = InetAddress.getByAddress(new byte[config.key().destination().getAddress().length]);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        // a multihop session in a VRF binds its sockets to the VRF device (SO_BINDTODEVICE), which
        // scopes them to the VRF's addresses and table; a single-hop one to its interface, in its VRF
        return new Endpoint.Key(!config.singleHop(), local, config.singleHop() ? config.interfaceName() : config.vrf());
    }

    private Endpoint bind(final Endpoint.Key key, final SessionConfig config) {
        final int senders = epoll ? loops.size() : 1;
        final Endpoint endpoint = new Endpoint(key, key.multiHop() ? config.rxTtlFloor() : 255, senders,
            homeLoop(config));
        final boolean v6 = key.local() instanceof Inet6Address;
        final int rxPort = key.multiHop() ? ports.multiHopPort() : ports.singleHopPort();
        final int txPort = key.multiHop() ? ports.multiHopSourcePort() : ports.singleHopSourcePort();
        // The receive socket lives on the loop of the shard that runs this address's session (the
        // first one, when several share it): a packet then reaches its session on the thread that
        // read it. Registered round-robin instead, most packets were handed to another loop as a
        // task, one allocation, queue hand-off and eventfd wake-up each.
        // GTSM: single-hop drops TTL < 255 (RFC 5881 §5); multihop applies the configured rx-ttl
        // floor (RFC 5883 §2). IP_MINTTL is TCP-only in Linux, hence a BPF filter.
        final GtsmFilter gtsm = endpoint.minTtl > 0 ? new GtsmFilter(v6, endpoint.minTtl) : null;
        endpoint.pending.add(openSocket(endpoint, v6, rxPort, new ReceiveHandler(this, endpoint), true,
            endpoint.home, MAX_TTL, gtsm, c -> endpoint.rx = c));
        // One send socket per event loop (SO_REUSEPORT on the same source address and port), each
        // registered on its own loop: a shard writes and flushes only on its own thread, so writes
        // never hop between threads and every flush is one sendmmsg batch. NIO has no SO_REUSEPORT:
        // one send socket, shared.
        for (int i = 0; i < senders; i++) {
            final int index = i;
            endpoint.pending.add(openSocket(endpoint, v6, txPort, new ReceiveHandler(this, endpoint), false,
                loops.get(i), MAX_TTL, null, c -> endpoint.tx.set(index, c)));
        }
        return endpoint;
    }

    private EventLoopGroup homeLoop(final SessionConfig config) {
        final BfdEngine bound = engine;
        final int index = bound == null ? -1 : bound.shardIndex(config);
        return index >= 0 && index < loops.size() ? loops.get(index) : group;
    }

    /**
     * Opens the Echo socket (UDP 3785) of a single-hop endpoint, once, and only when a session on
     * it runs or loops Echo (RFC 5880 §6.4): we advertise a non-zero Required Min Echo RX Interval
     * only then, so no peer sends us Echo otherwise, and an idle socket per address would only add
     * to the sockets the kernel and epoll carry (with one address per session, a third of them).
     */
    private void openEcho(final Endpoint endpoint) {
        if (endpoint.echoOpened.compareAndSet(false, true)) {
            final boolean v6 = endpoint.key.local() instanceof Inet6Address;
            // Ours leave with 255 (RFC 5881 §4, so that FRR's bfdd bounces IPv6 ones); the IPv4
            // socket drops our own echo looped back locally (see GtsmFilter#unforwardedOwnEcho).
            endpoint.pending.add(openSocket(endpoint, v6, ports.echoPort(), new EchoHandler(this, endpoint), false,
                endpoint.home, MAX_TTL, v6 ? null : GtsmFilter.unforwardedOwnEcho(), c -> endpoint.echo = c));
            // The peer's go back from a socket of their own with 254, as a forwarding plane sends
            // them: a bfdd that saw 255 again would take them for someone else's and bounce them
            // again (FRR 8.4 bp_bfd_echo_in), so they never count as returned there.
            endpoint.pending.add(openSocket(endpoint, v6, 0, new EchoHandler(this, endpoint), false,
                endpoint.home, MAX_TTL - 1, null, c -> endpoint.echoReflect = c));
        }
    }

    private ChannelFuture openSocket(final Endpoint endpoint, final boolean v6, final int port,
            final ChannelHandler handler,
            final boolean receiver, final EventLoopGroup loop, final int ttl, final @Nullable GtsmFilter filter,
            final java.util.function.Consumer<Channel> onBound) {
        final SocketProtocolFamily family = v6 ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        final Bootstrap bootstrap = new Bootstrap().group(loop)
            .channelFactory(() -> epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family))
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_RCVBUF, ports.receiveBufferBytes())
            .handler(handler);
        if (epoll) {
            // recvmmsg: up to RECV_BATCH datagrams per system call (PERF-NOTES rule 2).
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, !receiver)
                .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_PACKET)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_PACKET * RECV_BATCH));
            // RFC 5881 §5: TTL / hop limit 255 on every packet sent; DSCP CS6 (network control).
            bootstrap.option(new IntegerUnixChannelOption("TTL", v6 ? IPPROTO_IPV6 : IPPROTO_IP,
                v6 ? IPV6_UNICAST_HOPS : IP_TTL), ttl);
            bootstrap.option(new IntegerUnixChannelOption("TOS", v6 ? IPPROTO_IPV6 : IPPROTO_IP,
                v6 ? IPV6_TCLASS : 1), DSCP_CS6);
            if (filter != null) {
                endpoint.filters.add(filter);
                bootstrap.option(GtsmFilter.OPTION, filter.value());
            }
            final String ifname = endpoint.key.interfaceName();
            if (ifname != null) {
                final byte[] name = (ifname + "\0").getBytes(StandardCharsets.US_ASCII);
                bootstrap.option(new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE,
                    name.length), ByteBuffer.wrap(name));
            }
        } else {
            bootstrap.option(ChannelOption.IP_TOS, DSCP_CS6);
        }
        final ChannelFuture future = bootstrap.bind(new InetSocketAddress(endpoint.key.local(), port));
        future.addListener(f -> {
            if (f.isSuccess()) {
                onBound.accept(future.channel());
                // DEBUG: with one address per session this is a line per socket, thousands at start
                LOG.debug("BFD socket bound to {} {}", future.channel().localAddress(),
                    endpoint.key.interfaceName() != null ? "on " + endpoint.key.interfaceName() : "");
            } else {
                LOG.warn("Cannot bind BFD socket to {} port {}", endpoint.key.local(), port, f.cause());
            }
        });
        return future;
    }

    /**
     * A multihop socket is shared by the sessions of its address, but its kernel filter has one
     * floor: it must be the highest rx-ttl of them (RFC 5883 §2), so that no session accepts
     * below its own floor. (A session with a lower floor then refuses what lies between: this
     * fallback cannot check per session; the native transport does.)
     */
    private void raiseFloor(final Endpoint endpoint, final int floor) {
        endpoint.minTtl = floor;
        final Channel rx = endpoint.rx;
        final GtsmFilter filter = new GtsmFilter(endpoint.key.local() instanceof Inet6Address, floor);
        endpoint.filters.add(filter);
        if (rx != null && epoll) {
            rx.config().setOption(GtsmFilter.OPTION, filter.value());
        }
        LOG.info("BFD multihop socket {}: rx-ttl floor raised to {}", endpoint.key.local(), floor);
    }

    String echoHint(final SessionConfig config) {
        return ports.echoAddressing().hint(config.key().destination());
    }

    InetSocketAddress peer(final SessionConfig config, final boolean echo) {
        final int port = echo ? ports.peerEchoPort()
            : config.singleHop() ? ports.peerSingleHopPort() : ports.peerMultiHopPort();
        final InetAddress local = config.localAddress();
        if (echo && ports.echoToSelf(config.key().destination()) && local != null) {
            // RFC 5881 §4: addressed so that the peer's forwarding plane sends it back to us. Only a
            // policy route (see impl/README.md, "Echo") takes it to the peer; without one the
            // kernel loops it through lo and the echo socket's filter drops it.
            return new InetSocketAddress(local, port);
        }
        return new InetSocketAddress(config.key().destination(), port);
    }

    void reflect(final Endpoint endpoint, final ByteBuf payload, final InetSocketAddress sender) {
        final Channel channel = endpoint.echoReflect;
        if (channel == null) {
            payload.release();
            return;
        }
        channel.writeAndFlush(new io.netty.channel.socket.DatagramPacket(payload, sender), channel.voidPromise());
    }

    @Override
    public void close() {
        for (Endpoint endpoint : endpoints.values()) {
            final List<Channel> channels = new ArrayList<>();
            for (int i = 0; i < endpoint.tx.length(); i++) {
                channels.add(endpoint.tx.get(i));
            }
            channels.add(endpoint.rx);
            channels.add(endpoint.echo);
            channels.add(endpoint.echoReflect);
            for (Channel channel : channels) {
                if (channel != null) {
                    channel.close().awaitUninterruptibly();
                }
            }
        }
        endpoints.clear();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
