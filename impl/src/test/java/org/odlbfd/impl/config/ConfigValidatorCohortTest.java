/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.config.BfdConfigs.chains;
import static org.odlbfd.impl.config.BfdConfigs.key;
import static org.odlbfd.impl.config.BfdConfigs.sessions;
import static org.odlbfd.impl.config.BfdConfigs.sh;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.data.tree.spi.DataTreeCandidateNodes;

/**
 * The cohort adapter on real binding-codec output: candidates are what a datastore hands a DOM
 * cohort. (The in-memory test datastore has no commit-cohort support, so canCommit is called
 * directly; the Karaf IT covers the registered path.)
 */
class ConfigValidatorCohortTest extends AbstractConcurrentDataBrokerTest {
    private BindingNormalizedNodeSerializer codec;
    private KeyChainKeys keys;
    private ConfigValidatorCohort cohort;

    ConfigValidatorCohortTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        codec = getDataBrokerTestCustomizer().getAdapterContext().currentSerializer();
        keys = new KeyChainKeys();
        cohort = new ConfigValidatorCohort(getDomBroker(), codec, getDataBroker(), keys);
    }

    @AfterEach
    void stop() {
        cohort.close();
    }

    private <T extends DataObject> DOMDataTreeCandidate candidate(final DataObjectReference<T> ref, final T data) {
        final var normalized = (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(ref, data);
        return candidate(normalized.path(), DataTreeCandidateNodes.written(normalized.node()));
    }

    private static DOMDataTreeCandidate candidate(final YangInstanceIdentifier path, final DataTreeCandidateNode node) {
        return new DOMDataTreeCandidate() {
            @Override
            public DOMDataTreeIdentifier getRootPath() {
                return DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, path);
            }

            @Override
            public DataTreeCandidateNode getRootNode() {
                return node;
            }
        };
    }

    private static DataTreeCandidateNode delta(final YangInstanceIdentifier path,
            final BindingNormalizedNodeSerializer.@Nullable NodeResult before,
            final BindingNormalizedNodeSerializer.@Nullable NodeResult after) {
        return node(path.getLastPathArgument(), before == null ? null : before.node(),
            after == null ? null : after.node());
    }

    /** A root candidate node as a datastore builds it: only the before and after states matter here. */
    private static DataTreeCandidateNode node(final YangInstanceIdentifier.PathArgument name,
            final @Nullable NormalizedNode before, final @Nullable NormalizedNode after) {
        return new DataTreeCandidateNode() {
            @Override
            public YangInstanceIdentifier.PathArgument name() {
                return name;
            }

            @Override
            public Collection<DataTreeCandidateNode> childNodes() {
                return List.of();
            }

            @Override
            public @Nullable DataTreeCandidateNode modifiedChild(final YangInstanceIdentifier.PathArgument child) {
                return null;
            }

            @Override
            public ModificationType modificationType() {
                return after == null ? ModificationType.DELETE : ModificationType.WRITE;
            }

            @Override
            public @Nullable NormalizedNode dataBefore() {
                return before;
            }

            @Override
            public @Nullable NormalizedNode dataAfter() {
                return after;
            }
        };
    }

    private PostCanCommitStep canCommit(final DOMDataTreeCandidate... candidates) throws Exception {
        return cohort.canCommit("tx", getDataBrokerTestCustomizer().getSchemaService().getGlobalContext(),
            List.of(candidates)).get(5, TimeUnit.SECONDS);
    }

    private NetconfDocumentedException rejected(final DOMDataTreeCandidate... candidates) {
        final var ex = assertThrows(ExecutionException.class, () -> canCommit(candidates));
        final var failure = assertInstanceOf(DataValidationFailedException.class, ex.getCause());
        // what RESTCONF's RestconfStrategy.decodeException looks for in the cause chain
        final var documented = assertInstanceOf(NetconfDocumentedException.class, failure.getCause());
        assertEquals(ErrorTag.INVALID_VALUE, documented.getErrorTag());
        assertEquals(ErrorType.APPLICATION, documented.getErrorType());
        assertEquals(failure.getMessage(), documented.getMessage());
        return documented;
    }

    @Test
    void validSessionsPass() throws Exception {
        assertEquals(PostCanCommitStep.NOOP, canCommit(candidate(ConfigValidatorCohort.PROTOCOLS,
            sessions(sh("eth0", "192.0.2.2").build()))));
    }

    @Test
    void zeroIntervalIsRefusedWithTheRule() {
        final var ex = rejected(candidate(ConfigValidatorCohort.PROTOCOLS, sessions(sh("eth0", "192.0.2.2")
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.ZERO).build())
            .build())));
        assertTrue(ex.getMessage().startsWith("Invalid BFD configuration: ip-sh session interface=eth0"),
            ex.getMessage());
        assertTrue(ex.getMessage().contains("desired-min-tx-interval must not be 0"), ex.getMessage());
    }

    @Test
    void keyChainsInTheSameTransactionAreUsed() throws Exception {
        final ControlPlaneProtocols withAuth = sessions(sh("eth0", "192.0.2.2").setAuthentication(
            new AuthenticationBuilder().setKeyChain("kc").build()).build());
        final KeyChains kc = chains("kc", key(1, Md5.VALUE, "secret").build());
        assertTrue(rejected(candidate(ConfigValidatorCohort.PROTOCOLS, withAuth)).getMessage()
            .contains("key-chain kc does not exist"));
        assertEquals(PostCanCommitStep.NOOP, canCommit(candidate(ConfigValidatorCohort.PROTOCOLS, withAuth),
            candidate(KeyChainListener.KEY_CHAINS, kc)));
        // committed key chains (KeyChainKeys) count too
        keys.update(KeyChainParser.parse(kc));
        assertEquals(PostCanCommitStep.NOOP, canCommit(candidate(ConfigValidatorCohort.PROTOCOLS, withAuth)));
    }

    @Test
    void deletingAKeyChainInUseIsRefused() throws Exception {
        final var write = getDataBroker().newWriteOnlyTransaction();
        write.put(LogicalDatastoreType.CONFIGURATION, ConfigValidatorCohort.PROTOCOLS.toIdentifier(),
            sessions(sh("eth0", "192.0.2.2").setAuthentication(new AuthenticationBuilder().setKeyChain("kc").build())
                .build()));
        write.commit().get(5, TimeUnit.SECONDS);
        final var chainsPath = codec.toYangInstanceIdentifier(KeyChainListener.KEY_CHAINS);
        final var deleted = candidate(chainsPath, delta(chainsPath,
            (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(KeyChainListener.KEY_CHAINS,
                chains("kc", key(1, Md5.VALUE, "s").build())),
            (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(KeyChainListener.KEY_CHAINS,
                chains("other", key(1, Md5.VALUE, "s").build()))));
        // the cohort learns committed protocols from its listener: wait for it, bounded
        NetconfDocumentedException refusal = null;
        for (int i = 0; i < 100 && refusal == null; i++) {
            try {
                canCommit(deleted);
                Thread.sleep(50);
            } catch (ExecutionException e) {
                refusal = rejected(deleted);
            }
        }
        assertTrue(refusal != null && refusal.getMessage().contains("key-chain kc does not exist"),
            String.valueOf(refusal));
    }

    @Test
    void violationsAlreadyCommittedDoNotBlockOtherEdits() throws Exception {
        final var path = codec.toYangInstanceIdentifier(ConfigValidatorCohort.PROTOCOLS);
        final var bad = sh("eth0", "192.0.2.2").setIntervalConfigType(new TxRxIntervalsBuilder()
            .setDesiredMinTxInterval(Uint32.ZERO).build()).build();
        final var before = (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(
            ConfigValidatorCohort.PROTOCOLS, sessions(bad));
        final var after = (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(
            ConfigValidatorCohort.PROTOCOLS, sessions(bad, sh("eth1", "192.0.2.3").build()));
        assertEquals(PostCanCommitStep.NOOP, canCommit(candidate(path,
            delta(path, before, after))));
        // a new violation in the same transaction is still refused, and only it is reported
        final var worse = (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(
            ConfigValidatorCohort.PROTOCOLS, sessions(bad, sh("eth1", "0.0.0.0").build()));
        final var message = rejected(candidate(path, delta(path, before,
            worse))).getMessage();
        assertTrue(message.contains("unspecified address") && !message.contains("must not be 0"), message);
    }

    @Test
    void deletingAllProtocolsPasses() throws Exception {
        final var path = codec.toYangInstanceIdentifier(ConfigValidatorCohort.PROTOCOLS);
        final var before = (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(
            ConfigValidatorCohort.PROTOCOLS, sessions(sh("eth0", "192.0.2.2").build()));
        assertEquals(PostCanCommitStep.NOOP, canCommit(candidate(path, delta(path, before, null))));
    }
}
