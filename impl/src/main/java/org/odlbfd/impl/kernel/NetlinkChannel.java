/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.linux.Netlink;

/**
 * A request/reply rtnetlink socket: sequence numbers, batches of requests in one datagram and
 * their acknowledgements, and dumps. Every wait is bounded. One owner thread.
 */
final class NetlinkChannel implements AutoCloseable {
    /** One datagram's worth; the kernel's dump datagrams are at most 32 KiB. */
    static final int BUFFER = 64 * 1024;
    private static final int TIMEOUT_MS = 5_000;

    /**
     * The kernel's answer to one request.
     *
     * @param errno 0 for success, else the (positive) errno
     * @param message the extended-ack message, or null
     */
    record Ack(int errno, @Nullable String message) {
        boolean ok() {
            return errno == 0;
        }

        @Override
        public String toString() {
            return errno == 0 ? "ok" : "errno " + errno + (message == null ? "" : " (" + message + ")");
        }
    }

    /** Receives each message of a dump. */
    @FunctionalInterface
    interface Handler {
        void message(ByteBuffer buf, int start, int length, short type);
    }

    private final Netlink socket;
    private final ByteBuffer rx = NlMessage.buffer(BUFFER);
    private int seq = (int) (System.nanoTime() & 0x3FFF_FFFF);

    NetlinkChannel(final @Nullable Path netns) throws IOException {
        socket = Netlink.open(Netlink.NETLINK_ROUTE, 0, 1 << 20, netns);
    }

    int nextSeq() {
        return ++seq;
    }

    /**
     * Sends requests (each with NLM_F_ACK) and collects their acknowledgements.
     *
     * @param requests the messages, flipped
     * @param first the first request's sequence number
     * @param last the last one's
     * @return the acknowledgement of each sequence number that answered in time
     * @throws IOException when the socket fails
     */
    Map<Integer, Ack> transact(final ByteBuffer requests, final int first, final int last) throws IOException {
        final Map<Integer, Ack> acks = new HashMap<>();
        exchange(requests, (start, length, type, mseq) -> {
            if (type == NlMessage.NLMSG_ERROR && mseq - first >= 0 && last - mseq >= 0) {
                acks.put(mseq, ack(rx, start, length));
            }
            return acks.size() == last - first + 1;
        });
        // a request whose ack did not come in time is simply absent: the caller reports it unanswered
        return acks;
    }

    private static Ack ack(final ByteBuffer buf, final int start, final int length) {
        final int errno = -buf.getInt(start + NlMessage.HEADER);
        String message = null;
        final short flags = buf.getShort(start + 6);
        if ((flags & NlMessage.NLM_F_ACK_TLVS) != 0) {
            // after the error code: the request's header (capped) or the whole request
            final int echoed = (flags & NlMessage.NLM_F_CAPPED) != 0 ? NlMessage.HEADER
                : buf.getInt(start + NlMessage.HEADER + 4);
            final var attrs = new NlMessage.Attrs(buf, start + NlMessage.HEADER + 4 + NlMessage.align(echoed),
                start + length);
            while (attrs.advance()) {
                if (attrs.type() == NlMessage.NLMSGERR_ATTR_MSG) {
                    message = new String(attrs.bytes(), StandardCharsets.US_ASCII).replace("\0", "");
                }
            }
        }
        return new Ack(errno, message);
    }

    /**
     * Sends one request whose answer is one message (e.g. RTM_GETROUTE for an address) and hands it
     * to the handler.
     *
     * @param request the request, flipped
     * @param requestSeq its sequence number
     * @param handler receives the answer
     * @throws IOException when the socket fails, the kernel refuses or does not answer in time
     */
    void get(final ByteBuffer request, final int requestSeq, final Handler handler) throws IOException {
        final boolean answered = exchange(request, (start, length, type, mseq) -> {
            if (mseq != requestSeq) {
                return false;
            }
            if (type == NlMessage.NLMSG_ERROR) {
                throw new IOException("request refused: " + ack(rx, start, length));
            }
            handler.message(rx, start, length, type);
            return true;
        });
        if (!answered) {
            throw new IOException("no answer within " + TIMEOUT_MS + " ms");
        }
    }

    /**
     * Runs a dump and hands every message to the handler.
     *
     * @param request the dump request, flipped
     * @param requestSeq its sequence number
     * @param handler receives the messages
     * @throws IOException when the socket fails, the kernel refuses or the dump does not end in time
     */
    void dump(final ByteBuffer request, final int requestSeq, final Handler handler) throws IOException {
        final boolean ended = exchange(request, (start, length, type, mseq) -> {
            if (mseq != requestSeq) {
                return false;
            }
            if (type == NlMessage.NLMSG_DONE) {
                return true;
            }
            if (type == NlMessage.NLMSG_ERROR) {
                throw new IOException("dump refused: " + ack(rx, start, length));
            }
            handler.message(rx, start, length, type);
            return false;
        });
        if (!ended) {
            throw new IOException("dump did not end within " + TIMEOUT_MS + " ms");
        }
    }

    /** Sees each whole message of an exchange, in order. */
    @FunctionalInterface
    private interface Reader {
        /**
         * One message in {@code rx}.
         *
         * @return true when the exchange has all it waits for
         */
        boolean complete(int start, int length, short type, int seq) throws IOException;
    }

    /**
     * Sends a request and reads the datagrams that come back, message by message, until the reader
     * has all it waits for. Replies to other requests (an earlier exchange that timed out) are in the
     * same socket and pass by the reader too, which skips them by sequence number. A truncated
     * message ends its datagram. Bounded: nothing for TIMEOUT_MS, or TIMEOUT_MS in all, ends it.
     *
     * @return true when the reader completed, false when the time ran out first
     */
    private boolean exchange(final ByteBuffer request, final Reader reader) throws IOException {
        socket.send(request);
        final long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            rx.clear();
            if (socket.receive(rx, TIMEOUT_MS) == 0) {
                return false;
            }
            int at = 0;
            while (at + NlMessage.HEADER <= rx.limit()) {
                final int length = rx.getInt(at);
                if (length < NlMessage.HEADER || at + length > rx.limit()) {
                    break;
                }
                if (reader.complete(at, length, rx.getShort(at + 4), rx.getInt(at + 8))) {
                    return true;
                }
                at += NlMessage.align(length);
            }
        }
        return false;
    }

    @Override
    public void close() {
        socket.close();
    }
}
