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
import static org.odlbfd.impl.config.BfdConfigs.groups;
import static org.odlbfd.impl.config.BfdConfigs.key;
import static org.odlbfd.impl.config.BfdConfigs.mh;
import static org.odlbfd.impl.config.BfdConfigs.sessions;
import static org.odlbfd.impl.config.BfdConfigs.sh;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.AuthenticationBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.Md5;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.RoutingBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DottedQuad;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.NonzeroDiscriminator;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeFactory;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The cohort as the datastore drives it: candidates come from a real yangtools data tree, each
 * transaction validated and prepared on the state the previous one left, and the cohort asked with
 * the root candidate it is registered for (as controller 12's ShardDataTree does; the in-memory
 * test broker offers no commit cohorts, and the Karaf e2e test covers the registered path).
 */
class ConfigValidatorCohortTest extends AbstractConcurrentDataBrokerTest {
    private final List<YangInstanceIdentifier> registered = new ArrayList<>();
    private BindingNormalizedNodeSerializer codec;
    private EffectiveModelContext context;
    private DataTree tree;
    private ConfigValidatorCohort cohort;
    private int txCount;

    ConfigValidatorCohortTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        codec = getDataBrokerTestCustomizer().getAdapterContext().currentSerializer();
        context = getDataBrokerTestCustomizer().getSchemaService().getGlobalContext();
        tree = ServiceLoader.load(DataTreeFactory.class, DataTreeFactory.class.getClassLoader()).findFirst()
            .orElseThrow().create(DataTreeConfiguration.DEFAULT_CONFIGURATION, context);
        cohort = new ConfigValidatorCohort(recordingBroker(), codec, ConfigValidator.standard(() -> Host.ANY,
            HostRules.ALL_EMBEDDED, RunningDiscriminators.NONE, 100));
    }

    @AfterEach
    void stop() {
        cohort.close();
    }

    /** The test broker, with a cohort registry that only records where cohorts register. */
    @SuppressWarnings("checkstyle:AvoidHidingCauseException")
    private DOMDataBroker recordingBroker() {
        final var real = getDomBroker();
        final DOMDataBroker.CommitCohortExtension cohorts = (path, registrant) -> {
            registered.add(path.path());
            return Registration.class.cast((Registration) () -> { });
        };
        return (DOMDataBroker) Proxy.newProxyInstance(DOMDataBroker.class.getClassLoader(),
            new Class<?>[] { DOMDataBroker.class }, (proxy, method, args) -> {
                if ("supportedExtensions".equals(method.getName())) {
                    return List.of(cohorts);
                }
                if ("extension".equals(method.getName())) {
                    return DOMDataBroker.CommitCohortExtension.class.equals(args[0]) ? cohorts : null;
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getTargetException();
                }
            });
    }

    /** A new transaction on the committed state. */
    private DataTreeModification tx() {
        return tree.takeSnapshot().newModification();
    }

    private <T extends DataObject> DataTreeModification merge(final DataTreeModification tx,
            final DataObjectReference<T> ref, final T data) {
        final var node = (BindingNormalizedNodeSerializer.NodeResult) codec.toNormalizedDataObject(ref, data);
        tx.merge(node.path(), node.node());
        return tx;
    }

    /** ShardDataTree's steps for a ready transaction: validate, prepare, user cohorts, commit. */
    private PostCanCommitStep commit(final DataTreeModification tx) throws Exception {
        tx.ready();
        tree.validate(tx);
        final DataTreeCandidate candidate = tree.prepare(tx);
        final var step = cohort.canCommit("tx-" + ++txCount, context, List.of(dom(candidate)))
            .get(5, TimeUnit.SECONDS);
        tree.commit(candidate);
        return step;
    }

    /** Commits without the cohort: configuration stored before the cohort or a rule existed. */
    private void commitUnchecked(final DataTreeModification tx) throws Exception {
        tx.ready();
        tree.validate(tx);
        tree.commit(tree.prepare(tx));
    }

    private static DOMDataTreeCandidate dom(final DataTreeCandidate candidate) {
        return new DOMDataTreeCandidate() {
            @Override
            public DOMDataTreeIdentifier getRootPath() {
                return DOMDataTreeIdentifier.of(LogicalDatastoreType.CONFIGURATION, candidate.getRootPath());
            }

            @Override
            public DataTreeCandidateNode getRootNode() {
                return candidate.getRootNode();
            }
        };
    }

    private NetconfDocumentedException refused(final DataTreeModification tx) {
        final var ex = assertThrows(ExecutionException.class, () -> commit(tx));
        final var failure = assertInstanceOf(DataValidationFailedException.class, ex.getCause());
        // what RESTCONF's RestconfStrategy.decodeException looks for in the cause chain
        final var documented = assertInstanceOf(NetconfDocumentedException.class, failure.getCause());
        assertEquals(ErrorTag.INVALID_VALUE, documented.getErrorTag());
        assertEquals(ErrorType.APPLICATION, documented.getErrorType());
        assertEquals(failure.getMessage(), documented.getMessage());
        return documented;
    }

    private static Session withStatic(final String dest, final long discr) {
        return sh("eth0", dest).addAugmentation(new Session1Builder().setStaticLocalDiscriminator(
            new NonzeroDiscriminator(Uint32.valueOf(discr))).build()).build();
    }

    @Test
    void theCohortWatchesTheWholeDatastoreOnce() {
        // one registration at the root: registered per subtree it would be asked once per subtree,
        // each time without the other subtree's candidate
        assertEquals(List.of(YangInstanceIdentifier.of()), registered);
    }

    @Test
    void aSessionAndItsKeyChainCanArriveTogether() throws Exception {
        final var withAuth = sessions(sh("eth0", "192.0.2.2").setAuthentication(
            new AuthenticationBuilder().setKeyChain("kc").build()).build());
        assertTrue(refused(merge(tx(), ConfigValidatorCohort.PROTOCOLS, withAuth)).getMessage()
            .contains("key-chain kc does not exist"));
        final var both = merge(tx(), ConfigValidatorCohort.PROTOCOLS, withAuth);
        merge(both, KeyChainListener.KEY_CHAINS, chains("kc", key(1, Md5.VALUE, "secret").build()));
        assertEquals(PostCanCommitStep.NOOP, commit(both));
        // and the chain cannot go while a session uses it
        final var delete = tx();
        delete.delete(codec.toYangInstanceIdentifier(KeyChainListener.KEY_CHAINS));
        assertTrue(refused(delete).getMessage().contains("key-chain kc does not exist"));
    }

    @Test
    void concurrentCommitsCannotBothTakeOneStaticDiscriminator() throws Exception {
        commit(merge(tx(), ConfigValidatorCohort.PROTOCOLS, sessions(sh("eth0", "192.0.2.9").build())));
        // two transactions begun on the same state, each valid on its own
        final var first = merge(tx(), ConfigValidatorCohort.PROTOCOLS, sessions(withStatic("192.0.2.2", 77)));
        final var second = merge(tx(), ConfigValidatorCohort.PROTOCOLS, sessions(withStatic("192.0.2.3", 77)));
        assertEquals(PostCanCommitStep.NOOP, commit(first));
        assertTrue(refused(second).getMessage().contains("static-local-discriminator 77 is already used by "
            + "ip-sh session interface=eth0 dest-addr=192.0.2.2"));
    }

    @Test
    void transactionsElsewhereAreNotDecoded() throws Exception {
        // configuration broken before the cohort existed stays, and router-id edits do not touch BFD
        commitUnchecked(merge(tx(), ConfigValidatorCohort.PROTOCOLS, sessions(sh("eth0", "0.0.0.0").build())));
        assertEquals(PostCanCommitStep.NOOP, commit(merge(tx(), DataObjectReference.builder(Routing.class).build(),
            new RoutingBuilder().setRouterId(new DottedQuad("192.0.2.1")).build())));
    }

    @Test
    void violationsAlreadyCommittedDoNotBlockOtherEdits() throws Exception {
        final var bad = sh("eth0", "192.0.2.2").setIntervalConfigType(new TxRxIntervalsBuilder()
            .setDesiredMinTxInterval(Uint32.ZERO).build()).build();
        commitUnchecked(merge(tx(), ConfigValidatorCohort.PROTOCOLS, sessions(bad)));
        assertEquals(PostCanCommitStep.NOOP, commit(merge(tx(), ConfigValidatorCohort.PROTOCOLS,
            sessions(sh("eth1", "192.0.2.3").build()))));
        // a new violation in the same transaction is still refused, and only it is reported
        final var message = refused(merge(tx(), ConfigValidatorCohort.PROTOCOLS,
            sessions(sh("eth2", "0.0.0.0").build()))).getMessage();
        assertTrue(message.contains("unspecified address") && !message.contains("must not be 0"), message);
    }

    @Test
    void deletingAllProtocolsPasses() throws Exception {
        commit(merge(tx(), ConfigValidatorCohort.PROTOCOLS, sessions(sh("eth0", "192.0.2.2").build())));
        final var delete = tx();
        delete.delete(codec.toYangInstanceIdentifier(ConfigValidatorCohort.PROTOCOLS));
        assertEquals(PostCanCommitStep.NOOP, commit(delete));
    }

    @Test
    void zeroIntervalIsRefusedWithTheRule() {
        final var message = refused(merge(tx(), ConfigValidatorCohort.PROTOCOLS, sessions(sh("eth0", "192.0.2.2")
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.ZERO).build())
            .build()))).getMessage();
        assertTrue(message.startsWith("Invalid BFD configuration: ip-sh session interface=eth0"), message);
        assertTrue(message.contains("desired-min-tx-interval must not be 0"), message);
    }

    @Test
    void aMissingRxTtlReachesTheCohortAndIsNamed() throws Exception {
        final var group = groups(mh("198.51.100.1", "198.51.100.2").setRxTtl(null).build());
        // the data tree takes it (module odl-bfd-deviations): with rx-ttl mandatory it would fail the
        // transaction in ready() before any cohort, which RESTCONF reports as 500 without the leaf's name
        final var message = refused(merge(tx(), ConfigValidatorCohort.PROTOCOLS, group)).getMessage();
        assertTrue(message.contains("ip-mh session-group source-addr=198.51.100.1 dest-addr=198.51.100.2"), message);
        assertTrue(message.contains("rx-ttl is missing"), message);
    }
}
