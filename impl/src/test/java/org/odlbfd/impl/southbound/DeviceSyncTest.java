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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.odlbfd.impl.southbound.SouthboundData.md5Chain;
import static org.odlbfd.impl.southbound.SouthboundData.protocol;
import static org.odlbfd.impl.southbound.SouthboundData.sh;
import static org.odlbfd.impl.southbound.SouthboundData.withChain;
import static org.odlbfd.impl.southbound.SouthboundData.withStatic;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.oper.OperMapper;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunningBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChainKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.PlacementStatus;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * One device's queue against a device whose datastore is a real in-memory MD-SAL datastore (as
 * netconf-testtool's is), reached through the same DOM data broker API a mount point offers.
 */
class DeviceSyncTest extends DeviceTestBed {
    private static final String NODE = "r1";
    private static final EntryKey KEY = new EntryKey("bfd1",
        new SingleHopKey("eth0", InetAddresses.forString("192.0.2.2")));
    private static final DataObjectIdentifier<Session> DEVICE_SESSION = OperMapper.sessionPath("bfd1",
        (SingleHopKey) KEY.session());

    private record Seen(EntryStatus status, @Nullable DataObject view) {
    }

    private final Map<EntryKey, Seen> seen = new ConcurrentHashMap<>();
    private final Map<EntryKey, Boolean> gone = new ConcurrentHashMap<>();
    private DeviceSupport support;
    private DeviceSync sync;

    @BeforeEach
    void start() {
        final var dom = new DeviceDom(codec());
        support = DeviceSupport.of(getDataBrokerTestCustomizer().getSchemaService().getGlobalContext());
        sync = new DeviceSync(NODE, dom, loop, new DeviceSync.Sink() {
            @Override
            public void entry(final String node, final Wanted wanted, final EntryStatus status,
                    final @Nullable DataObject view) {
                seen.put(wanted.key(), new Seen(status, view));
            }

            @Override
            public void gone(final String node, final Wanted wanted) {
                gone.put(wanted.key(), true);
                seen.remove(wanted.key());
            }
        }, new DeviceRoutes(NODE, codec(), loop,
            new DeviceRoutes.Sink() {
                @Override
                public void status(final String instance, final String node, final EntryStatus status) {
                    // no placed static routes here (DeviceRoutesTest)
                }

                @Override
                public void gone(final String instance, final String node) {
                    // no placed static routes here
                }
            }, new org.odlbfd.impl.routetracker.LatencyLog()));
    }

    private DeviceIntent intent(final Session session, final KeyChain... chains) {
        final var all = new java.util.HashMap<String, KeyChain>();
        for (var chain : chains) {
            all.put(chain.requireName(), chain);
        }
        return Intents.build(List.of(protocol("bfd1", List.of(session), List.of())), all, List.of()).get(NODE);
    }

