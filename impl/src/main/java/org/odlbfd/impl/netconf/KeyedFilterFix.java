/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.netconf;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.netconf.api.DocumentedException;
import org.opendaylight.netconf.server.api.monitoring.Capability;
import org.opendaylight.netconf.server.api.monitoring.CapabilityListener;
import org.opendaylight.netconf.server.api.operations.HandlingPriority;
import org.opendaylight.netconf.server.api.operations.NetconfOperation;
import org.opendaylight.netconf.server.api.operations.NetconfOperationChainedExecution;
import org.opendaylight.netconf.server.api.operations.NetconfOperationService;
import org.opendaylight.netconf.server.api.operations.NetconfOperationServiceFactory;
import org.opendaylight.netconf.server.api.operations.NetconfOperationServiceFactoryListener;
import org.opendaylight.netconf.server.mdsal.operations.Get;
import org.opendaylight.netconf.server.mdsal.operations.GetConfig;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.netconf.base._1._0.rev110601.SessionIdType;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.InstanceIdentifierTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Works around a bug of ODL's MD-SAL NETCONF server (netconf 10.0.2, still in its master):
 * {@code FilterContentValidator.getKeyValues} parses an identityref (or leafref, instance-identifier)
 * list key of a subtree filter against the schema path {@code /parent/list/key}, as if the list's
 * parent were a top-level node. For {@code routing/control-plane-protocols/control-plane-protocol},
 * whose key {@code type} is an identityref, every {@code <get>} or {@code <get-config>} naming one
 * protocol instance fails with "Schema tree child control-plane-protocols not present in module
 * ietf-routing". ODL's own NETCONF client (topology-netconf) sends exactly such filters for any read
 * below a mount point's {@code control-plane-protocol=ietf-bfd-types:bfdv1,NAME}, including the read
 * RESTCONF does before a PUT.
 *
 * <p>This factory wraps ODL's {@link org.opendaylight.netconf.server.mdsal.MdsalNetconfOperationServiceFactory}
 * (registered in its place) and gives its get and get-config, for such a request only, a copy whose filter
 * lacks that key element, so the server reads the whole list. The reply is then filtered by the original
 * request (the server applies RFC 6241 subtree filtering to every get reply afterwards), so the client gets
 * exactly what it asked for. (ODL's get and get-config are singleton operations at the highest handling
 * priority, so nothing can run before them in the server's operation chain; hence a wrapper.)
 */
public final class KeyedFilterFix implements NetconfOperationServiceFactory {
    private final NetconfOperationServiceFactory delegate;
    private final Supplier<EffectiveModelContext> context;

    /**
     * Wraps ODL's MD-SAL operations.
     *
     * @param delegate the MD-SAL operation factory, not registered with the server itself
     * @param context the model the filters refer to
     */
    public KeyedFilterFix(final NetconfOperationServiceFactory delegate,
            final Supplier<EffectiveModelContext> context) {
        this.delegate = requireNonNull(delegate);
        this.context = requireNonNull(context);
    }

    /** A listener that registers nothing: ODL's factory announces itself there, the wrapper goes in its place. */
    public static NetconfOperationServiceFactoryListener unregistered() {
        return new NetconfOperationServiceFactoryListener() {
            @Override
            public void onAddNetconfOperationServiceFactory(final NetconfOperationServiceFactory service) {
                // the wrapper is registered instead
            }

            @Override
            public void onRemoveNetconfOperationServiceFactory(final NetconfOperationServiceFactory service) {
                // likewise
            }
        };
    }

    @Override
    public Set<Capability> getCapabilities() {
        return delegate.getCapabilities();
    }

    @Override
    public Registration registerCapabilityListener(final CapabilityListener listener) {
        return delegate.registerCapabilityListener(listener);
    }

    @Override
    public NetconfOperationService createService(final SessionIdType sessionId) {
        final var service = delegate.createService(sessionId);
        final Set<NetconfOperation> operations = service.getNetconfOperations().stream()
            .map(op -> op instanceof Get || op instanceof GetConfig ? new Rewrite(op) : op)
            .collect(Collectors.toUnmodifiableSet());
        return new NetconfOperationService() {
            @Override
            public Set<NetconfOperation> getNetconfOperations() {
                return operations;
            }

            @Override
            public void close() {
                service.close();
            }
        };
    }

    /**
     * The key elements ODL's filter validator cannot parse in {@code request}'s filter: the identityref,
     * leafref or instance-identifier keys of the first list on the filter's single path when that list
     * is deeper than a top-level node's child.
     *
     * @param request a get or get-config request
     * @param context the model
     * @return the key elements (of {@code request}), empty when the validator copes
     */
    static List<Element> unparsableKeys(final Document request, final EffectiveModelContext context) {
        final Element filter = child(child(request.getDocumentElement()), "filter");
        final Element root = filter == null ? null : onlyChild(filter);
        if (root == null) {
            return List.of();
        }
        final var stack = SchemaInferenceStack.of(context);
        Element current = root;
        int depth = 0;
        try {
            while (current != null) {
                final QName name = qname(current, context);
                if (name == null) {
                    return List.of();
                }
                final var statement = stack.enterDataTree(name);
                depth++;
                if (statement instanceof ListSchemaNode list) {
                    // the validator resolves a list under a top-level node (depth 2) correctly
                    return depth > 2 ? keysOf(current, list) : List.of();
                }
                current = onlyChild(current);
            }
        } catch (IllegalArgumentException e) {
            // not in the model: the server reports that itself
            return List.of();
        }
        return List.of();
    }

    private static List<Element> keysOf(final Element entry, final ListSchemaNode list) {
        final List<Element> found = new ArrayList<>();
        for (var key : list.getKeyDefinition()) {
            final Element element = child(entry, key.getLocalName());
            if (element != null && !element.getTextContent().isBlank()
                    && list.dataChildByName(key) instanceof LeafSchemaNode leaf
                    && (leaf.getType() instanceof IdentityrefTypeDefinition
                        || leaf.getType() instanceof LeafrefTypeDefinition
                        || leaf.getType() instanceof InstanceIdentifierTypeDefinition)) {
                found.add(element);
            }
        }
        return found;
    }

    private static @Nullable QName qname(final Element element, final EffectiveModelContext context) {
        final String namespace = element.getNamespaceURI();
        if (namespace == null) {
            return null;
        }
        final var modules = context.findModuleStatements(XMLNamespace.of(namespace)).iterator();
        return modules.hasNext() ? QName.create(modules.next().localQNameModule(), element.getLocalName()) : null;
    }

    /** The only child element, or null when there are none or several (the validator stops there too). */
    private static @Nullable Element onlyChild(final @Nullable Element parent) {
        Element only = null;
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    if (only != null) {
                        return null;
                    }
                    only = element;
                }
            }
        }
        return only;
    }

    private static @Nullable Element child(final @Nullable Element parent) {
        return onlyChild(parent);
    }

    private static @Nullable Element child(final @Nullable Element parent, final String localName) {
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && localName.equals(element.getLocalName())) {
                    return element;
                }
            }
        }
        return null;
    }

    /** ODL's get or get-config, given a filter its validator can parse. */
    private final class Rewrite implements NetconfOperation {
        private final NetconfOperation odl;

        Rewrite(final NetconfOperation odl) {
            this.odl = odl;
        }

        @Override
        public @Nullable HandlingPriority canHandle(final Document message) throws DocumentedException {
            return odl.canHandle(message);
        }

        @Override
        public Document handle(final Document request, final @Nullable NetconfOperationChainedExecution next)
                throws DocumentedException {
            if (unparsableKeys(request, context.get()).isEmpty()) {
                return odl.handle(request, next);
            }
            final var copy = (Document) request.cloneNode(true);
            for (var key : unparsableKeys(copy, context.get())) {
                key.getParentNode().removeChild(key);
            }
            return odl.handle(copy, next);
        }

        @Override
        public String toString() {
            return "KeyedFilterFix(" + odl + ")";
        }
    }
}
