/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.engine.Arrival;
import org.odlbfd.impl.linux.UdpSocket;

/**
 * A reusable view of one received slot of a {@link LoopSocket}'s buffer (header fields of
 * {@link UdpSocket}): the engine checks the arrival against its session through it without any
 * object being made for a datagram that is dropped. Valid only while the engine call runs.
 */
final class NativeArrival implements Arrival {
    private final boolean multiHop;
    private final @Nullable String vrf;
    private final Interfaces interfaces;
    private ByteBuffer header = ByteBuffer.allocate(0);
    private int slot;

    NativeArrival(final boolean multiHop, final @Nullable String vrf, final Interfaces interfaces) {
        this.multiHop = multiHop;
        this.vrf = vrf;
        this.interfaces = interfaces;
    }

    /**
     * Points the view at a slot.
     *
     * @param buffer the receive buffer, native byte order
     * @param slotOffset the slot
     */
    void on(final ByteBuffer buffer, final int slotOffset) {
        header = buffer;
        slot = slotOffset;
    }

    int addressLength() {
        return header.getInt(slot + UdpSocket.SLOT_FAMILY) == 6 ? 16 : 4;
    }

    int ifindex() {
        return header.getInt(slot + UdpSocket.SLOT_IFINDEX);
    }

    @Override
    public boolean multiHop() {
        return multiHop;
    }

    @Override
    public int ttl() {
        return header.getInt(slot + UdpSocket.SLOT_TTL);
    }

    @Override
    public @Nullable String interfaceName() {
        return interfaces.name(ifindex());
    }

    @Override
    public boolean sourceIs(final byte[] address) {
        return equal(UdpSocket.SLOT_SRC, address);
    }

    @Override
    public boolean destinationIs(final byte[] address) {
        return equal(UdpSocket.SLOT_DST, address);
    }

    private boolean equal(final int field, final byte[] address) {
        if (address.length != addressLength()) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            if (header.get(slot + field + i) != address[i]) {
                return false;
            }
        }
        return true;
    }

    InetAddress source() {
        return address(UdpSocket.SLOT_SRC);
    }

    InetAddress destination() {
        return address(UdpSocket.SLOT_DST);
    }

    private InetAddress address(final int field) {
        final byte[] bytes = new byte[addressLength()];
        header.get(slot + field, bytes);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public SessionKey demuxKey() {
        if (multiHop) {
            // a multihop session is keyed by its VRF too (odl-bfd-ext vrf): the socket's VRF
            return new MultiHopKey(destination(), source(), vrf);
        }
        final String ifname = interfaceName();
        return new SingleHopKey(ifname != null ? ifname : "ifindex" + ifindex(), source());
    }
}
