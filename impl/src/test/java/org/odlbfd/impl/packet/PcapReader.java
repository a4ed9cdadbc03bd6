/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small capture reader for golden tests: classic pcap (either byte order, micro or nano
 * seconds) and pcapng (Section Header, Interface Description, Enhanced and Simple Packet blocks),
 * with Ethernet (and 802.1Q), Linux cooked SLL and SLL2, and raw IP link types, carrying IPv4 or
 * IPv6 and UDP. Fragments and IPv6 extension headers are not followed: BFD never needs them.
 */
public final class PcapReader {
    /** One UDP datagram from a capture. */
    public record UdpDatagram(int frame, InetAddress source, InetAddress destination, int ttl, int sourcePort,
            int destinationPort, byte[] payload) {
        public UdpDatagram {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }
    }

    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_IDB = 1;
    private static final int PCAPNG_SPB = 3;
    private static final int PCAPNG_EPB = 6;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int UDP = 17;

    private final List<UdpDatagram> datagrams = new ArrayList<>();
    private int frame;

    private PcapReader() {
        // via read()
    }

    /**
     * Reads every UDP datagram of a capture on the test class path.
     *
     * @param resource class-path resource name, e.g. "/packet/frr-bfd-single-hop.pcap"
     * @return datagrams in capture order
     */
    public static List<UdpDatagram> read(final String resource) {
        try (InputStream in = PcapReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every UDP datagram of a capture.
     *
     * @param file the capture's bytes
     * @return datagrams in capture order
     */
    public static List<UdpDatagram> read(final byte[] file) {
        final PcapReader reader = new PcapReader();
        final ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt(0) == PCAPNG_SHB) {
            reader.readPcapng(buf);
        } else {
            reader.readPcap(buf);
        }
        return List.copyOf(reader.datagrams);
    }

    /**
     * The link type of a classic pcap file, or of the first interface of a pcapng file.
     *
     * @param file the capture's bytes
     * @return the LINKTYPE_ value
     */
    public static int linkType(final byte[] file) {
        final ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt(0) == PCAPNG_SHB) {
            setPcapngOrder(buf, 0);
            final int idb = buf.getInt(4);
            if (buf.getInt(idb) != PCAPNG_IDB) {
                throw new IllegalArgumentException("pcapng without an interface block after the section header");
            }
            return Short.toUnsignedInt(buf.getShort(idb + 8));
        }
        setPcapOrder(buf);
        return buf.getInt(20);
    }

    private void readPcap(final ByteBuffer buf) {
        setPcapOrder(buf);
        final int linkType = buf.getInt(20);
        int offset = 24;
        while (offset + 16 <= buf.limit()) {
            final int captured = buf.getInt(offset + 8);
            frame(linkType, Arrays.copyOfRange(buf.array(), offset + 16, offset + 16 + captured));
            offset += 16 + captured;
        }
    }

    private void readPcapng(final ByteBuffer buf) {
        final Map<Integer, Integer> linkTypes = new HashMap<>();
        int offset = 0;
        int interfaces = 0;
        while (offset + 12 <= buf.limit()) {
            if (buf.getInt(offset) == PCAPNG_SHB) {
                setPcapngOrder(buf, offset);
                linkTypes.clear();
                interfaces = 0;
            }
            final int type = buf.getInt(offset);
            final int length = buf.getInt(offset + 4);
            if (length < 12 || offset + length > buf.limit()) {
                throw new IllegalArgumentException("bad pcapng block length " + length + " at " + offset);
            }
            switch (type) {
                case PCAPNG_IDB -> linkTypes.put(interfaces++, Short.toUnsignedInt(buf.getShort(offset + 8)));
                case PCAPNG_EPB -> {
                    final int captured = buf.getInt(offset + 20);
                    frame(linkTypes.get(buf.getInt(offset + 8)),
                        Arrays.copyOfRange(buf.array(), offset + 28, offset + 28 + captured));
                }
                case PCAPNG_SPB -> {
                    final int captured = Math.min(buf.getInt(offset + 8), length - 16);
                    frame(linkTypes.get(0), Arrays.copyOfRange(buf.array(), offset + 12, offset + 12 + captured));
                }
                default -> {
                    // statistics, name resolution, custom blocks: nothing to do
                }
            }
            offset += length;
        }
    }

    private static void setPcapOrder(final ByteBuffer buf) {
        final int magic = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) {
            buf.order(ByteOrder.BIG_ENDIAN);
        }
    }

    private static void setPcapngOrder(final ByteBuffer buf, final int shb) {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt(shb + 8) != 0x1A2B3C4D) {
            buf.order(ByteOrder.BIG_ENDIAN);
        }
    }

    private void frame(final Integer linkType, final byte[] data) {
        frame++;
        final ByteBuffer pkt = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                int etherType = Short.toUnsignedInt(pkt.getShort(12));
                int offset = 14;
                while (etherType == ETHERTYPE_VLAN) {
                    etherType = Short.toUnsignedInt(pkt.getShort(offset + 2));
                    offset += 4;
                }
                network(etherType, pkt, offset);
            }
            case LINKTYPE_LINUX_SLL -> network(Short.toUnsignedInt(pkt.getShort(14)), pkt, 16);
            case LINKTYPE_LINUX_SLL2 -> network(Short.toUnsignedInt(pkt.getShort(0)), pkt, 20);
            case LINKTYPE_RAW -> network((data[0] & 0xf0) == 0x60 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4, pkt, 0);
            default -> throw new IllegalArgumentException("unsupported link type " + linkType);
        }
    }

    private void network(final int etherType, final ByteBuffer pkt, final int offset) {
        final byte[] data = pkt.array();
        if (etherType == ETHERTYPE_IPV4) {
            final int headerLength = (data[offset] & 0x0f) * 4;
            final int totalLength = Short.toUnsignedInt(pkt.getShort(offset + 2));
            if (data[offset + 9] == UDP) {
                udp(pkt, offset + headerLength, offset + totalLength, data[offset + 8] & 0xff,
                    address(data, offset + 12, 4), address(data, offset + 16, 4));
            }
        } else if (etherType == ETHERTYPE_IPV6) {
            final int payloadLength = Short.toUnsignedInt(pkt.getShort(offset + 4));
            if (data[offset + 6] == UDP) {
                udp(pkt, offset + 40, offset + 40 + payloadLength, data[offset + 7] & 0xff,
                    address(data, offset + 8, 16), address(data, offset + 24, 16));
            }
        }
    }

    private void udp(final ByteBuffer pkt, final int offset, final int end, final int ttl, final InetAddress source,
            final InetAddress destination) {
        final int udpLength = Short.toUnsignedInt(pkt.getShort(offset + 4));
        final int payloadEnd = Math.min(offset + udpLength, end);
        datagrams.add(new UdpDatagram(frame, source, destination, ttl, Short.toUnsignedInt(pkt.getShort(offset)),
            Short.toUnsignedInt(pkt.getShort(offset + 2)),
            Arrays.copyOfRange(pkt.array(), offset + 8, payloadEnd)));
    }

    private static InetAddress address(final byte[] data, final int offset, final int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(data, offset, offset + length));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