    private Seen await(final Predicate<Seen> ready, final String what) throws InterruptedException {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            final var now = seen.get(KEY);
            if (now != null && ready.test(now)) {
                return now;
            }
            Thread.sleep(10);
        }
        return fail(what + ": " + seen.get(KEY));
    }

    private static <T extends DataObject> Optional<T> read(final DataBroker broker, final LogicalDatastoreType store,
            final DataObjectIdentifier<T> path) throws Exception {
        try (var tx = broker.newReadOnlyTransaction()) {
            return tx.read(store, path).get(5, TimeUnit.SECONDS);
        }
    }

    private <T extends DataObject> void deviceWrite(final LogicalDatastoreType store,
            final DataObjectIdentifier<T> path, final T data) throws Exception {
        final var tx = device.getDataBroker().newWriteOnlyTransaction();
        tx.mergeParentStructurePut(store, path, data);
        tx.commit().get(5, TimeUnit.SECONDS);
    }

    private Session awaitDevice(final Predicate<Session> ready, final String what) throws Exception {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Optional<Session> now = Optional.empty();
        while (System.nanoTime() < end) {
            now = read(device.getDataBroker(), LogicalDatastoreType.CONFIGURATION, DEVICE_SESSION);
            if (now.isPresent() && ready.test(now.orElseThrow())) {
                return now.orElseThrow();
            }
            Thread.sleep(10);
        }
        return fail(what + ": " + now);
    }

    @Test
    void waitsForTheDeviceThenAppliesAndReadsBack() throws Exception {
        on(() -> sync.update(intent(withChain(sh("eth0", "192.0.2.2", NODE), "k1"), md5Chain("k1", "secret"))));
        final var waiting = await(s -> s.status().status() == PlacementStatus.Pending, "pending while not mounted");
        assertTrue(waiting.status().error().contains("waiting for r1 to connect"), waiting.toString());

        on(() -> sync.mounted(device.getDomBroker(), support));
        final var applied = await(s -> s.status().isApplied(), "applied once mounted");
        assertTrue(applied.status().lastSynced() != null);
        final var held = awaitDevice(s -> true, "the session on the device");
        assertEquals(Uint8.valueOf(3), held.getLocalMultiplier().getValue());
        assertEquals("k1", held.getAuthentication().getKeyChain());
        assertTrue(held.augmentations().isEmpty(), "no placement, no odl-bfd-ext on the device: " + held);
        assertEquals(md5Chain("k1", "secret"), read(device.getDataBroker(), LogicalDatastoreType.CONFIGURATION,
            DataObjectIdentifier.builder(KeyChains.class).child(KeyChain.class, new KeyChainKey("k1")).build())
            .orElseThrow());

        on(sync::unmounted);
        final var lost = await(s -> s.status().status() == PlacementStatus.Unreachable, "unreachable once unmounted");
        assertTrue(lost.status().error().contains("may still run it"), lost.toString());
    }

    @Test
    void correctsDriftAndADeviceRestartedEmpty() throws Exception {
        on(() -> sync.update(intent(sh("eth0", "192.0.2.2", NODE))));
        on(() -> sync.mounted(device.getDomBroker(), support));
        await(s -> s.status().isApplied(), "applied");
        awaitDevice(s -> true, "written");

        // edited by hand on the device
        deviceWrite(LogicalDatastoreType.CONFIGURATION, DEVICE_SESSION, new SessionBuilder(awaitDevice(s -> true, ""))
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(9))).build());
        on(sync::requestSync);
        awaitDevice(s -> s.getLocalMultiplier().getValue().intValue() == 3, "multiplier corrected");

        // restarted empty
        final var tx = device.getDataBroker().newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.CONFIGURATION, DataObjectIdentifier.builder(Routing.class).build());
        tx.commit().get(5, TimeUnit.SECONDS);
        on(sync::requestSync);
        awaitDevice(s -> true, "session written again");
        assertTrue(seen.get(KEY).status().isApplied());
    }

    @Test
    void mirrorsTheDevicesStateAndForgetsRemovedSessions() throws Exception {
        on(() -> sync.update(intent(sh("eth0", "192.0.2.2", NODE))));
        on(() -> sync.mounted(device.getDomBroker(), support));
        await(s -> s.status().isApplied(), "applied");
        deviceWrite(LogicalDatastoreType.OPERATIONAL, DEVICE_SESSION, new SessionBuilder(awaitDevice(s -> true, ""))
            .setSessionRunning(new SessionRunningBuilder().setLocalState(State.Up).setRemoteState(State.Up).build())
            .build());
        on(sync::requestSync);
        final var up = await(s -> s.view() instanceof Session view && view.getSessionRunning() != null
            && view.getSessionRunning().getLocalState() == State.Up, "the device's Up mirrored");
        assertEquals(State.Up, ((Session) up.view()).getSessionRunning().getRemoteState());

        on(() -> sync.update(DeviceIntent.empty(NODE)));
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (read(device.getDataBroker(), LogicalDatastoreType.CONFIGURATION, DEVICE_SESSION).isPresent()
                && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertFalse(read(device.getDataBroker(), LogicalDatastoreType.CONFIGURATION, DEVICE_SESSION).isPresent(),
            "removed from the device");
        assertEquals(Boolean.TRUE, gone.get(KEY));
        assertNull(seen.get(KEY));
    }

    @Test
    void aDeviceWithoutOdlBfdExtCannotRunStaticDiscriminators() throws Exception {
        final var plain = new DeviceSupport(true, true, true, true, false, true, List.of());
        on(() -> sync.update(intent(withStatic(sh("eth0", "192.0.2.2", NODE), 42))));
        on(() -> sync.mounted(device.getDomBroker(), plain));
        final var failed = await(s -> s.status().status() == PlacementStatus.Failed, "failed");
        assertTrue(failed.status().error().contains("does not implement odl-bfd-ext"), failed.toString());
        assertFalse(read(device.getDataBroker(), LogicalDatastoreType.CONFIGURATION, DEVICE_SESSION).isPresent(),
            "nothing written");
    }

    @Test
    void aDeviceWithoutIetfBfdIsNotWrittenToAndSaysSo() throws Exception {
        final var none = new DeviceSupport(false, false, false, false, false, false,
            List.of("ietf-bfd is at revision 2018-01-01 on the device, the controller renders 2022-09-22"));
        on(() -> sync.update(intent(sh("eth0", "192.0.2.2", NODE))));
        on(() -> sync.mounted(device.getDomBroker(), none));
        final var failed = await(s -> s.status().status() == PlacementStatus.Failed, "failed");
        assertTrue(failed.status().error().contains("does not implement ietf-routing/ietf-bfd"), failed.toString());
        assertTrue(failed.status().error().contains("2018-01-01"), failed.toString());
        assertFalse(read(device.getDataBroker(), LogicalDatastoreType.CONFIGURATION, DEVICE_SESSION).isPresent());
    }
}
