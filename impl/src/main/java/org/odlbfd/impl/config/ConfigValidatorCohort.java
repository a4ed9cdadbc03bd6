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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jdt.annotation.Nullable;
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
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ConfigValidator} in the commit of every transaction that touches
 * {@code routing/control-plane-protocols} or {@code key-chains}, so bad input is refused with a
 * message instead of being committed and then ignored.
 *
 * <p>The cohort is registered at the root of the configuration datastore, not at the two
 * subtrees: a cohort registered twice is asked twice, once per subtree and each time with only that
 * subtree's candidate, so a session and the key chain it uses could not arrive in one transaction.
 * The root candidate holds both subtrees as this transaction would leave them. The distributed
 * datastore prepares each transaction on top of the previous one and runs user cohorts before the
 * next one is prepared (controller 12, ShardDataTree.startPreCommit), so two concurrent commits are
 * checked one after the other, each against the other's result: two sessions with one static
 * discriminator in two transactions cannot both pass. Both subtrees live in the default shard.
 * Transactions that touch neither subtree return at once.
 *
 * <p>A DOM cohort, not a binding one: mdsal 15's binding cohort registry adapter is not reachable
 * (no public constructor, no OSGi service). The candidate is decoded with the binding codec.
 *
 * <p>The rejection is a {@link DataValidationFailedException} caused by a
 * {@link NetconfDocumentedException} with error-tag {@code invalid-value}: RESTCONF (netconf
 * 10.0.x, RestconfStrategy.decodeException) reports a NetconfDocumentedException found in a failed
 * commit's cause chain with its own tag and message, which RFC 8040 §7 maps to HTTP 400. Without it
 * the caller gets a generic operation-failed (HTTP 500).
 */
public final class ConfigValidatorCohort implements DOMDataTreeCommitCohort, AutoCloseable {
    /** The ietf-routing container holding every protocol instance. */
    public static final DataObjectReference<ControlPlaneProtocols> PROTOCOLS = DataObjectReference
        .builder(Routing.class).child(ControlPlaneProtocols.class).build();

    private static final Logger LOG = LoggerFactory.getLogger(ConfigValidatorCohort.class);

    private final BindingNormalizedNodeSerializer codec;
    private final ConfigValidator validator;
    private final YangInstanceIdentifier protocolsPath;
    private final YangInstanceIdentifier keyChainsPath;
    private final @Nullable Registration registration;

    /**
     * Registers the cohort with the controller's rules.
     *
     * @param domBroker the DOM data broker; without commit-cohort support nothing is validated (logged)
     * @param codec the binding codec
     * @param running the sessions the embedded agent runs
     * @param maxSessions the max-sessions setting, 0 for the heap-sized default
     */
    public ConfigValidatorCohort(final DOMDataBroker domBroker, final BindingNormalizedNodeSerializer codec,
            final RunningDiscriminators running, final int maxSessions) {
        this(domBroker, codec, running, maxSessions, protocols -> List.of());
    }

    /**
     * Registers the cohort with the controller's rules and the rules of another package on the same
     * subtree (static routes: {@code routetracker.StaticRouteValidator}), refused the same way.
     *
     * @param domBroker the DOM data broker; without commit-cohort support nothing is validated (logged)
     * @param codec the binding codec
     * @param running the sessions the embedded agent runs
     * @param maxSessions the max-sessions setting, 0 for the heap-sized default
     * @param moreRules further rules on control-plane-protocols: one complete message per broken rule
     */
    public ConfigValidatorCohort(final DOMDataBroker domBroker, final BindingNormalizedNodeSerializer codec,
            final RunningDiscriminators running, final int maxSessions,
            final Function<@Nullable ControlPlaneProtocols, List<String>> moreRules) {
        this(domBroker, codec, ConfigValidator.standard(Host::system, HostRules.ALL_EMBEDDED, running,
            maxSessions > 0 ? maxSessions : SessionLimit.heapSized(Runtime.getRuntime().maxMemory()))
            .with((config, violations) -> moreRules.apply(config.protocols()).forEach(violations::add)));
    }

