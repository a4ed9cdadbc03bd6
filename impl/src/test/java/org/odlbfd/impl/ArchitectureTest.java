/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package rules of DESIGN.md: the protocol core (packet, auth, fsm, session, engine) runs
 * with a fake clock and no sockets, so it never reaches Netty channels, MD-SAL, generated
 * bindings or the adapters around it. Rules hold vacuously for packages that do not exist yet.
 */
@AnalyzeClasses(packages = "org.odlbfd.impl", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CORE = {
        "org.odlbfd.impl.packet..", "org.odlbfd.impl.auth..", "org.odlbfd.impl.fsm..",
        "org.odlbfd.impl.session..", "org.odlbfd.impl.engine..",
    };

    @ArchTest
    static final ArchRule CORE_STAYS_OFF_CHANNELS_AND_MDSAL = noClasses()
        .that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..", "org.opendaylight..",
            "org.odlbfd.impl.transport..", "org.odlbfd.impl.config..", "org.odlbfd.impl.oper..")
        .because("the protocol core is tested with a fake clock and no sockets (DESIGN.md)")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule CODEC_USES_ONLY_NETTY_BUFFERS = noClasses()
        .that().resideInAnyPackage("org.odlbfd.impl.packet..", "org.odlbfd.impl.auth..")
        .should().dependOnClassesThat(resideInAPackage("io.netty..").and(not(resideInAPackage("io.netty.buffer.."))))
        .because("the codec and authenticators see datagrams as ByteBufs, nothing else of Netty")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule SOUTHBOUND_STAYS_OFF_THE_PROTOCOL = noClasses()
        .that().resideInAnyPackage("org.odlbfd.impl.southbound..")
        .should().dependOnClassesThat().resideInAnyPackage(CORE)
        .orShould().dependOnClassesThat().resideInAnyPackage("org.odlbfd.impl.transport..", "io.netty.channel..")
        .because("devices run their own BFD: the southbound only renders configuration and reads state (DESIGN.md)")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule METRICS_KNOW_NO_HTTP_NOR_MDSAL = noClasses()
        .that().resideInAPackage("org.odlbfd.impl.metrics..")
        .should().dependOnClassesThat().resideInAnyPackage("javax.servlet..", "org.opendaylight..",
            "io.prometheus.metrics.exporter..", "org.odlbfd.impl.web..", "io.netty..")
        .because("the standalone agent serves the same metrics on a port of its own (issue 13)")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule ROUTES_USE_THE_CLIENT_API_ONLY = noClasses()
        .that().resideInAnyPackage("org.odlbfd.impl.routetracker..", "org.odlbfd.impl.kernel..")
        .should().dependOnClassesThat().resideInAnyPackage("org.odlbfd.impl.engine..", "org.odlbfd.impl.session..",
            "org.odlbfd.impl.fsm..", "org.odlbfd.impl.packet..", "org.odlbfd.impl.auth..",
            "org.odlbfd.impl.transport..", "org.odlbfd.impl.oper..")
        .because("static routes reach BFD through the client API (api.BfdSessionService) only (DESIGN.md)")
        .allowEmptyShould(true);

    @ArchTest
    static final ArchRule TRACKER_KNOWS_NO_NETLINK = noClasses()
        .that().resideInAPackage("org.odlbfd.impl.routetracker..")
        .should().dependOnClassesThat().resideInAnyPackage("org.odlbfd.impl.kernel..", "org.odlbfd.impl.linux..")
        .because("the tracker sees the kernel through KernelView and RouteSink, so it is tested without one")
        .allowEmptyShould(true);

    @Test
    void rulesCatchAViolation() throws ClassNotFoundException {
        final JavaClasses canary = new ClassFileImporter()
            .importClasses(Class.forName("org.odlbfd.impl.packet.ArchitectureCanary"));
        assertThrows(AssertionError.class, () -> CORE_STAYS_OFF_CHANNELS_AND_MDSAL.check(canary));
        assertThrows(AssertionError.class, () -> CODEC_USES_ONLY_NETTY_BUFFERS.check(canary));
    }
}
