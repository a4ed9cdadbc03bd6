/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.auth;

import io.netty.buffer.ByteBuf;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.packet.AuthSection;
import org.odlbfd.impl.packet.ControlPacket;
import org.odlbfd.impl.packet.RejectReason;

/**
 * One RFC 5880 §6.7 authentication type, behind the {@link Authenticator} facade.
 */
sealed interface AuthStrategy permits SimplePasswordAuth, KeyedDigestAuth {
    /**
     * Encodes {@code packet} with a signed section; see {@link Authenticator#encode}.
     */
    boolean encode(ControlPacket packet, ByteBuf out);

    /**
     * Verifies {@code auth}, whose type the facade has already matched against bfd.AuthType.
     *
     * @param window the sequence acceptance window, 3 x Detect Mult
     */
    @Nullable RejectReason verify(ByteBuf datagram, ControlPacket packet, AuthSection auth, int window);

    /**
     * Resets bfd.AuthSeqKnown (RFC 5880 §6.8.1).
     */
    void forgetSequence();
}
