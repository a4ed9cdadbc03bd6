/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * BFD Control datagrams from the captures in src/test/resources/packet.
 */
public final class BfdCaptures {
    /** RFC 5881 §4 single hop, RFC 5883 §5 multihop, RFC 7130 §2.2 micro-BFD; not 3785 (echo). */
    private static final Set<Integer> CONTROL_PORTS = Set.of(3784, 4784, 6784);

    private BfdCaptures() {
        // static only
    }

    /**
     * The Control datagrams of a capture.
     *
     * @param name file name under /packet/
     * @return datagrams in capture order
     */
    public static List<PcapReader.UdpDatagram> control(final String name) {
        return PcapReader.read("/packet/" + name).stream()
            .filter(datagram -> CONTROL_PORTS.contains(datagram.destinationPort()))
            .toList();
    }

    /**
     * The payload in a fresh heap buffer.
     *
     * @param datagram datagram
     * @return buffer holding exactly the payload
     */
    public static ByteBuf buffer(final PcapReader.UdpDatagram datagram) {
        return Unpooled.wrappedBuffer(datagram.payload());
    }

    /**
     * A text resource under /packet/.
     *
     * @param name file name
     * @return the lines
     */
    public static List<String> lines(final String name) {
        try (InputStream in = BfdCaptures.class.getResourceAsStream("/packet/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
