/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.netconf.NotificationBridge;
import org.opendaylight.netconf.api.messages.NotificationMessage;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.netconf.server.mdsal.notifications.NetconfNotificationManager;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.notification._1._0.rev080714.StreamNameType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.iana.bfd.types.rev211021.Diagnostic;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.MultihopNotificationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.SinglehopNotificationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Discriminator;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yangtools.binding.data.codec.impl.SimpleBindingDOMCodecFactory;
import org.opendaylight.yangtools.binding.generator.impl.DefaultBindingRuntimeGenerator;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * ietf-bfd notifications published in MD-SAL reach the NETCONF stream a create-subscription
 * listens to, through ODL's real NETCONF notification manager, as RFC 5277 notification messages.
 */
class NotificationBridgeTest {
    private static final StreamNameType NETCONF = new StreamNameType("NETCONF");

    private InMemoryMdsal mdsal;
    private NetconfNotificationManager manager;
    private NotificationBridge bridge;
    private Registration subscription;
    private final BlockingQueue<NotificationMessage> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        mdsal = new InMemoryMdsal();
        manager = new NetconfNotificationManager(new DefaultYangParserFactory(), new DefaultBindingRuntimeGenerator(),
            new SimpleBindingDOMCodecFactory());
        bridge = new NotificationBridge(mdsal.notificationService(), mdsal.schemaService(), manager);
        // what CreateSubscription registers for a <create-subscription/> without a stream
        subscription = manager.registerNotificationListener(NETCONF, (stream, message) -> received.add(message));
    }

    @AfterEach
    void stop() {
        subscription.close();
        bridge.close();
        manager.close();
        mdsal.close();
    }

    @Test
    void singlehopNotificationReachesNetconfSubscribersWithItsEventTime() throws Exception {
        final var changed = Instant.parse("2026-11-26T10:15:30.123456Z");
        mdsal.notificationPublisher().putNotification(new SinglehopNotificationBuilder()
            .setLocalDiscr(new Discriminator(Uint32.valueOf(7))).setRemoteDiscr(new Discriminator(Uint32.valueOf(9)))
            .setNewState(State.Down).setStateChangeReason(Diagnostic.NeighborDown)
            .setTimeOfLastStateChange(new DateAndTime(changed.toString()))
            .setDestAddr(IetfInetUtil.ipAddressFor("192.0.2.2")).setInterface("eth0")
            .build());
        final var message = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no NETCONF notification");
        final String xml = XmlUtil.toString(message.getDocument());
        assertTrue(xml.contains("<singlehop-notification xmlns=\"urn:ietf:params:xml:ns:yang:ietf-bfd-ip-sh\">"),
            xml);
        assertTrue(xml.contains("<new-state>down</new-state>"), xml);
        assertTrue(xml.contains("<state-change-reason>neighbor-down</state-change-reason>"), xml);
        assertTrue(xml.contains("<interface>eth0</interface>"), xml);
        // RFC 5277 §4: eventTime, set when MD-SAL published it, not the epoch placeholder
        final Instant eventTime = message.getEventTime();
        assertTrue(eventTime.isAfter(Instant.now().minusSeconds(60)), eventTime::toString);
    }

    @Test
    void multihopNotificationIsForwardedToo() throws Exception {
        mdsal.notificationPublisher().putNotification(new MultihopNotificationBuilder()
            .setNewState(State.Up).setStateChangeReason(Diagnostic.None)
            .setSourceAddr(IetfInetUtil.ipAddressFor("198.51.100.1"))
            .setDestAddr(IetfInetUtil.ipAddressFor("198.51.100.2")).build());
        final var message = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no NETCONF notification");
        final String xml = XmlUtil.toString(message.getDocument());
        assertTrue(xml.contains("<multihop-notification xmlns=\"urn:ietf:params:xml:ns:yang:ietf-bfd-ip-mh\">"), xml);
        assertEquals(1, xml.split("<new-state>up</new-state>", -1).length - 1, xml);
    }
}
