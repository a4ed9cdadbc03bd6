/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.dom.api.DOMMountPoint;
import org.opendaylight.mdsal.dom.api.DOMNotificationService;
import org.opendaylight.mdsal.dom.api.DOMRpcResult;
import org.opendaylight.mdsal.dom.api.DOMRpcService;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.MultihopNotification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.SinglehopNotification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.NotificationParms;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A device's ietf-bfd notifications (RFC 9314 singlehop-notification and multihop-notification),
 * heard through its mount point. ODL's NETCONF client forwards a device's notifications once the
 * session has a subscription; it creates one itself only to watch schema changes, so this asks for
 * the NETCONF stream (RFC 5277 create-subscription). A device that refuses or lacks notifications is
 * still polled, which is the fallback whatever happens here.
 */
final class DeviceNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceNotifications.class);
    /** RFC 5277 create-subscription. */
    static final QName CREATE_SUBSCRIPTION = QName.create("urn:ietf:params:xml:ns:netconf:notification:1.0",
        "2008-07-14", "create-subscription");

    private DeviceNotifications() {
        // static only
    }

    /**
     * Listens to the device's ietf-bfd notifications and subscribes to them.
     *
     * @param node the device, for the log
     * @param mount its mount point
     * @param context its schema
     * @param codec the binding codec, to decode the notifications
     * @param sink gets each decoded notification (on the NETCONF client's thread)
     * @return the listener's registration, or null when the device has no ietf-bfd notifications
     */
    static @Nullable Registration start(final String node, final DOMMountPoint mount,
            final EffectiveModelContext context, final BindingNormalizedNodeSerializer codec,
            final Consumer<NotificationParms> sink) {
        final var service = mount.getService(DOMNotificationService.class).orElse(null);
        final var types = List.of(SinglehopNotification.QNAME, MultihopNotification.QNAME).stream()
            .filter(qname -> context.findModule(qname.getModule()).isPresent())
            .map(Absolute::of).toList();
        if (service == null || types.isEmpty()) {
            LOG.info("Device {} offers no ietf-bfd notifications: its state is polled", node);
            return null;
        }
        final var registration = service.registerNotificationListener(notification -> {
            try {
                if (codec.fromNormalizedNodeNotification(notification.getType(), notification.getBody())
                        instanceof NotificationParms parms) {
                    sink.accept(parms);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                LOG.debug("Device {}: notification {} not decoded", node, notification.getType(), e);
            }
        }, types);
        subscribe(node, mount, context);
        return registration;
    }

    /**
     * The subtree filter of the subscription (RFC 5277 §2.1.1, RFC 6241 §6): the ietf-bfd notifications
     * only. Without it a device sends everything on its NETCONF stream, and yuma123 netconfd 2.13's
     * netconf-config-change (RFC 6470) after each edit names ietf-bfd nodes with prefixes it does not
     * declare; ODL 10.0.2's client fails to parse that and drops the session (measured here: the
     * device was unmounted and mounted again after every write).
     */
    private static Element filter() {
        final Document document;
        try {
            final var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
        final var filter = document.createElementNS(CREATE_SUBSCRIPTION.getNamespace().toString(), "filter");
        filter.setAttribute("type", "subtree");
        for (var type : List.of(SinglehopNotification.QNAME, MultihopNotification.QNAME)) {
            filter.appendChild(document.createElementNS(type.getNamespace().toString(), type.getLocalName()));
        }
        document.appendChild(filter);
        return filter;
    }

    private static void subscribe(final String node, final DOMMountPoint mount, final EffectiveModelContext context) {
        final var rpc = mount.getService(DOMRpcService.class).orElse(null);
        if (rpc == null || context.findModule(CREATE_SUBSCRIPTION.getModule()).isEmpty()) {
            LOG.info("Device {} has no RFC 5277 create-subscription: its state is polled", node);
            return;
        }
        subscribe(node, rpc, true);
    }

    /**
     * Asks for the NETCONF stream, filtered to ietf-bfd's notifications; a device that refuses the
     * filter (RFC 5277 makes it optional to support) is asked again without one.
     */
    private static void subscribe(final String node, final DOMRpcService rpc, final boolean filtered) {
        final var input = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(QName.create(CREATE_SUBSCRIPTION, "input")));
        if (filtered) {
            input.withChild(ImmutableNodes.newAnyxmlBuilder(DOMSource.class)
                .withNodeIdentifier(NodeIdentifier.create(QName.create(CREATE_SUBSCRIPTION, "filter")))
                .withValue(new DOMSource(filter()))
                .build());
        }
        Futures.addCallback(rpc.invokeRpc(CREATE_SUBSCRIPTION, input.build()), new FutureCallback<DOMRpcResult>() {
            @Override
            public void onSuccess(final DOMRpcResult result) {
                if (result.errors().isEmpty()) {
                    LOG.info("Device {}: subscribed to its notifications{}", node, filtered ? "" : " (unfiltered)");
                } else if (filtered) {
                    LOG.info("Device {}: filtered create-subscription answered {}, asking without a filter", node,
                        result.errors());
                    subscribe(node, rpc, false);
                } else {
                    // RFC 5277 allows one subscription per session: ODL's own may be there already
                    LOG.info("Device {}: create-subscription answered {}", node, result.errors());
                }
            }

            @Override
            public void onFailure(final Throwable cause) {
                if (filtered) {
                    LOG.info("Device {}: filtered create-subscription failed ({}), asking without a filter", node,
                        DeviceErrors.text(cause));
                    subscribe(node, rpc, false);
                } else {
                    LOG.info("Device {}: create-subscription failed ({}): its state is polled", node,
                        DeviceErrors.text(cause));
                }
            }
        }, MoreExecutors.directExecutor());
    }
}
