/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.session.SessionConfig;

/**
 * Everything another thread can ask of the engine, through {@link BfdEngine#submit(EngineInput)}.
 */
public sealed interface EngineInput {
    /**
     * Operator configuration: create, or replace the timers of, a session.
     *
     * @param config the configuration
     * @param done completes when applied, exceptionally when refused
     */
    record Configure(SessionConfig config, CompletableFuture<Void> done) implements EngineInput {
    }

    /**
     * Operator configuration removed: AdminDown is sent, then the session goes (unless clients hold it).
     *
     * @param key session
     * @param done completes when applied
     */
    record Unconfigure(SessionKey key, CompletableFuture<Void> done) implements EngineInput {
    }

    /**
     * Operator admin-down / admin-up (RFC 5880 §6.8.16).
     *
     * @param key session
     * @param adminDown true to disable
     * @param done completes when applied
     */
    record AdminState(SessionKey key, boolean adminDown, CompletableFuture<Void> done) implements EngineInput {
    }

    /**
     * A client registers.
     *
     * @param registration the registration
     */
    record Register(ClientRegistration registration) implements EngineInput {
    }

    /**
     * A client asks for other timers.
     *
     * @param registration the registration
     * @param params the timers
     */
    record Update(ClientRegistration registration, SessionParams params) implements EngineInput {
    }

    /**
     * A client unregisters.
     *
     * @param registration the registration
     */
    record Unregister(ClientRegistration registration) implements EngineInput {
    }

    /**
     * A received Control packet. Either {@code packet} is given (decoded already, no raw bytes) or
     * {@code datagram} is (the engine decodes it and releases it).
     *
     * @param demuxKey the key to find the session by while Your Discriminator is zero
     * @param packet the decoded packet, or null
     * @param datagram the raw UDP payload, or null; ownership passes to the engine
     * @param transportReject a reject the transport already decided (TTL), or null
     */
    record Received(SessionKey demuxKey, @Nullable ControlPacket packet, @Nullable ByteBuf datagram,
            @Nullable RejectReason transportReject) implements EngineInput {
    }

    /**
     * An Echo packet arrived: one of ours coming back, or the peer's to be looped back.
     *
     * @param localDiscr the discriminator it carried
     * @param notOurs run when no session of ours has that discriminator (the transport then
     *     reflects the packet to its sender); null when it must not be reflected (already looped
     *     back once), so that an unclaimed packet is counted as BAD_ECHO
     */
    record EchoReturned(int localDiscr, @Nullable Runnable notOurs) implements EngineInput {
    }

    /**
     * The operator clears a session's statistics (counters to zero, state untouched).
     *
     * @param key session
     * @param done completes with true when the session exists and was cleared, false when there is none
     */
    record ClearStatistics(SessionKey key, CompletableFuture<Boolean> done) implements EngineInput {
    }

    /**
     * Asks for a session's snapshot.
     *
     * @param key session
     * @param answer receives the snapshot, or null when there is no such session
     */
    record Query(SessionKey key, Consumer<@Nullable SessionSnapshot> answer) implements EngineInput {
    }
}
