/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.DetectionMode;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The operational writer writes a session whole once and then only what changed: whatever sequence
 * of views it is given, the entry in the (real, in-memory) datastore is exactly the whole mapping of
 * the last view, as if each had been written whole. Also: the codec warm-up leaves nothing in the
 * datastore, and an entry removed behind the writer's back is written whole again.
 */
class EntryDeltaTest extends AbstractConcurrentDataBrokerTest {
    private static final SingleHopKey SH = new SingleHopKey("eth0", InetAddresses.forString("2001:db8::2"));
    private static final MultiHopKey MH = new MultiHopKey(InetAddresses.forString("192.0.2.1"),
        InetAddresses.forString("192.0.2.2"));

    private OperationalWriter writer;

    EntryDeltaTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        writer = new OperationalWriter(getDataBroker());
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    @Test
    void warmUpWritesNothing() {
        assertTrue(writer.drain(5_000));
        assertEquals(Optional.empty(), read(DataObjectIdentifier.builder(Routing.class).build()));
    }

    @Test
    void warmUpBringsItsEntriesUpWholeAndInPart() {
        // single-hop: created and peer learned whole, Up in part; a multihop group is always whole
        assertEquals(new CodecWarmUp.Writes(CodecWarmUp.ENTRIES * 2 + CodecWarmUp.ENTRIES / 10 * 2,
            CodecWarmUp.ENTRIES), CodecWarmUp.run(getDataBroker()));
        assertEquals(Optional.empty(), read(DataObjectIdentifier.builder(Routing.class).build()));
    }

    @Test
    void singleHopEntryFollowsEveryChangeWithPartialWrites() {
        step(Views.of(SH).build(), 1, 0);
        // the first packet: the peer's discriminator and multiplier are entry leaves, so the entry goes whole
        step(Views.of(SH).peer(0x77, 4).state(State.INIT, State.DOWN).counters(1, 1).build(), 2, 0);
        // Up: session-running and session-statistics
        step(Views.of(SH).peer(0x77, 4).state(State.UP, State.UP).upAt(1_000).counters(2, 2).build(), 2, 1);
        // the Poll/Final that brings the configured rate: session-running only
        step(Views.of(SH).peer(0x77, 4).state(State.UP, State.UP).upAt(1_000).counters(2, 2)
            .intervals(300_000, 900_000).build(), 2, 2);
        // counters on the period: session-statistics only
        step(Views.of(SH).peer(0x77, 4).state(State.UP, State.UP).upAt(1_000).counters(40, 41)
            .intervals(300_000, 900_000).build(), 2, 3);
        // an authenticated peer, then one that stops authenticating: the leaf goes with the container put
        step(Views.of(SH).peer(0x77, 4).state(State.UP, State.UP).auth(AuthType.KEYED_SHA1).build(), 2, 4);
        step(Views.of(SH).peer(0x77, 4).state(State.UP, State.UP).build(), 2, 5);
        // silence: bfd.RemoteDiscr back to 0 (RFC 5880 §6.8.1) takes entry leaves away
        step(Views.of(SH).state(State.DOWN, State.DOWN).diag(Diagnostic.CONTROL_EXPIRY).downs(1).build(), 3, 5);
        // a configuration change (timers) is an entry change
        step(Views.of(SH).timers(100_000).state(State.DOWN, State.DOWN).downs(1).build(), 4, 5);
        // the same view again writes nothing
        step(Views.of(SH).timers(100_000).state(State.DOWN, State.DOWN).downs(1).build(), 4, 5);
        // a field no part names (the transport's status, an augmentation) goes with the whole entry
        step(Views.of(SH).timers(100_000).state(State.DOWN, State.DOWN).downs(1).transport("bind failed").build(),
            5, 5);
    }

    @Test
    void multiHopGroupIsWrittenWholeWhenItChanges() {
        step(Views.of(MH).build(), 1, 0);
        step(Views.of(MH).peer(0x99, 3).state(State.UP, State.UP).upAt(5_000).counters(3, 3).build(), 2, 0);
        step(Views.of(MH).peer(0x99, 3).state(State.UP, State.UP).upAt(5_000).counters(9, 9)
            .echo(DetectionMode.ASYNC_WITH_ECHO).build(), 3, 0);
        step(Views.of(MH).peer(0x99, 3).state(State.UP, State.UP).upAt(5_000).counters(9, 9)
            .echo(DetectionMode.ASYNC_WITH_ECHO).build(), 3, 0);
        step(Views.of(MH).state(State.DOWN, State.DOWN).downs(1).build(), 4, 0);
    }

    @Test
    void entriesNextToOthersArePutOnTheirOwnAndAnEmptiedProtocolGoes() {
        final var second = new SingleHopKey("eth0", InetAddresses.forString("2001:db8::3"));
        final var third = new SingleHopKey("eth1", InetAddresses.forString("2001:db8::4"));
        step(Views.of(SH).build(), 1, 0);
        step(Views.of(second).build(), 2, 0);
        writer.remove(Views.PROTOCOL, SH);
        assertTrue(writer.drain(5_000));
        step(Views.of(third).peer(9, 3).build(), 3, 0);
        step(Views.of(MH).build(), 4, 0);
        assertEquals(Optional.empty(), read(OperMapper.sessionPath(Views.PROTOCOL, SH)));
        writer.remove(Views.PROTOCOL, second);
        writer.remove(Views.PROTOCOL, third);
        writer.remove(Views.PROTOCOL, MH);
        assertTrue(writer.drain(5_000));
        assertEquals(Optional.empty(), read(OperMapper.protocolPath(Views.PROTOCOL)));
        // a new first entry brings its parents again
        step(Views.of(SH).build(), 5, 0);
    }

