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
import java.nio.file.Path;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One AF_NETLINK socket (netlink(7)): the raw datagram calls only. Messages (struct nlmsghdr and
 * its payload, in native byte order) are built and parsed by the caller in a direct buffer.
 * Not thread-safe: one owner thread per socket.
 */
public final class Netlink implements AutoCloseable {
    /** NETLINK_ROUTE: links, addresses, routes, neighbours (rtnetlink(7)). */
    public static final int NETLINK_ROUTE = 0;

    private final int fd;
    private boolean closed;

    private Netlink(final int fd) {
        this.fd = fd;
    }

    /**
     * Opens and binds a netlink socket.
     *
     * @param protocol e.g. {@link #NETLINK_ROUTE}
     * @param groups multicast groups to join (RTMGRP_* bit mask), 0 for none
     * @param receiveBufferBytes SO_RCVBUF, or 0 for the system default
     * @return the socket
     * @throws IOException when the kernel refuses
     */
    public static Netlink open(final int protocol, final int groups, final int receiveBufferBytes)
            throws IOException {
        NativeLibrary.ensureAvailable();
        return new Netlink(open0(protocol, groups, receiveBufferBytes));
    }

    /**
     * Opens and binds a netlink socket inside another network namespace: the socket belongs to that
     * namespace for good (its routes, links, addresses), whichever thread uses it. The calling thread
     * enters the namespace only while the socket is created.
     *
     * @param protocol e.g. {@link #NETLINK_ROUTE}
     * @param groups multicast groups to join (RTMGRP_* bit mask), 0 for none
     * @param receiveBufferBytes SO_RCVBUF, or 0 for the system default
     * @param netns the namespace file, e.g. {@code /run/netns/NAME}; null for the caller's namespace
     * @return the socket
     * @throws IOException when the kernel refuses (entering a namespace needs CAP_SYS_ADMIN)
     */
    public static Netlink open(final int protocol, final int groups, final int receiveBufferBytes,
            final @Nullable Path netns) throws IOException {
        if (netns == null) {
            return open(protocol, groups, receiveBufferBytes);
        }
        NativeLibrary.ensureAvailable();
        return new Netlink(openIn0(protocol, groups, receiveBufferBytes, netns.toString()));
    }

    /**
     * The port id the kernel assigned (nl_pid): requests carry it, replies are addressed to it.
     *
     * @return the port id
     * @throws IOException when the kernel refuses
     */
    public int portId() throws IOException {
        return portId0(fd);
    }

    /**
     * Sends one datagram (one or more netlink messages) to the kernel.
     *
     * @param buffer a direct buffer; bytes from its position to its limit are sent
     * @throws IOException when the kernel refuses
     */
    public void send(final ByteBuffer buffer) throws IOException {
        final int sent = send0(fd, buffer, buffer.position(), buffer.remaining());
        buffer.position(buffer.position() + sent);
    }

    /**
     * Receives one datagram into {@code buffer} at its position and sets its limit after it.
     *
     * @param buffer a direct buffer, large enough for one datagram (the kernel's are up to 32 KiB)
     * @param timeoutMillis how long to wait; 0 returns at once, -1 waits for ever
     * @return the datagram's length, 0 on timeout
     * @throws IOException when the kernel refuses or the datagram does not fit
     */
    public int receive(final ByteBuffer buffer, final int timeoutMillis) throws IOException {
        final int start = buffer.position();
        final int got = receive0(fd, buffer, start, buffer.remaining(), timeoutMillis);
        buffer.limit(start + got);
        return got;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            close0(fd);
        }
    }

    private static native int open0(int protocol, int groups, int rcvbuf) throws IOException;

    private static native int openIn0(int protocol, int groups, int rcvbuf, String netns) throws IOException;

    private static native int portId0(int fd) throws IOException;

    private static native int send0(int fd, ByteBuffer buffer, int offset, int length) throws IOException;

    private static native int receive0(int fd, ByteBuffer buffer, int offset, int length, int timeoutMillis)
        throws IOException;

    private static native void close0(int fd);
}
