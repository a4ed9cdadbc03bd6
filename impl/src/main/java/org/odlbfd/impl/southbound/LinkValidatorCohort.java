/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.Futures;
import java.util.ArrayList;
import java.util.Collection;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.config.ConfigValidatorCohort;
import org.odlbfd.impl.config.KeyChainKeys;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Links;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link LinkValidator} in the commit of every transaction that touches odl-bfd-ext
 * {@code links}, refusing it the way {@link ConfigValidatorCohort} refuses bad ietf-bfd (RESTCONF:
 * 400, error-tag invalid-value, the message naming the link and the rule). Only what the transaction
 * breaks is refused; key chains are taken as committed.
 */
public final class LinkValidatorCohort implements DOMDataTreeCommitCohort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkValidatorCohort.class);

    private final BindingNormalizedNodeSerializer codec;
    private final KeyChainKeys keys;
    private final YangInstanceIdentifier linksPath;
    private final @Nullable Registration registration;

    /**
     * Registers the cohort.
     *
     * @param domBroker the DOM data broker; without commit cohorts nothing is validated (logged)
     * @param codec the binding codec
     * @param keys the committed key chains
     */
    @Inject
    public LinkValidatorCohort(final DOMDataBroker domBroker, final BindingNormalizedNodeSerializer codec,
            final KeyChainKeys keys) {
        this.codec = requireNonNull(codec);
        this.keys = requireNonNull(keys);
        linksPath = codec.toYangInstanceIdentifier(DataObjectReference.builder(Links.class).build());
        final var cohorts = domBroker.extension(DOMDataBroker.CommitCohortExtension.class);
        if (cohorts == null) {
            LOG.warn("The data broker has no commit cohorts: BFD links are not validated before commit");
            registration = null;
        } else {
            registration = cohorts.registerCommitCohort(
                DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, linksPath), this);
        }
    }

    @Override
    public FluentFuture<PostCanCommitStep> canCommit(final Object txId, final EffectiveModelContext ctx,
            final Collection<DOMDataTreeCandidate> candidates) {
        final var chains = keys.chains();
        final var errors = new ArrayList<String>();
        for (var candidate : candidates) {
            if (!candidate.getRootPath().path().equals(linksPath)) {
                continue;
            }
            final var node = candidate.getRootNode();
            errors.addAll(LinkValidator.validate(decode(node.dataAfter()), chains));
            errors.removeAll(LinkValidator.validate(decode(node.dataBefore()), chains));
        }
        if (errors.isEmpty()) {
            return PostCanCommitStep.NOOP_SUCCESSFUL_FUTURE;
        }
        final var message = "Invalid BFD link: " + String.join("; ", errors);
        LOG.info("Refused transaction {}: {}", txId, message);
        return FluentFuture.from(Futures.immediateFailedFuture(ConfigValidatorCohort.rejection(linksPath, message)));
    }

    private @Nullable Links decode(final @Nullable NormalizedNode data) {
        if (data == null) {
            return null;
        }
        final var entry = codec.fromNormalizedNode(linksPath, data);
        return entry == null ? null : (Links) entry.getValue();
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
    }
}
