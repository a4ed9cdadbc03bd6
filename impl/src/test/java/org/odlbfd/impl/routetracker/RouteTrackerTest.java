/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.routetracker.RouteConfigs.bfd;
import static org.odlbfd.impl.routetracker.RouteConfigs.hop;
import static org.odlbfd.impl.routetracker.RouteConfigs.route;
import static org.odlbfd.impl.routetracker.RouteConfigs.simple;
import static org.odlbfd.impl.routetracker.RouteConfigs.statics;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.NotificationRecorder;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.next.hop.options.NextHopList;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.next.hop.state.content.next.hop.options.SimpleNextHop;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.control.plane.protocols.ControlPlaneProtocol;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ribs.Rib;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.NextHop1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd._static.route.rev261122.NextHopsChanged;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Interface1;

/**
 * The tracker's rules, with the BFD client API faked at the edge (the test plays the engine's
 * transitions) and MD-SAL's real in-memory datastore: configuration is written there and the
 * operational RIB, next-hop state and interface status are read back from it.
 */
class RouteTrackerTest extends AbstractConcurrentDataBrokerTest {
    private static final Prefix NET = Prefix.parse("203.0.113.0/24");
    private static final SessionKey A = new SingleHopKey("vA", InetAddresses.forString("192.0.2.2"));
    private static final SessionKey B = new SingleHopKey("vB", InetAddresses.forString("198.51.100.2"));

    private final FakeSessions sessions = new FakeSessions();
    private final FakeKernel kernel = new FakeKernel();
    private final RecordingSink sink = new RecordingSink();
    private final List<Map<String, PlacedRoutes>> placed = new CopyOnWriteArrayList<>();
    private final NotificationRecorder notifications = new NotificationRecorder();
    private RibWriter writer;
    private RouteTracker tracker;
    private StaticRouteListener listener;

    RouteTrackerTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        writer = new RibWriter(getDataBroker(), notifications, new LatencyLog());
        tracker = new RouteTracker(sessions, kernel, sink, writer, (instances, eventNanos) -> placed.add(instances));
        listener = new StaticRouteListener(getDataBroker(), tracker);
    }

    @AfterEach
    void stop() {
        listener.close();
        tracker.close();
        writer.close();
    }

    private static RouteConfigs.Hop hopA(final long preference) {
        return hop("a", "192.0.2.2", "vA", preference, bfd());
    }

    private static RouteConfigs.Hop hopB(final long preference) {
        return hop("b", "198.51.100.2", "vB", preference, bfd());
    }

    @Test
    void ecmpNextHopsAreWithdrawnAndRestoredWithTheirSessions() throws Exception {
        put(statics("st", route(NET.toString(), hopA(1), hopB(1))));
        await(() -> sessions.open(A).size() == 1 && sessions.open(B).size() == 1);
        settle();
        // sessions start Down: nothing was ever installed, so nothing is withdrawn either
        assertTrue(sink.applied.isEmpty(), "applied " + sink.applied);
        assertNull(rib("ipv4-master"));

        sessions.up(A);
        awaitKernel(Set.of("192.0.2.2"));
        sessions.up(B);
        awaitKernel(Set.of("192.0.2.2", "198.51.100.2"));
        awaitRib(2);
        // next-hop state: both active, both Up
        final var state = nextHopState("st", "a");
        assertEquals(Boolean.TRUE, state.getBfd().getActive());
        assertEquals(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State.Up,
            state.getBfd().getSessionState());

        sessions.down(A);
        awaitKernel(Set.of("198.51.100.2"));
        awaitRib(1);
        sessions.up(A);
        awaitKernel(Set.of("192.0.2.2", "198.51.100.2"));
        sessions.down(A);
        sessions.down(B);
        await(() -> !sink.table.containsKey(NET));
        await(() -> rib("ipv4-master") == null);
        // every change of the next hops in use was notified: A, A+B, B, A+B, B, none
        await(() -> notifications.of(NextHopsChanged.class).size() == 6);
        final var last = notifications.of(NextHopsChanged.class).getLast();
        assertFalse(last.getActive());
        assertEquals("st", last.getProtocolName());
        assertTrue(last.getCause().contains("Down"), last.getCause());
    }

    @Test
    void primaryAndBackupSwitchAndSwitchBackAfterHoldDown() throws Exception {
        put(statics("st", null, 1500, false, route(NET.toString(), hopA(1), hopB(10))));
        await(() -> sessions.open(A).size() == 1 && sessions.open(B).size() == 1);
        sessions.up(A);
        sessions.up(B);
        // the first Up of a session is not held down; the backup's better rival wins at once
        awaitKernel(Set.of("192.0.2.2"));
        sessions.down(A);
        awaitKernel(Set.of("198.51.100.2"));
        final long restored = System.nanoTime();
        sessions.up(A);
        assertTrue(tracker.drain(5_000));
        assertEquals(Set.of("198.51.100.2"), gateways(), "held down: the backup still carries the traffic");
        awaitKernel(Set.of("192.0.2.2"));
        final long heldMillis = (System.nanoTime() - restored) / 1_000_000;
        assertTrue(heldMillis >= 1500, "switched back after " + heldMillis + " ms, before the 1500 ms hold-down");
    }

    @Test
    void peerAdminDownKeepsTheNextHopUnlessTheInstanceWithdraws() throws Exception {
        put(statics("keep", route(NET.toString(), hopA(1), hopB(1))));
        await(() -> sessions.open(A).size() == 1);
        sessions.up(A);
        sessions.up(B);
        awaitKernel(Set.of("192.0.2.2", "198.51.100.2"));
        sessions.peerAdminDown(A);
        settle();
        assertEquals(Set.of("192.0.2.2", "198.51.100.2"), gateways(), "RFC 5882 3.2: AdminDown is no failure");
        assertEquals(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State.Down,
            awaitState("keep", "a", s -> s.getBfd().getSessionState() != null
                && s.getBfd().getSessionState().getIntValue() == 1).getBfd().getSessionState());
        // a real failure afterwards still withdraws it
        sessions.transition(A, State.DOWN, State.UP, State.UP);
        sessions.down(A);
        awaitKernel(Set.of("198.51.100.2"));

        delete("keep", true);
        await(() -> !sink.table.containsKey(NET));
        put(statics("withdraw", null, 0, true, route(NET.toString(), hopA(1), hopB(1))));
        await(() -> sessions.open(A).size() == 1);
        sessions.up(A);
        sessions.up(B);
        awaitKernel(Set.of("192.0.2.2", "198.51.100.2"));
        sessions.peerAdminDown(A);
        awaitKernel(Set.of("198.51.100.2"));
    }

    @Test
    void removingBfdFromOneRouteKeepsTheSessionOfAnother() throws Exception {
        final Prefix other = Prefix.parse("198.51.100.128/25");
        put(statics("st", route(NET.toString(), simple("192.0.2.2", "vA", bfd())),
            route(other.toString(), simple("192.0.2.2", "vA", bfd()))));
        await(() -> sessions.open(A).size() == 1);
        settle();
        assertEquals(1, sessions.registrations.size(), "one session for both routes");
        sessions.up(A);
        await(() -> sink.table.containsKey(NET) && sink.table.containsKey(other));

        // FRR staticd's bug: BFD removed from one route took the session of the other with it
        final long taken = tracker.configurations();
        put(statics("st", route(NET.toString(), simple("192.0.2.2", "vA", null)),
            route(other.toString(), simple("192.0.2.2", "vA", bfd()))));
        // nothing visible changes until the session goes down: wait for the listener to hand it over
        await(() -> tracker.configurations() > taken);
        settle();
        assertEquals(1, sessions.open(A).size(), "the other route still tracks the session");
        assertTrue(sink.table.containsKey(NET) && sink.table.containsKey(other));
        sessions.down(A);
        await(() -> !sink.table.containsKey(other));
        assertTrue(sink.table.containsKey(NET), "the untracked route stays");

        put(statics("st", route(NET.toString(), simple("192.0.2.2", "vA", null))));
        await(() -> sessions.open(A).isEmpty());
    }

    @Test
    void aNamedSessionIsTheOperatorsAndTwoUsersShareOneRegistration() throws Exception {
        put(RouteConfigs.bfdProtocol("bfd", RouteConfigs.namedSession("vA", "192.0.2.2", "ce1_to_pe1")));
        put(statics("st", route(NET.toString(), simple("192.0.2.2", null, RouteConfigs.named("ce1_to_pe1")))));
        await(() -> sessions.open(A).size() == 1);
        sessions.up(A);
        await(() -> sink.table.containsKey(NET));
        assertEquals(List.of(new KernelRoute.Hop(InetAddresses.forString("192.0.2.2"), null)),
            sink.table.get(NET).hops());
    }

    @Test
    void processInterfaceStatusWithdrawsEveryRouteThroughTheInterface() throws Exception {
        kernel.connected.put(Prefix.parse("192.0.2.0/24"), "vA");
        kernel.subs.put("vA", Set.of("vA.100"));
        final Prefix viaSub = Prefix.parse("198.51.100.0/25");
        put(RouteConfigs.bfdProtocol("bfd", RouteConfigs.coupled("vA", "192.0.2.2", true)));
        // untracked routes: one through vA by its connected prefix, one through the sub-interface
        put(statics("st", route(NET.toString(), simple("192.0.2.9", null, null)),
            route(viaSub.toString(), simple(null, "vA.100", null))));
        await(() -> sessions.open(A).size() == 1);
        settle();
        // the interface is BFD-down until its session first comes Up
        assertFalse(sink.table.containsKey(NET));
        assertEquals(Interface1.BfdStatus.Down, awaitInterface("vA", Interface1.BfdStatus.Down).getBfdStatus());
        sessions.up(A);
        await(() -> sink.table.containsKey(NET) && sink.table.containsKey(viaSub));
        assertEquals(Interface1.BfdStatus.Up, awaitInterface("vA.100", Interface1.BfdStatus.Up).getBfdStatus());
        sessions.down(A);
        await(() -> !sink.table.containsKey(NET) && !sink.table.containsKey(viaSub));
        awaitInterface("vA", Interface1.BfdStatus.Down);
        awaitInterface("vA.100", Interface1.BfdStatus.Down);
    }

    @Test
    void deletedConfigurationWithdrawsAndClosesEverything() throws Exception {
        put(statics("st", route(NET.toString(), hopA(1), hopB(1))));
        await(() -> sessions.open(A).size() == 1);
        sessions.up(A);
        awaitKernel(Set.of("192.0.2.2"));
        delete("st", true);
        await(() -> !sink.table.containsKey(NET) && sessions.open(A).isEmpty() && sessions.open(B).isEmpty());
        await(() -> rib("ipv4-master") == null);
        await(() -> read(RouteConfigs.path("st", true)) == null);
        assertTrue(sink.configured.getLast().isEmpty());
    }

    // ---- helpers

    private void put(final ControlPlaneProtocol protocol) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION, RouteConfigs.path(protocol.getName(),
            protocol.getStaticRoutes() != null), protocol);
        tx.commit().get();
    }

    private void delete(final String name, final boolean statics) throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, RouteConfigs.path(name, statics));
        tx.commit().get();
    }

    private void settle() {
        assertTrue(tracker.drain(5_000));
        assertTrue(writer.drain(5_000));
    }

    private Set<String> gateways() {
        final var route = sink.table.get(NET);
        return route == null ? Set.of() : route.hops().stream().map(h -> h.gateway().getHostAddress())
            .collect(java.util.stream.Collectors.toSet());
    }

    private void awaitKernel(final Set<String> gateways) throws InterruptedException {
        await(() -> gateways.equals(gateways()));
    }

    private void awaitRib(final int nextHops) throws InterruptedException {
        await(() -> {
            final Rib rib = rib("ipv4-master");
            if (rib == null || rib.getRoutes() == null || rib.getRoutes().nonnullRoute().size() != 1) {
                return false;
            }
            final var options = rib.getRoutes().nonnullRoute().get(0).getNextHop().getNextHopOptions();
            return nextHops == 1 ? options instanceof SimpleNextHop
                : options instanceof NextHopList list && list.getNextHopList().nonnullNextHop().size() == nextHops;
        });
    }

    private Rib rib(final String name) {
        return read(RibMapper.ribPath(name));
    }

    private NextHop1 nextHopState(final String instance, final String index) {
        return awaitState(instance, index, s -> true);
    }

    private NextHop1 awaitState(final String instance, final String index,
            final java.util.function.Predicate<NextHop1> check) {
        final NextHop1[] found = new NextHop1[1];
        try {
            await(() -> {
                final var route = (org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.ipv4.unicast.routing
                    .rev180313.routing.control.plane.protocols.control.plane.protocol._static.routes.ipv4.Route)
                    read(StateMapper.routePath(new RouteId(instance, NET)));
                if (route == null || !(route.getNextHop().getNextHopOptions()
                        instanceof org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313
                            .next.hop.content.next.hop.options.NextHopList list)) {
                    return false;
                }
                for (var entry : list.getNextHopList().nonnullNextHop().values()) {
                    final var aug = entry.augmentation(NextHop1.class);
                    if (entry.getIndex().equals(index) && aug != null && check.test(aug)) {
                        found[0] = aug;
                        return true;
                    }
                }
                return false;
            });
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return found[0];
    }

    private Interface1 awaitInterface(final String name, final Interface1.BfdStatus status)
            throws InterruptedException {
        await(() -> {
            final Interface1 aug = read(RibMapper.statusPath(name));
            return aug != null && aug.getBfdStatus() == status;
        });
        final Interface1 aug = read(RibMapper.statusPath(name));
        assertNotNull(aug);
        return aug;
    }

    @SuppressWarnings("unchecked")
    private <T extends org.opendaylight.yangtools.binding.DataObject> T read(
            final org.opendaylight.yangtools.binding.DataObjectIdentifier<? extends T> path) {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return (T) tx.read(LogicalDatastoreType.OPERATIONAL, path).get().orElse(null);
        } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException {
        // bounded: 250 x 20 ms
        for (int i = 0; i < 250; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "not reached in 5 s");
    }

    private Set<String> onDevice() {
        if (placed.isEmpty()) {
            return Set.of();
        }
        final var instance = placed.getLast().get("dev");
        final var hops = instance == null ? null : instance.routes().get(NET);
        return hops == null ? Set.of() : hops.stream().map(nh -> nh.address().getHostAddress())
            .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aPlacedInstanceGoesToItsDeviceNotToTheKernel() throws Exception {
        put(RouteConfigs.placed(statics("dev", route(NET.toString(), hopA(1), hopB(1))), "r1"));
        await(() -> sessions.open(A).size() == 1 && sessions.open(B).size() == 1);
        await(() -> !placed.isEmpty() && "r1".equals(placed.getLast().get("dev").node()));
        sessions.up(A);
        sessions.up(B);
        await(() -> onDevice().equals(Set.of("192.0.2.2", "198.51.100.2")));
        // the controller keeps its view (RIB, next-hop state), the kernel gets nothing
        awaitRib(2);
        sessions.down(A);
        await(() -> onDevice().equals(Set.of("198.51.100.2")));
        sessions.down(B);
        await(() -> !placed.getLast().get("dev").routes().containsKey(NET));
        assertTrue(sink.applied.isEmpty(), "kernel got " + sink.applied);

        // taken back from the device: the routes in use come to the kernel, the device's share goes
        sessions.up(A);
        await(() -> onDevice().equals(Set.of("192.0.2.2")));
        put(statics("dev", route(NET.toString(), hopA(1), hopB(1))));
        awaitKernel(Set.of("192.0.2.2"));
        await(() -> !placed.getLast().containsKey("dev"));
    }
}
