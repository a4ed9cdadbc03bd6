/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.Futures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ConfigValidator} in the commit of every transaction that touches
 * {@code routing/control-plane-protocols} or {@code key-chains}, so bad input is refused with a
 * message instead of being committed and then ignored.
 *
 * <p>A DOM cohort, not a binding one: mdsal 15's binding cohort registry adapter is not reachable
 * (no public constructor, no OSGi service). The candidate is decoded with the binding codec.
 *
 * <p>The rejection is a {@link DataValidationFailedException} caused by a
 * {@link NetconfDocumentedException} with error-tag {@code invalid-value}: RESTCONF (netconf
 * 10.0.x, RestconfStrategy.decodeException) reports a NetconfDocumentedException found in a failed
 * commit's cause chain with its own tag and message, which RFC 8040 §7 maps to HTTP 400. Without it
 * the caller gets a generic operation-failed (HTTP 500).
 *
 * <p>Only the rule violations the transaction introduces are refused: ones already present
 * before it (committed before this cohort existed) do not block unrelated edits.
 *
 * <p>The subtree a transaction does not touch is taken as committed: key chains from
 * {@link KeyChainKeys}, protocols from this class's own listener. A transaction that changes both
 * subtrees at once is checked against the other one's committed state.
 */
public final class ConfigValidatorCohort implements DOMDataTreeCommitCohort,
        DataTreeChangeListener<ControlPlaneProtocols>, AutoCloseable {
    /** The ietf-routing container holding every protocol instance. */
    public static final DataObjectReference<ControlPlaneProtocols> PROTOCOLS = DataObjectReference
        .builder(Routing.class).child(ControlPlaneProtocols.class).build();

    private static final Logger LOG = LoggerFactory.getLogger(ConfigValidatorCohort.class);

    private final BindingNormalizedNodeSerializer codec;
    private final KeyChainKeys keys;
    private final YangInstanceIdentifier protocolsPath;
    private final YangInstanceIdentifier keyChainsPath;
    private final List<Registration> registrations = new ArrayList<>();
    /** Rules of other packages on the same subtree (static routes: routetracker.StaticRouteValidator). */
    private final Function<@Nullable ControlPlaneProtocols, List<String>> moreRules;
    private volatile @Nullable ControlPlaneProtocols committedProtocols;

    /**
     * Registers the cohort on both subtrees, and a listener that tracks the committed protocols.
     *
     * @param domBroker the DOM data broker; without commit-cohort support nothing is validated (logged)
     * @param codec the binding codec
     * @param dataBroker the binding data broker
     * @param keys the committed key chains
     */
    public ConfigValidatorCohort(final DOMDataBroker domBroker, final BindingNormalizedNodeSerializer codec,
            final DataBroker dataBroker, final KeyChainKeys keys) {
        this(domBroker, codec, dataBroker, keys, protocols -> List.of());
    }

    /**
     * Registers the cohort with further rules on {@code control-plane-protocols}, refused the same way.
     *
     * @param domBroker the DOM data broker; without commit-cohort support nothing is validated (logged)
     * @param codec the binding codec
     * @param dataBroker the binding data broker
     * @param keys the committed key chains
     * @param moreRules further rules: one message per broken rule
     */
    @Inject
    public ConfigValidatorCohort(final DOMDataBroker domBroker, final BindingNormalizedNodeSerializer codec,
            final DataBroker dataBroker, final KeyChainKeys keys,
            final Function<@Nullable ControlPlaneProtocols, List<String>> moreRules) {
        this.moreRules = requireNonNull(moreRules);
        this.codec = requireNonNull(codec);
        this.keys = requireNonNull(keys);
        protocolsPath = codec.toYangInstanceIdentifier(PROTOCOLS);
        keyChainsPath = codec.toYangInstanceIdentifier(KeyChainListener.KEY_CHAINS);
        registrations.add(dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION, PROTOCOLS,
            this));
        final var cohorts = domBroker.extension(DOMDataBroker.CommitCohortExtension.class);
        if (cohorts == null) {
            LOG.warn("The data broker has no commit cohorts: BFD configuration is not validated before commit");
        } else {
            registrations.add(cohorts.registerCommitCohort(
                DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, protocolsPath), this));
            registrations.add(cohorts.registerCommitCohort(
                DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, keyChainsPath), this));
        }
    }

    @Override
    public FluentFuture<PostCanCommitStep> canCommit(final Object txId, final EffectiveModelContext ctx,
            final Collection<DOMDataTreeCandidate> candidates) {
        var protocols = committedProtocols;
        var protocolsBefore = protocols;
        var chains = keys.chains();
        var chainsBefore = chains;
        var path = protocolsPath;
        for (var candidate : candidates) {
            final var root = candidate.getRootPath().path();
            final var node = candidate.getRootNode();
            if (root.equals(protocolsPath)) {
                protocols = decode(root, node.dataAfter(), ControlPlaneProtocols.class);
                protocolsBefore = decode(root, node.dataBefore(), ControlPlaneProtocols.class);
            } else if (root.equals(keyChainsPath)) {
                chains = KeyChainParser.parse(decode(root, node.dataAfter(), KeyChains.class));
                chainsBefore = KeyChainParser.parse(decode(root, node.dataBefore(), KeyChains.class));
                path = root;
            }
        }
        final var errors = new ArrayList<>(ConfigValidator.validate(protocols, chains));
        errors.addAll(moreRules.apply(protocols));
        if (!errors.isEmpty()) {
            // Only what this transaction breaks: a configuration committed before the rules (or
            // before this cohort) must not block unrelated edits, e.g. to another routing protocol.
            errors.removeAll(ConfigValidator.validate(protocolsBefore, chainsBefore));
            errors.removeAll(moreRules.apply(protocolsBefore));
        }
        if (errors.isEmpty()) {
            return PostCanCommitStep.NOOP_SUCCESSFUL_FUTURE;
        }
        final var message = "Invalid BFD configuration: " + String.join("; ", errors);
        LOG.info("Refused transaction {}: {}", txId, message);
        return FluentFuture.from(Futures.immediateFailedFuture(rejection(path, message)));
    }

    /**
     * The exception a refused commit fails with.
     *
     * @param path the subtree refused
     * @param message what is wrong
     * @return the exception, carrying RESTCONF's error-tag invalid-value in its cause
     */
    static DataValidationFailedException rejection(final YangInstanceIdentifier path, final String message) {
        return new DataValidationFailedException(YangInstanceIdentifier.class, path, message,
            new NetconfDocumentedException(message, ErrorType.APPLICATION, ErrorTag.INVALID_VALUE,
                ErrorSeverity.ERROR));
    }

    private <T extends DataObject> @Nullable T decode(final YangInstanceIdentifier path,
            final @Nullable NormalizedNode data, final Class<T> type) {
        if (data == null) {
            return null;
        }
        final var entry = codec.fromNormalizedNode(path, data);
        return entry == null ? null : type.cast(entry.getValue());
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<ControlPlaneProtocols>> changes) {
        committedProtocols = changes.getLast().getRootNode().dataAfter();
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
    }
}
