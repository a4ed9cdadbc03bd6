/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.impl.routetracker.LatencyLog;
import org.odlbfd.impl.routetracker.NextHopConfig;
import org.odlbfd.impl.routetracker.PlacedRoutes;
import org.odlbfd.impl.routetracker.Prefix;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;

/**
 * The device side of placed static routes, against a second in-memory MD-SAL datastore standing in
 * for the device's configuration (the real codec, the real DOM write path a mount point offers;
 * the IT does it against yuma123 netconfd). Each step is one pass of the device's queue.
 */
class DeviceRoutesTest extends DeviceTestBed {
    private static final String NODE = "r1";
    private static final Prefix ECMP = Prefix.parse("203.0.113.128/25");
    private static final Prefix V6 = Prefix.parse("2001:db8:5::/64");
    private static final NextHopConfig HOP_1 = hop("1", "192.0.2.2", "vA");
    private static final NextHopConfig HOP_2 = hop("2", "198.51.100.2", "vB");

    private final Map<String, EntryStatus> statuses = new ConcurrentHashMap<>();
    private final List<String> gone = new ArrayList<>();
    private LatencyLog latency;
    private DeviceSync sync;

    @BeforeEach
    void start() {
        latency = new LatencyLog();
        final var codec = codec();
        final var routes = new DeviceRoutes(NODE, codec, loop, new DeviceRoutes.Sink() {
            @Override
            public void status(final String instance, final String node, final EntryStatus status) {
                statuses.put(instance, status);
            }

            @Override
            public void gone(final String instance, final String node) {
                gone.add(instance);
                statuses.remove(instance);
            }
        }, latency);
        sync = new DeviceSync(NODE, new DeviceDom(codec), loop, new DeviceSync.Sink() {
            @Override
            public void entry(final String node, final Wanted wanted, final EntryStatus status,
                    final org.opendaylight.yangtools.binding.@Nullable DataObject view) {
                // no BFD sessions placed here
            }

            @Override
            public void gone(final String node, final Wanted wanted) {
                // no BFD sessions placed here
            }
        }, routes);
    }

    private static NextHopConfig hop(final String index, final String address, final String iface) {
        return new NextHopConfig(index, InetAddresses.forString(address), iface, null, 1, null);
    }

    private void mount(final RouteSupport support) throws Exception {
        on(() -> {
            sync.routes().mounted(support);
            sync.mounted(device.getDomBroker(), DeviceSupport.of(device.getDataBrokerTestCustomizer()
                .getSchemaService().getGlobalContext()));
        });
    }

    private void place(final Map<Prefix, List<NextHopConfig>> routes, final long eventNanos) throws Exception {
        on(() -> sync.updateRoutes(Map.of("st", new PlacedRoutes("st", NODE, routes)), eventNanos));
    }

