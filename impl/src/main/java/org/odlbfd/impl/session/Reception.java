/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import io.netty.buffer.ByteBuf;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.State;
import org.odlbfd.impl.auth.Authenticator;
import org.odlbfd.impl.fsm.BfdEvent;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;

/**
 * The per-session reception checks of RFC 5880 §6.8.6, before any state variable changes.
 */
final class Reception {
    private Reception() {
        // functions only
    }

    static @Nullable RejectReason check(final ControlPacket packet, final @Nullable ByteBuf datagram,
            final SessionConfig config, final int localDiscr, final @Nullable Authenticator auth) {
        // The codec applies these context-free rules too; repeating them costs nothing and keeps a
        // session safe when a packet reaches it by another path (RFC 5880 §6.8.6).
        if (packet.detectMult() == 0) {
            return RejectReason.ZERO_DETECT_MULT;
        }
        if (packet.multipoint()) {
            return RejectReason.MULTIPOINT;
        }
        if (packet.myDiscriminator() == 0) {
            return RejectReason.ZERO_MY_DISCRIMINATOR;
        }
        final int your = packet.yourDiscriminator();
        if (your == 0 && packet.state() != State.DOWN && packet.state() != State.ADMIN_DOWN) {
            return RejectReason.ZERO_YOUR_DISCRIMINATOR;
        }
        if (your != 0 && your != localDiscr) {
            return RejectReason.UNKNOWN_DISCRIMINATOR;
        }
        // Static discriminators (Huawei "static mode"): the peer must use the configured one.
        if (config.staticRemoteDiscr() != 0 && packet.myDiscriminator() != config.staticRemoteDiscr()) {
            return RejectReason.UNKNOWN_DISCRIMINATOR;
        }
        // RFC 5880 §6.8.6: the A bit must match whether authentication is in use.
        if (packet.authPresent() != (auth != null)) {
            return RejectReason.AUTH_MISMATCH;
        }
        if (auth != null) {
            return datagram == null ? RejectReason.AUTH_FAILED : auth.verify(datagram, packet, config.detectMult());
        }
        return null;
    }

    static BfdEvent event(final State state) {
        return switch (state) {
            case ADMIN_DOWN -> BfdEvent.RX_ADMIN_DOWN;
            case DOWN -> BfdEvent.RX_DOWN;
            case INIT -> BfdEvent.RX_INIT;
            case UP -> BfdEvent.RX_UP;
        };
    }
}
