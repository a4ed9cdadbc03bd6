/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.routetracker.RouteConfigs.bfd;
import static org.odlbfd.impl.routetracker.RouteConfigs.bfdBuilder;
import static org.odlbfd.impl.routetracker.RouteConfigs.hop;
import static org.odlbfd.impl.routetracker.RouteConfigs.protocols;
import static org.odlbfd.impl.routetracker.RouteConfigs.route;
import static org.odlbfd.impl.routetracker.RouteConfigs.simple;
import static org.odlbfd.impl.routetracker.RouteConfigs.statics;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleIntervalBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * One test per static route rule (impl/README.md, "Static route rules"): each message names the
 * route or session, the field and the rule; a valid configuration gives none.
 */
class StaticRouteValidatorTest {
    private final FakeKernel kernel = new FakeKernel();
    private final StaticRouteValidator validator = new StaticRouteValidator(kernel);

    private List<String> check(final ControlPlaneProtocols protocols) {
        return validator.apply(protocols);
    }

    private void refused(final ControlPlaneProtocols protocols, final String... fragments) {
        final List<String> errors = check(protocols);
        assertEquals(1, errors.size(), "errors: " + errors);
        for (String fragment : fragments) {
            assertTrue(errors.get(0).contains(fragment), "'" + fragment + "' not in: " + errors.get(0));
        }
    }

    @Test
    void aValidConfigurationPasses() {
        kernel.vrfs.add("vpna");
        assertEquals(List.of(), check(protocols(
            RouteConfigs.bfdProtocol("bfd", RouteConfigs.namedSession("vA", "192.0.2.2", "ce1_to_pe1"),
                RouteConfigs.coupled("vB", "198.51.100.2", true)),
            statics("st", null, 2000, true, route("0.0.0.0/0", hop("1", "192.0.2.2", "vA", 1, bfd()),
                hop("2", "198.51.100.2", "vB", 10, bfd())),
                route("203.0.113.0/24", simple("192.0.2.2", null, RouteConfigs.named("ce1_to_pe1")))),
            statics("vpn", "vpna", 0, false, route("0.0.0.0/0", simple("192.0.2.6", "vC", bfd()))))));
    }

    @Test
    void trackedNextHopNeedsAnAddress() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple(null, "vA", bfd())))),
            "static route 0.0.0.0/0", "protocol st", "bfd needs a next-hop-address");
    }

    @Test
    void singleHopTrackingNeedsAnInterface() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple("192.0.2.2", null, bfd())))),
            "single-hop bfd needs outgoing-interface");
    }

    @Test
    void multihopNeedsASource() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple("192.0.2.2", null,
            bfdBuilder().setMultihop(true).build())))), "bfd multihop needs source-addr");
    }

    @Test
    void sourceOfTheRoutesFamily() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple("192.0.2.2", null, bfdBuilder().setMultihop(true)
            .setSourceAddr(IetfInetUtil.ipAddressFor("2001:db8::1")).build())))),
            "source-addr 2001:db8:0:0:0:0:0:1", "different address families");
    }

    @Test
    void sessionNameMustNameASession() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple("192.0.2.2", null, RouteConfigs.named("nope"))))),
            "bfd session-name nope names no configured BFD session");
    }

    @Test
    void sessionNameTakesTheSessionsOwnSettings() {
        refused(protocols(RouteConfigs.bfdProtocol("bfd", RouteConfigs.namedSession("vA", "192.0.2.2", "s1")),
            statics("st", route("0.0.0.0/0", simple("192.0.2.2", null, bfdBuilder().setSessionName("s1").build())))),
            "bfd session-name tracks a configured session", "intervals must be absent");
    }

    @Test
    void rxTtlOnlyWithMultihop() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfdBuilder()
            .setRxTtl(RouteConfigs.hops(250)).build())))), "bfd rx-ttl applies to multihop only");
    }

    @Test
    void intervalsAboveThePlatformFloor() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfdBuilder()
            .setIntervalConfigType(new SingleIntervalBuilder().setMinInterval(Uint32.valueOf(3000)).build())
            .build())))), "bfd min-interval 3000 must be >= 10000 us");
    }

    @Test
    void holdDownRange() {
        refused(protocols(statics("st", null, 3_600_001, false, route("0.0.0.0/0", simple("192.0.2.2", "vA",
            null)))), "static protocol st", "hold-down 3600001 must be in 0..3600000 ms");
    }

    @Test
    void preferenceZeroIsReserved() {
        refused(protocols(statics("st", route("0.0.0.0/0", hop("1", "192.0.2.2", "vA", 0, null),
            hop("2", "192.0.2.3", "vA", 1, null)))), "next hop 1", "preference 0 is reserved");
    }

    @Test
    void vrfMustExist() {
        refused(protocols(statics("st", "vpnb", 0, false, route("0.0.0.0/0", simple("192.0.2.2", "vA", null)))),
            "static protocol st", "vrf vpnb does not exist");
    }

    @Test
    void onePrefixPerVrf() {
        refused(protocols(statics("one", route("0.0.0.0/0", simple("192.0.2.2", "vA", null))),
            statics("two", route("0.0.0.0/0", simple("192.0.2.3", "vA", null)))),
            "static route 0.0.0.0/0", "configured in static protocols one and two of the same VRF");
    }

    @Test
    void oneProcessInterfaceStatusSessionPerInterface() {
        refused(protocols(RouteConfigs.bfdProtocol("bfd", RouteConfigs.coupled("vA", "192.0.2.2", false),
            RouteConfigs.coupled("vA", "192.0.2.3", false))), "interface=vA",
            "process-interface-status is already set");
    }

    @Test
    void unicastNextHops() {
        refused(protocols(statics("st", route("0.0.0.0/0", simple("224.0.0.5", "vA", null)))),
            "next-hop-address 224.0.0.5 must be a unicast address");
    }

    @Test
    void placementNodeMustBeANodeId() {
        assertEquals(List.of(), check(protocols(RouteConfigs.placed(statics("st", route("0.0.0.0/0",
            simple("192.0.2.2", "vA", bfd()))), "r1"))));
        refused(protocols(RouteConfigs.placed(statics("st", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfd()))),
            "r1/x")), "static protocol st", "placement node r1/x", "topology-netconf node-id");
        refused(protocols(RouteConfigs.placed(statics("st", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfd()))),
            "r 1")), "placement node r 1");
    }

    @Test
    void placementAndVrfExcludeEachOther() {
        kernel.vrfs.add("vpna");
        refused(protocols(RouteConfigs.placed(statics("st", "vpna", 0, false, route("0.0.0.0/0",
            simple("192.0.2.2", "vA", bfd()))), "r1")), "static protocol st", "vrf vpna", "placement node r1");
    }

    @Test
    void onePrefixPerDeviceAndOnePerControllerVrf() {
        // the controller's own instance and a device's may both hold a prefix; two on one device may not
        assertEquals(List.of(), check(protocols(statics("own", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfd()))),
            RouteConfigs.placed(statics("d1", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfd()))), "r1"),
            RouteConfigs.placed(statics("d2", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfd()))), "r2"))));
        refused(protocols(RouteConfigs.placed(statics("d1", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfd()))),
            "r1"), RouteConfigs.placed(statics("d2", route("0.0.0.0/0", simple("192.0.2.2", "vA", bfd()))), "r1")),
            "0.0.0.0/0 on device r1", "d1 and d2");
    }
}
