/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.odlbfd.impl.config.ConfigValidatorCohort;
import org.odlbfd.impl.config.RunningDiscriminators;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.IpShBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.SessionsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1Builder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane.protocols.control.plane.protocol.BfdBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervalsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocolsBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocolBuilder;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;

/**
 * The remote agent's in-memory MD-SAL: it serves the BFD and monitoring models with their YANG texts,
 * and its broker runs the real {@link ConfigValidatorCohort} at commit, which mdsal's in-memory
 * datastore alone cannot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InMemoryMdsalTest {
    private InMemoryMdsal mdsal;
    private ConfigValidatorCohort cohort;

    @BeforeAll
    void start() throws Exception {
        mdsal = new InMemoryMdsal();
        cohort = new ConfigValidatorCohort(mdsal.domDataBroker(), mdsal.codec(), RunningDiscriminators.NONE, 100);
    }

    @AfterAll
    void stop() {
        cohort.close();
        mdsal.close();
    }

    private static ControlPlaneProtocols oneSession(final String dest, final long txMicros) {
        final var session = new SessionBuilder().setInterface("eth0").setDestAddr(IetfInetUtil.ipAddressFor(dest))
            .setIntervalConfigType(new TxRxIntervalsBuilder().setDesiredMinTxInterval(Uint32.valueOf(txMicros))
                .setRequiredMinRxInterval(Uint32.valueOf(300_000)).build())
            .build();
        final var bfd = new BfdBuilder().addAugmentation(new Bfd1Builder().setIpSh(new IpShBuilder()
            .setSessions(new SessionsBuilder().setSession(BindingMap.of(session)).build()).build()).build());
        return new ControlPlaneProtocolsBuilder().setControlPlaneProtocol(BindingMap.of(
            new ControlPlaneProtocolBuilder().setType(Bfdv1.VALUE).setName("bfd1")
            .addAugmentation(new ControlPlaneProtocol1Builder().setBfd(bfd.build()).build()).build())).build();
    }

    private void put(final LogicalDatastoreType store, final ControlPlaneProtocols data) throws Exception {
        final var tx = mdsal.dataBroker().newWriteOnlyTransaction();
        tx.mergeParentStructurePut(store, ConfigValidatorCohort.PROTOCOLS.toIdentifier(), data);
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    /** The stored session's (destination, desired-min-tx-interval); the datastore adds the YANG defaults. */
    private String read(final LogicalDatastoreType store) throws Exception {
        final Optional<ControlPlaneProtocols> data;
        try (var tx = mdsal.dataBroker().newReadOnlyTransaction()) {
            data = tx.read(store, ConfigValidatorCohort.PROTOCOLS.toIdentifier()).get(10, TimeUnit.SECONDS);
        }
        return data.map(InMemoryMdsalTest::summary).orElse("nothing");
    }

    private static String summary(final ControlPlaneProtocols protocols) {
        final var session = protocols.nonnullControlPlaneProtocol().values().iterator().next()
            .augmentation(ControlPlaneProtocol1.class).getBfd().augmentation(Bfd1.class).getIpSh().getSessions()
            .nonnullSession().values().iterator().next();
        return session.getDestAddr().stringValue() + " tx "
            + ((TxRxIntervals) session.getIntervalConfigType()).getDesiredMinTxInterval();
    }

    @Test
    void servesTheBfdAndMonitoringModelsWithTheirSources() throws Exception {
        final var modules = mdsal.schemaService().getGlobalContext().getModules().stream()
            .map(module -> module.getName()).toList();
        for (var name : List.of("ietf-bfd", "ietf-bfd-ip-sh", "ietf-bfd-ip-mh", "iana-bfd-types", "ietf-routing",
                "ietf-key-chain", "ietf-interfaces", "odl-bfd-ext", "ietf-netconf-monitoring")) {
            assertTrue(modules.contains(name), () -> name + " missing from " + modules);
        }
        final var sources = mdsal.schemaService().extension(
            org.opendaylight.mdsal.dom.api.DOMSchemaService.YangTextSourceExtension.class);
        assertNotNull(sources);
        final String text = sources.getYangTexttSource(new SourceIdentifier("ietf-bfd-ip-sh", "2022-09-22"))
            .get(10, TimeUnit.SECONDS).read();
        assertTrue(text.contains("notification singlehop-notification"), text);
    }

    @Test
    void validConfigurationIsCommittedAndInvalidIsRefusedWithTheRuleAndNothingStored() throws Exception {
        put(LogicalDatastoreType.CONFIGURATION, oneSession("192.0.2.2", 300_000));
        assertEquals("192.0.2.2 tx 300000", read(LogicalDatastoreType.CONFIGURATION));

        final var failure = assertThrows(ExecutionException.class,
            () -> put(LogicalDatastoreType.CONFIGURATION, oneSession("192.0.2.2", 0)));
        final var refusal = assertInstanceOf(DataValidationFailedException.class, failure.getCause());
        assertTrue(refusal.getMessage().contains("desired-min-tx-interval must not be 0"), refusal::getMessage);
        final var documented = assertInstanceOf(NetconfDocumentedException.class, refusal.getCause());
        assertEquals(ErrorTag.INVALID_VALUE, documented.getErrorTag());
        assertEquals("192.0.2.2 tx 300000", read(LogicalDatastoreType.CONFIGURATION),
            "a refused commit changes nothing");
    }

    @Test
    void theCohortWatchesConfigurationOnly() throws Exception {
        // the operational writer's data is not configuration: no rule applies to it
        put(LogicalDatastoreType.OPERATIONAL, oneSession("198.51.100.2", 0));
        assertEquals("198.51.100.2 tx 0", read(LogicalDatastoreType.OPERATIONAL));
    }
}