    private @Nullable ControlPlaneProtocol held() throws Exception {
        try (var tx = device.getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.CONFIGURATION, RouteForm.path("st")).get(5, TimeUnit.SECONDS)
                .orElse(null);
        }
    }

    /** The device's routes as the controller's own reader sees them: prefix -> next hops. */
    private Map<Prefix, Set<NextHopConfig>> routes() throws Exception {
        final List<String> errors = new ArrayList<>();
        final var result = RouteForm.held(held(), errors);
        assertEquals(List.of(), errors);
        return result;
    }

    private void await(final String what, final Predicate<Map<Prefix, Set<NextHopConfig>>> done) throws Exception {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            final var now = routes();
            if (done.test(now) && statuses.get("st") != null && statuses.get("st").isApplied()) {
                return;
            }
            Thread.sleep(20);
        }
        fail(what + ": device holds " + routes() + ", status " + statuses.get("st"));
    }

    @Test
    void ecmpRouteIsWrittenWithItsAddressesOnlyThenFollowsTheNextHopsInUse() throws Exception {
        mount(new RouteSupport(true, true, true));
        place(Map.of(ECMP, List.of(HOP_1, HOP_2)), System.nanoTime());
        await("both next hops", r -> r.getOrDefault(ECMP, Set.of()).size() == 2);
        // addresses only: vA/vB are the controller's interfaces, not the device's
        assertEquals(Set.of(RouteForm.deviceHop(HOP_1), RouteForm.deviceHop(HOP_2)), routes().get(ECMP));
        final var afterWrite = routes();
        assertTrue(afterWrite.get(ECMP).stream().allMatch(nh -> nh.outgoingInterface() == null), afterWrite::toString);
        // plain RFC 8349: no odl-bfd-static-route on the device
        final var instance = String.valueOf(held());
        assertFalse(instance.contains("Bfd") || instance.contains("Placement"), instance);
        assertEquals(1, latency.samples(LatencyLog.Stage.DEVICE).length, "BFD event to device commit recorded");

        place(Map.of(ECMP, List.of(HOP_1)), System.nanoTime());
        await("next hop 2 withdrawn", r -> Set.of(RouteForm.deviceHop(HOP_1)).equals(r.get(ECMP)));

        place(Map.of(), System.nanoTime());
        await("route removed", r -> !r.containsKey(ECMP));
        assertNotNull(held(), "the instance stays, empty");

        place(Map.of(ECMP, List.of(HOP_1, HOP_2)), System.nanoTime());
        await("restored", r -> r.getOrDefault(ECMP, Set.of()).size() == 2);
    }

    @Test
    void driftOnTheDeviceIsCorrectedByTheNextPass() throws Exception {
        mount(new RouteSupport(true, true, true));
        place(Map.of(ECMP, List.of(HOP_1, HOP_2)), 0);
        await("written", r -> r.getOrDefault(ECMP, Set.of()).size() == 2);
        final var tx = device.getDataBroker().newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, RouteForm.path("st"));
        tx.commit().get(5, TimeUnit.SECONDS);
        assertNull(held());
        on(sync::requestSync);
        await("written again", r -> r.getOrDefault(ECMP, Set.of()).size() == 2);
    }

    @Test
    void anInstanceNoLongerPlacedIsRemovedFromTheDevice() throws Exception {
        mount(new RouteSupport(true, true, true));
        place(Map.of(ECMP, List.of(HOP_1)), 0);
        await("written", r -> r.containsKey(ECMP));
        on(() -> sync.updateRoutes(Map.of(), 0));
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held() != null && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertNull(held(), "the device's instance is deleted");
        assertEquals(List.of("st"), gone);
    }

    @Test
    void aDeviceWithoutTheFamilysModuleFailsSayingSo() throws Exception {
        mount(new RouteSupport(true, true, false));
        place(Map.of(V6, List.of(hop("", "2001:db8::2", "vA"))), 0);
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (statuses.get("st") == null || statuses.get("st").status() != PlacementStatus.Failed) {
            if (System.nanoTime() > end) {
                fail("not failed: " + statuses);
            }
            Thread.sleep(20);
        }
        assertTrue(statuses.get("st").error().contains("ietf-ipv6-unicast-routing"), statuses::toString);
        assertNull(held(), "nothing written");
    }

    @Test
    void anUnconnectedDeviceKeepsTheRoutesPending() throws Exception {
        place(Map.of(ECMP, List.of(HOP_1)), 0);
        assertEquals(PlacementStatus.Pending, statuses.get("st").status());
        mount(new RouteSupport(true, true, true));
        await("applied on connect", r -> r.containsKey(ECMP));
    }

    @Test
    void simpleAndSpecialNextHopsKeepTheirForm() {
        final var simple = RouteForm.protocol(new PlacedRoutes("st", NODE, Map.of(V6,
            List.of(hop(NextHopConfig.SIMPLE, "2001:db8::2", "vA")), ECMP,
            List.of(new NextHopConfig(NextHopConfig.SIMPLE, null, null, "blackhole", 1, null)))));
        final List<String> errors = new ArrayList<>();
        final var read = RouteForm.held(simple, errors);
        assertEquals(List.of(), errors);
        assertEquals(Set.of(new NextHopConfig("", InetAddresses.forString("2001:db8::2"), null, null, 1, null)),
            read.get(V6));
        assertEquals(Set.of(new NextHopConfig("", null, null, "blackhole", 1, null)), read.get(ECMP));
        assertTrue(simple.toString().contains("SimpleNextHop") && !simple.toString().contains("NextHopList"),
            simple::toString);
    }
}
