/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The capture reader on the link types no sample uses (Linux cooked SLL and SLL2, raw IP): the
 * first frame of the Ethernet capture is re-wrapped and must give the same datagram.
 */
class PcapReaderTest {
    @ParameterizedTest
    @ValueSource(ints = {PcapReader.LINKTYPE_ETHERNET, PcapReader.LINKTYPE_RAW, PcapReader.LINKTYPE_LINUX_SLL,
        PcapReader.LINKTYPE_LINUX_SLL2})
    void readsEveryLinkType(final int linkType) throws IOException {
        final byte[] ethernet;
        try (InputStream in = PcapReaderTest.class.getResourceAsStream("/packet/wireshark-bfd-crafted.pcap")) {
            ethernet = in.readAllBytes();
        }
        final PcapReader.UdpDatagram expected = PcapReader.read(ethernet).get(0);
        final int captured = ByteBuffer.wrap(ethernet).order(ByteOrder.LITTLE_ENDIAN).getInt(24 + 8);
        final byte[] ip = Arrays.copyOfRange(ethernet, 24 + 16 + 14, 24 + 16 + captured);
        final byte[] file = pcap(linkType, switch (linkType) {
            case PcapReader.LINKTYPE_RAW -> ip;
            case PcapReader.LINKTYPE_LINUX_SLL ->
                concat(new byte[] {0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, 0x08, 0x00}, ip);
            case PcapReader.LINKTYPE_LINUX_SLL2 ->
                concat(new byte[] {0x08, 0x00, 0, 0, 0, 0, 0, 7, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0}, ip);
            default -> Arrays.copyOfRange(ethernet, 24 + 16, 24 + 16 + captured);
        });
        assertEquals(linkType, PcapReader.linkType(file));
        final List<PcapReader.UdpDatagram> datagrams = PcapReader.read(file);
        assertEquals(1, datagrams.size());
        final PcapReader.UdpDatagram datagram = datagrams.get(0);
        assertEquals(expected.source(), datagram.source());
        assertEquals(expected.destination(), datagram.destination());
        assertEquals(255, datagram.ttl());
        assertEquals(49152, datagram.sourcePort());
        assertEquals(3784, datagram.destinationPort());
        assertArrayEquals(expected.payload(), datagram.payload());
        assertEquals(24, datagram.payload().length);
    }

    private static byte[] pcap(final int linkType, final byte[] frame) {
        final ByteBuffer buf = ByteBuffer.allocate(24 + 16 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
            .putInt(linkType);
        buf.putInt(0).putInt(0).putInt(frame.length).putInt(frame.length).put(frame);
        return buf.array();
    }

    private static byte[] concat(final byte[] header, final byte[] ip) {
        final byte[] frame = Arrays.copyOf(header, header.length + ip.length);
        System.arraycopy(ip, 0, frame, header.length, ip.length);
        return frame;
    }
}