    /**
     * Registers the cohort.
     *
     * @param domBroker the DOM data broker; without commit-cohort support nothing is validated (logged)
     * @param codec the binding codec
     * @param validator the rules
     */
    public ConfigValidatorCohort(final DOMDataBroker domBroker, final BindingNormalizedNodeSerializer codec,
            final ConfigValidator validator) {
        this.codec = requireNonNull(codec);
        this.validator = requireNonNull(validator);
        protocolsPath = codec.toYangInstanceIdentifier(PROTOCOLS);
        keyChainsPath = codec.toYangInstanceIdentifier(KeyChainListener.KEY_CHAINS);
        final var cohorts = domBroker.extension(DOMDataBroker.CommitCohortExtension.class);
        if (cohorts == null) {
            LOG.warn("The data broker has no commit cohorts: BFD configuration is not validated before commit");
            registration = null;
        } else {
            registration = cohorts.registerCommitCohort(
                DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, YangInstanceIdentifier.of()), this);
        }
    }

    @Override
    public FluentFuture<PostCanCommitStep> canCommit(final Object txId, final EffectiveModelContext ctx,
            final Collection<DOMDataTreeCandidate> candidates) {
        for (var candidate : candidates) {
            final var root = candidate.getRootPath().path();
            final var node = candidate.getRootNode();
            if (!touched(root, node, protocolsPath) && !touched(root, node, keyChainsPath)) {
                continue;
            }
            final var before = view(root, node.dataBefore());
            final var after = view(root, node.dataAfter());
            final List<String> errors = validator.check(before, after);
            if (!errors.isEmpty()) {
                final var message = "Invalid BFD configuration: " + String.join("; ", errors);
                LOG.info("Refused transaction {}: {}", txId, message);
                return FluentFuture.from(Futures.immediateFailedFuture(rejection(root, message)));
            }
        }
        return PostCanCommitStep.NOOP_SUCCESSFUL_FUTURE;
    }

    /**
     * The exception a refused commit fails with.
     *
     * @param path the subtree refused
     * @param message what is wrong
     * @return the exception, carrying RESTCONF's error-tag invalid-value in its cause
     */
    public static DataValidationFailedException rejection(final YangInstanceIdentifier path, final String message) {
        return new DataValidationFailedException(YangInstanceIdentifier.class, path, message,
            new NetconfDocumentedException(message, ErrorType.APPLICATION, ErrorTag.INVALID_VALUE,
                ErrorSeverity.ERROR));
    }

    /** Whether the candidate rooted at {@code root} changes anything at or below {@code target}. */
    private static boolean touched(final YangInstanceIdentifier root, final DataTreeCandidateNode node,
            final YangInstanceIdentifier target) {
        if (target.contains(root)) {
            // the candidate is at or below the target: it is a change of it
            return node.modificationType() != ModificationType.UNMODIFIED;
        }
        final var relative = target.relativeTo(root);
        if (relative.isEmpty()) {
            return false;
        }
        DataTreeCandidateNode current = node;
        for (var arg : relative.orElseThrow().getPathArguments()) {
            current = current.modifiedChild(arg);
            if (current == null) {
                return false;
            }
        }
        return current.modificationType() != ModificationType.UNMODIFIED;
    }

    private ConfigView view(final YangInstanceIdentifier root, final @Nullable NormalizedNode data) {
        return ConfigView.of(decode(root, data, protocolsPath, ControlPlaneProtocols.class),
            decode(root, data, keyChainsPath, KeyChains.class));
    }

    /** The target subtree out of the candidate's data (the candidate may be rooted above or at it). */
    private <T extends DataObject> @Nullable T decode(final YangInstanceIdentifier root,
            final @Nullable NormalizedNode data, final YangInstanceIdentifier target, final Class<T> type) {
        if (data == null) {
            return null;
        }
        final Optional<NormalizedNode> found;
        if (root.equals(target)) {
            found = Optional.of(data);
        } else {
            final var relative = target.relativeTo(root);
            // the registration is at the root; a candidate below the target cannot hold it whole
            found = relative.isEmpty() ? Optional.empty()
                : NormalizedNodes.findNode(data, relative.orElseThrow().getPathArguments());
        }
        if (found.isEmpty()) {
            return null;
        }
        final var entry = codec.fromNormalizedNode(target, found.orElseThrow());
        return entry == null ? null : type.cast(entry.getValue());
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
    }
}
