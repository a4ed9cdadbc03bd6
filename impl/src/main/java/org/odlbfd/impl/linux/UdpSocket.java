/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A UDP socket bound to the wildcard address, with per-datagram ancillary data (libodlbfd,
 * {@code odlbfd_udp.c}): each received datagram tells its destination address, interface index and
 * TTL / hop limit (IP_PKTINFO + IP_RECVTTL, IPV6_RECVPKTINFO + IPV6_RECVHOPLIMIT); each sent one
 * names its source address, interface and, where it differs from the socket's, its TTL. Datagrams
 * move in batches (recvmmsg / sendmmsg, PERF-NOTES rules 1-2) through a direct buffer of
 * fixed-size slots: a {@value #SLOT_HEADER}-byte header (offsets {@code SLOT_*}, native byte
 * order) followed by the payload.
 *
 * <p>Every option asked for at {@link #open} is critical: when one fails the socket is closed and
 * open throws, so that no socket runs without its TTL, its device binding or its ancillary data.
 * Not thread-safe: one owner thread (an event loop) per socket.
 */
public final class UdpSocket implements AutoCloseable {
    /** int: payload length; -1 when a received datagram did not fit its slot. */
    public static final int SLOT_LENGTH = 0;
    /** int: interface index the datagram arrived on / is to leave from (0: any). */
    public static final int SLOT_IFINDEX = 4;
    /** int: received TTL / hop limit (-1 unknown); to send: 0 for the socket's TTL, else this TTL. */
    public static final int SLOT_TTL = 8;
    /** int: the sender's port (received) / the destination port (to send). */
    public static final int SLOT_PORT = 12;
    /** int: 4 or 6. */
    public static final int SLOT_FAMILY = 16;
    /** int: received: the socket's SO_RXQ_OVFL drop count; sent: the errno that refused it, 0 if sent. */
    public static final int SLOT_STATUS = 20;
    /** 16 bytes: source address (IPv4 in the first four). */
    public static final int SLOT_SRC = 24;
    /** 16 bytes: destination address (IPv4 in the first four). */
    public static final int SLOT_DST = 40;
    /** Header size; the payload starts here. */
    public static final int SLOT_HEADER = 64;
    /** Most datagrams one receive or send call moves. */
    public static final int MAX_BATCH = 64;

    private final int fd;
    private boolean closed;

    private UdpSocket(final int fd) {
        this.fd = fd;
    }

    /**
     * Opens a non-blocking UDP socket bound to the wildcard address.
     *
     * @param v6 IPv6 (IPV6_V6ONLY) rather than IPv4
     * @param port local port
     * @param device SO_BINDTODEVICE (a VRF device), or null
     * @param reusePort SO_REUSEPORT: one socket of a group, one per event loop
     * @param receiveBufferBytes SO_RCVBUF, 0 for the default
     * @param ttl default TTL / hop limit of what is sent
     * @param tos IP_TOS / IPV6_TCLASS (DSCP CS6 is 0xC0)
     * @return the socket
     * @throws IOException naming the option or call the kernel refused
     */
    public static UdpSocket open(final boolean v6, final int port, final @Nullable String device,
            final boolean reusePort, final int receiveBufferBytes, final int ttl, final int tos) throws IOException {
        NativeLibrary.ensureAvailable();
        return new UdpSocket(open0(v6, port, device, reusePort, receiveBufferBytes, ttl, tos));
    }

    /**
     * Attaches a classic BPF socket filter (SO_ATTACH_FILTER).
     *
     * @param program two ints per instruction: {@code code | jt << 16 | jf << 24}, then {@code k}
     * @throws IOException when the kernel refuses it
     */
    public void attachFilter(final int[] program) throws IOException {
        attach0(fd, program, false);
    }

    /**
     * Attaches the reuseport group's selector (SO_ATTACH_REUSEPORT_CBPF): the program's result is the
     * index, in bind order, of the group's socket that receives the datagram; an index past the
     * group falls back to the kernel's hash.
     *
     * @param program as {@link #attachFilter(int[])}
     * @throws IOException when the kernel refuses it
     */
    public void attachSteering(final int[] program) throws IOException {
        attach0(fd, program, true);
    }

    /**
     * The file descriptor, for epoll registration.
     *
     * @return fd
     */
    public int fd() {
        return fd;
    }

    /**
     * Receives up to {@code slots} datagrams without blocking.
     *
     * @param buffer direct buffer of at least {@code slots * slotSize} bytes, from index 0
     * @param slots at most {@link #MAX_BATCH}
     * @param slotSize bytes per slot, header included
     * @return datagrams received, 0 when none was waiting
     * @throws IOException when the kernel reports an error
     */
    public int receive(final ByteBuffer buffer, final int slots, final int slotSize) throws IOException {
        return receive0(fd, buffer, Math.min(slots, MAX_BATCH), slotSize);
    }

    /**
     * Sends {@code count} prepared slots in one sendmmsg (more when one is refused). Afterwards each
     * slot's {@link #SLOT_STATUS} holds 0 or the errno that refused it.
     *
     * @param buffer direct buffer of prepared slots from index 0
     * @param count slots, at most {@link #MAX_BATCH}
     * @param slotSize bytes per slot, header included
     * @return datagrams sent
     * @throws IOException on a bad buffer
     */
    public int send(final ByteBuffer buffer, final int count, final int slotSize) throws IOException {
        return send0(fd, buffer, Math.min(count, MAX_BATCH), slotSize);
    }

    /**
     * The index of a network interface.
     *
     * @param name interface name
     * @return its index, 0 when there is none
     */
    public static int interfaceIndex(final String name) {
        NativeLibrary.ensureAvailable();
        return ifindex0(name);
    }

    /**
     * The name of a network interface.
     *
     * @param index interface index
     * @return its name, or null when there is none
     */
    public static @Nullable String interfaceName(final int index) {
        NativeLibrary.ensureAvailable();
        return ifname0(index);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            close0(fd);
        }
    }

    private static native int open0(boolean v6, int port, @Nullable String device, boolean reusePort, int rcvbuf,
        int ttl, int tos) throws IOException;

    private static native void attach0(int fd, int[] program, boolean steering) throws IOException;

    private static native int receive0(int fd, ByteBuffer buffer, int slots, int slotSize) throws IOException;

    private static native int send0(int fd, ByteBuffer buffer, int count, int slotSize) throws IOException;

    private static native void close0(int fd);

    private static native int ifindex0(String name);

    private static native @Nullable String ifname0(int index);
}
