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
     * Operator configuration removed: the session sends AdminDown for a Detection Time, then goes
     * (unless clients hold it; RFC 5880 §6.8.16).
     *
     * @param key session
     * @param done completes when the session is gone (or at once when clients keep it)
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
     * A client asks for a verification Poll (RFC 5880 §6.5, §6.6).
     *
     * @param key session
     * @param result completes with true at the Final, false otherwise (see
     *     {@link org.odlbfd.api.BfdSessionService#verify}), exceptionally when there is no such session
     */
    record Verify(SessionKey key, CompletableFuture<Boolean> result) implements EngineInput {
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
     * @param arrival how it arrived (port kind, TTL, interface, addresses), checked against the
     *     selected session by {@link PacketAcceptance}; null when the caller vouches for it (tests)
     */
    record Received(SessionKey demuxKey, @Nullable ControlPacket packet, @Nullable ByteBuf datagram,
            @Nullable RejectReason transportReject, @Nullable RxMeta arrival) implements EngineInput {
        /**
         * A received packet without arrival data.
         *
         * @param demuxKey the key to find the session by while Your Discriminator is zero
         * @param packet the decoded packet, or null
         * @param datagram the raw UDP payload, or null; ownership passes to the engine
         * @param transportReject a reject the transport already decided (TTL), or null
         */
        public Received(final SessionKey demuxKey, final @Nullable ControlPacket packet,
                final @Nullable ByteBuf datagram, final @Nullable RejectReason transportReject) {
            this(demuxKey, packet, datagram, transportReject, null);
        }
    }

    /**
     * An Echo packet arrived on UDP 3785 (RFC 5880 §6.4, RFC 5881 §4): one of ours coming back, or
     * the peer's, for us to loop back. The payload layout is FRR's, which ours shares: version,
     * length, a looped-back mark, the sender's discriminator (bytes 4-7), a sequence number (8-15)
     * and, in ours, the session's nonce (16-23).
     *
     * @param discr the payload's discriminator
     * @param sequence the payload's sequence number
     * @param nonce the payload's nonce
     * @param reflected whether a system has looped it back already (never loop it again)
     * @param arrival how it arrived
     * @param payload the payload bytes, to loop back
     */
    record EchoArrived(int discr, long sequence, long nonce, boolean reflected, RxMeta arrival, byte[] payload)
            implements EngineInput {
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
