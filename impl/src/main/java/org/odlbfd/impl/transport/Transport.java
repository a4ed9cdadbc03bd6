/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import io.netty.channel.epoll.Epoll;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.linux.NativeLibrary;
import org.odlbfd.impl.session.PacketSink;
import org.odlbfd.impl.session.Scheduler;
import org.odlbfd.impl.session.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP transport of the engine: event loops (one per engine shard), sockets and packet sinks.
 * {@link NativeTransport} (libodlbfd: wildcard sockets with per-datagram ancillary data, one per
 * port, family, VRF and loop) is the one the product runs; {@link UdpTransport} (Netty sockets
 * per local address) is the fallback where libodlbfd cannot load.
 */
public interface Transport extends AutoCloseable {
    /**
     * Starts the best transport this platform has, and logs which.
     *
     * @param threads event loops
     * @param ports ports
     * @return the transport
     */
    static Transport create(final int threads, final TransportConfig ports) {
        final Logger log = LoggerFactory.getLogger(Transport.class);
        if (NativeLibrary.isAvailable() && Epoll.isAvailable()) {
            return NativeTransport.create(threads, ports);
        }
        log.warn("BFD transport: libodlbfd ({}) or native epoll ({}) unavailable: falling back to Netty sockets per "
            + "local address; multihop rx-ttl is enforced per socket (the highest floor of its sessions)",
            NativeLibrary.unavailabilityCause(), Epoll.isAvailable() ? "ok" : Epoll.unavailabilityCause());
        return UdpTransport.create(threads, ports);
    }

    /**
     * One scheduler per event loop, for the engine's shards.
     *
     * @return schedulers
     */
    List<LoopScheduler> schedulers();

    /**
     * The packet sink of one engine shard.
     *
     * @param scheduler the shard's loop
     * @return sink
     */
    PacketSink sink(Scheduler scheduler);

    /**
     * Connects received packets to the engine.
     *
     * @param engine the engine
     */
    void attach(BfdEngine engine);

    /**
     * Opens (and waits for) the sockets a session needs, or takes another reference on them. Call
     * before configuring the session, and again when its configuration changes.
     *
     * @param config the session
     * @return false when a socket could not be opened ({@link #status} says why)
     */
    boolean open(SessionConfig config);

    /**
     * {@link #open} without blocking the caller.
     *
     * @param config the session
     * @return completes with what open returns
     */
    CompletableFuture<Boolean> openAsync(SessionConfig config);

    /**
     * The session no longer needs its sockets (it was deleted): they close with their last session.
     *
     * @param key the session
     */
    void release(SessionKey key);

    /**
     * Why a session's sockets could not be opened.
     *
     * @param config the session
     * @return the reason, or null when they are open
     */
    @Nullable String status(SessionConfig config);

    /**
     * Whether TTL 255 and GTSM are enforced (native epoll or libodlbfd).
     *
     * @return true when native
     */
    boolean nativeTransport();

    /**
     * A short description for the log and the agent's {@code stats}.
     *
     * @return description
     */
    String description();

    /**
     * Datagrams the kernel dropped for full receive buffers (SO_RXQ_OVFL), a health figure
     * (PERF-NOTES rule 6); 0 where the transport cannot tell.
     *
     * @return count
     */
    default long kernelDrops() {
        return 0;
    }

    @Override
    void close();
}