    @Test
    void aCounterRefreshKeepsThePolicyStateItDoesNotCarry() {
        // the periodic refresh knows counters, not the policy state: it must not erase not-up-reason
        final var lonely = new PolicySnapshot(State.DOWN, "no packets received from the peer", false, 0, 0, 0, 0, 1,
            1, 0, 0, 0, false, false, 0);
        for (var key : List.<SessionKey>of(SH, MH)) {
            writer.put(Views.of(key).policy(lonely).counters(1, 1).build());
            assertTrue(writer.drain(5_000));
            writer.refresh(Views.of(key).counters(1, 9).build());
            assertTrue(writer.drain(5_000));
        }
        final var session = read(OperMapper.sessionPath(Views.PROTOCOL, SH)).orElseThrow();
        assertEquals(9, session.getSessionStatistics().getSendPacketCount().getValue().longValue());
        assertEquals("no packets received from the peer", session.augmentation(Session1.class).getNotUpReason());
        final var group = read(OperMapper.sessionGroupPath(Views.PROTOCOL, MH)).orElseThrow();
        assertEquals(9, group.nonnullSessions().get(0).getSessionStatistics()
            .getSendPacketCount().getValue().longValue());
        assertEquals("no packets received from the peer", group.augmentation(SessionGroup1.class).getNotUpReason());
    }

    @Test
    void counterRefreshesGoInChunksAndStaleOnesAreDropped() {
        final int count = CounterQueue.CHUNK * 2 + 17;
        final var keys = new ArrayList<SingleHopKey>();
        for (int i = 0; i < count; i++) {
            keys.add(new SingleHopKey("eth0", InetAddresses.forString("2001:db8:1::" + Integer.toHexString(i + 1))));
            writer.put(Views.of(keys.get(i)).peer(i + 1, 3).state(State.UP, State.UP).build());
        }
        assertTrue(writer.drain(10_000));
        final long wholeBefore = writer.writeCounts()[0];
        for (int i = 0; i < count; i++) {
            writer.refresh(Views.of(keys.get(i)).peer(i + 1, 3).state(State.UP, State.UP).counters(50, 60).build());
        }
        // a refresh taken before a transition whose own update came first: dropped
        writer.put(Views.of(SH).peer(7, 3).state(State.UP, State.UP).counters(5, 5).build());
        writer.refresh(Views.of(SH).counters(4, 4).build());
        // a refresh of a session the writer does not know: dropped
        writer.refresh(Views.of(new SingleHopKey("eth9", InetAddresses.forString("2001:db8::9"))).build());
        assertTrue(writer.drain(10_000));
        for (var key : List.of(keys.get(0), keys.get(CounterQueue.CHUNK), keys.get(count - 1))) {
            final var stats = read(OperMapper.sessionPath(Views.PROTOCOL, key)).orElseThrow().getSessionStatistics();
            assertEquals(50, stats.getReceivePacketCount().getValue().longValue());
            assertEquals(60, stats.getSendPacketCount().getValue().longValue());
        }
        final var transitioned = read(OperMapper.sessionPath(Views.PROTOCOL, SH)).orElseThrow();
        assertEquals(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State.Up,
            transitioned.getSessionRunning().getLocalState());
        assertEquals(5, transitioned.getSessionStatistics().getReceivePacketCount().getValue().longValue());
        assertEquals(Optional.empty(), read(OperMapper.sessionPath(Views.PROTOCOL,
            new SingleHopKey("eth9", InetAddresses.forString("2001:db8::9")))));
        // counters alone are statistics puts, and SH's first write was its only whole one
        assertEquals(wholeBefore + 1, writer.writeCounts()[0]);
    }

    @Test
    void anEntryRemovedBehindTheWritersBackIsWrittenWholeAgain() throws Exception {
        step(Views.of(SH).build(), 1, 0);
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.delete(LogicalDatastoreType.OPERATIONAL, OperMapper.sessionPath(Views.PROTOCOL, SH));
        tx.commit().get(5, TimeUnit.SECONDS);
        // a put below a missing entry fails its commit; the writer recovers by writing every entry whole
        final var up = Views.of(SH).state(State.UP, State.UP).build();
        writer.put(up);
        final var expected = OperMapper.toSession(up, SH);
        for (int i = 0; i < 250 && !read(OperMapper.sessionPath(Views.PROTOCOL, SH)).equals(
                Optional.of(expected)); i++) {
            sleep(20);
        }
        assertEquals(Optional.of(expected), read(OperMapper.sessionPath(Views.PROTOCOL, SH)));
    }

    private void step(final SessionView view, final long whole, final long partial) {
        writer.put(view);
        assertTrue(writer.drain(5_000));
        switch (view.config().key()) {
            case SingleHopKey sh -> assertEquals(Optional.of(OperMapper.toSession(view, sh)),
                read(OperMapper.sessionPath(Views.PROTOCOL, sh)));
            case MultiHopKey mh -> assertEquals(Optional.of(OperMapper.toSessionGroup(view, mh)),
                read(OperMapper.sessionGroupPath(Views.PROTOCOL, mh)));
        }
        assertArrayEquals(new long[] {whole, partial}, writer.writeCounts(), "whole and partial writes");
        final var summary = read(OperMapper.bfdSummaryPath(Views.PROTOCOL)).orElseThrow();
        assertEquals(view.localState() == State.UP ? 1 : 0, summary.getNumberOfSessionsUp().getValue().intValue());
    }

    private <T extends DataObject> Optional<T> read(final DataObjectIdentifier<T> path) {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.OPERATIONAL, path).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
