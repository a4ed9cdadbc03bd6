/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.netconf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.dom.DOMResult;
import org.opendaylight.mdsal.dom.api.DOMEvent;
import org.opendaylight.mdsal.dom.api.DOMNotification;
import org.opendaylight.mdsal.dom.api.DOMNotificationListener;
import org.opendaylight.mdsal.dom.api.DOMNotificationService;
import org.opendaylight.mdsal.dom.api.DOMSchemaService;
import org.opendaylight.netconf.api.messages.NotificationMessage;
import org.opendaylight.netconf.api.xml.XMLSupport;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.netconf.server.api.notifications.NetconfNotificationCollector;
import org.opendaylight.netconf.server.api.notifications.NotificationPublisherRegistration;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.notification._1._0.rev080714.StreamNameType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netmod.notification.rev080714.netconf.streams.Stream;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netmod.notification.rev080714.netconf.streams.StreamBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.MultihopNotification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.SinglehopNotification;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Forwards ietf-bfd's YANG notifications ({@code singlehop-notification}, {@code multihop-notification},
 * RFC 9314 §2.12) from MD-SAL to the NETCONF event stream, so a NETCONF client that sent
 * {@code <create-subscription/>} (RFC 5277) receives them.
 *
 * <p>ODL's NETCONF server (netconf 10.0.2, netconf-server-mdsal) sends its subscribers only what is
 * published to its {@link NetconfNotificationCollector}: its own base notifications (capability change,
 * session start and end) and yang-library changes. Nothing takes YANG notifications from the
 * {@code DOMNotificationService} to it (RESTCONF has its own streams for that). This bridge is that
 * missing hop: it listens for the two notification types only, writes each as XML against the current
 * model and publishes it on the default stream, {@code NETCONF}, which is the one clients (and ODL's
 * own NETCONF southbound) subscribe to when they name no stream.
 *
 * <p>In the controller {@link NotificationBridgeStarter} builds it while ODL's NETCONF northbound
 * ({@code odl-netconf-mdsal}) runs; the remote agent builds it directly.
 */
public final class NotificationBridge implements DOMNotificationListener, AutoCloseable {
    /** The notifications forwarded: ietf-bfd-ip-sh and ietf-bfd-ip-mh each define one. */
    public static final List<Absolute> TYPES = List.of(Absolute.of(SinglehopNotification.QNAME),
        Absolute.of(MultihopNotification.QNAME));
    /** RFC 5277 §3.2.3: the default stream; the stream a create-subscription without a stream gets. */
    static final StreamNameType NETCONF_STREAM = new StreamNameType("NETCONF");

    private static final Logger LOG = LoggerFactory.getLogger(NotificationBridge.class);
    private static final Stream STREAM = new StreamBuilder().setName(NETCONF_STREAM).setReplaySupport(false)
        .setDescription("Default Event Stream").build();

    private final DOMSchemaService schemaService;
    private final NotificationPublisherRegistration publisher;
    private final Registration listener;

    /**
     * Registers on both sides.
     *
     * @param notifications where MD-SAL notifications come from
     * @param schemaService the model the XML is written against
     * @param collector ODL's NETCONF notification manager
     */
    public NotificationBridge(final DOMNotificationService notifications, final DOMSchemaService schemaService,
            final NetconfNotificationCollector collector) {
        this.schemaService = requireNonNull(schemaService);
        // the manager takes several publishers on one stream (it logs that NETCONF is already registered)
        publisher = collector.registerNotificationPublisher(STREAM);
        listener = notifications.registerNotificationListener(this, TYPES);
        LOG.info("BFD notifications are forwarded to NETCONF subscribers of stream {}", NETCONF_STREAM.getValue());
    }

    @Override
    public void onNotification(final DOMNotification notification) {
        final NotificationMessage message;
        try {
            message = toMessage(notification);
        } catch (IOException | XMLStreamException | IllegalArgumentException e) {
            LOG.warn("BFD notification {} not forwarded to NETCONF", notification.getType(), e);
            return;
        }
        publisher.onNotification(NETCONF_STREAM, message);
    }

    private NotificationMessage toMessage(final DOMNotification notification) throws IOException,
            XMLStreamException {
        final var result = new DOMResult(XmlUtil.newDocument());
        final var xmlWriter = XMLSupport.newStreamWriter(result);
        try (var writer = NormalizedNodeWriter.forStreamWriter(XMLStreamNormalizedNodeStreamWriter.create(
                xmlWriter, schemaService.getGlobalContext(), notification.getType()))) {
            writer.write(notification.getBody());
        } finally {
            xmlWriter.close();
        }
        final var document = (Document) result.getNode();
        // RFC 5277 §4: eventTime is when the event happened, which MD-SAL carries for published notifications
        return notification instanceof DOMEvent event
            ? NotificationMessage.ofNotificationContent(document, event.getEventInstant())
            : NotificationMessage.ofNotificationContent(document);
    }

    @Override
    public void close() {
        listener.close();
        publisher.close();
    }
}
