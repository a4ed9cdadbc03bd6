/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.auth.KeyProvider;
import org.odlbfd.impl.config.BfdConfigListener;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.oper.OperMapper;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.oper.StatePublisher;
import org.odlbfd.impl.rpc.PolicyRpcs;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.SessionConfig;
import org.odlbfd.impl.transport.TransportConfig;
import org.odlbfd.impl.transport.UdpTransport;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.mdsal.binding.dom.adapter.BindingAdapterFactory;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.broker.DOMRpcRouter;
import org.opendaylight.mdsal.dom.broker.RouterDOMRpcProviderService;
import org.opendaylight.mdsal.dom.broker.RouterDOMRpcService;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroupBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Hops;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Bfd1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearAdaptation;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearAdaptationInputBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearDamping;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearDampingInputBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.DampingNotification;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.VerifySession;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.VerifySessionInputBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.damping.parms.DampingBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.Profiles;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.Profile;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.ProfileBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.routing.control.plane.protocols.control.plane.protocol.bfd.profiles.ProfileKey;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;

/**
 * Profiles, the policy state leaves and the policy RPCs through a real in-memory MD-SAL: the
 * configuration listener, the embedded agent over loopback UDP against a second engine, the
 * operational writer, and mdsal's RPC router with the binding adapters (what RESTCONF invokes).
 */
class PolicyDatastoreTest extends AbstractConcurrentDataBrokerTest {
    // loopback only; ports of their own, off the standard ones and DatastoreFlowTest's
    private static final TransportConfig PORTS = new TransportConfig(27794, 27794, 28794, 28794, 27795, 27795,
        50311, 50312, 1 << 20);
    private static final String CONTROLLER = "127.0.0.15";
    private static final String PEER = "127.0.0.16";
    private static final SingleHopKey SH = new SingleHopKey("lo", InetAddresses.forString(PEER));
    private static final MultiHopKey MH = new MultiHopKey(InetAddresses.forString("127.0.0.17"),
        InetAddresses.forString("127.0.0.18"));
    private static final DataObjectIdentifier<Session> SH_PATH = OperMapper.sessionPath("bfd", SH);

    private final NotificationRecorder notifications = new NotificationRecorder();
    private OperationalWriter writer;
    private EmbeddedAgent agent;
    private BfdConfigListener listener;
    private UdpTransport peerTransport;
    private BfdEngine peer;
    private SessionConfig peerConfig;
    private DOMRpcRouter router;
    private PolicyRpcs rpcs;
    private RpcService rpcService;

    PolicyDatastoreTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        writer = new OperationalWriter(getDataBroker());
        final var publisher = new StatePublisher(writer, notifications);
        agent = new EmbeddedAgent(publisher, KeyProvider.NONE, 1, PORTS, 200);
        listener = new BfdConfigListener(getDataBroker(), agent);
        peerTransport = UdpTransport.create(1, PORTS);
        peer = new BfdEngine(peerTransport.schedulers(), Clock.SYSTEM, peerTransport::sink, KeyProvider.NONE, 7,
            new EngineObserver() { });
        peerTransport.attach(peer);
        peerConfig = SessionConfig.of("peer", new SingleHopKey("lo", InetAddresses.forString(CONTROLLER)),
            InetAddresses.forString(PEER), new SessionParams(100_000, 100_000, 3));
        assertTrue(peerTransport.open(peerConfig));
        peer.configure(peerConfig).get(5, TimeUnit.SECONDS);
        // the RPCs as the controller registers them, invoked through mdsal's router as RESTCONF does
        final var customizer = getDataBrokerTestCustomizer();
        router = new DOMRpcRouter(customizer.getSchemaService());
        // the test's schema service tells listeners of a model only when it changes: tell the router now
        customizer.updateSchema(getRuntimeContext());
        final var adapters = new BindingAdapterFactory(customizer.getAdapterContext());
        rpcs = new PolicyRpcs(adapters.createRpcProviderService(new RouterDOMRpcProviderService(router)),
            agent.engine(), writer);
        rpcService = adapters.createRpcService(new RouterDOMRpcService(router));
    }

    @AfterEach
    void stop() {
        rpcs.close();
        router.close();
        listener.close();
        agent.close();
        writer.close();
        peerTransport.close();
    }

    private static Profile gold(final long rxUs) {
        return new ProfileBuilder().setName("gold").setLocalMultiplier(new Multiplier(Uint8.valueOf(3)))
            .setDesiredMinTxInterval(Uint32.valueOf(100_000)).setRequiredMinRxInterval(Uint32.valueOf(rxUs))
            // half-life 60 s: the penalty barely decays during the test
            .setDamping(new DampingBuilder().setEnabled(true).setHalfLife(Uint16.valueOf(60))
                .setMaxSuppressTime(Uint16.valueOf(300)).build())
            .build();
    }

    private static DataObjectIdentifier<Profile> profilePath() {
        return OperMapper.bfdPath("bfd").toBuilder().augmentation(Bfd1.class).child(Profiles.class)
            .child(Profile.class, new ProfileKey("gold")).build();
    }

    private static Session goldSession() {
        return new SessionBuilder().setInterface("lo").setDestAddr(IetfInetUtil.ipAddressFor(PEER))
            .setSourceAddr(IetfInetUtil.ipAddressFor(CONTROLLER))
            .addAugmentation(new Session1Builder().setProfile("gold").setSessionName("gold-1").build()).build();
    }

    @Test
    void aProfileChangeRenegotiatesEverySessionUsingItWithoutAFlap() throws Exception {
        writeConfig(profilePath(), gold(100_000));
        writeConfig(SH_PATH, goldSession());
        // the profile's timers: detection = peer's 3 x max(our rx 100 ms, its tx 100 ms)
        final Session up = await(SH_PATH, s -> s.getSessionRunning().getLocalState() == State.Up
            && s.getSessionRunning().getDetectionTime().toJava() == 300_000L);
        final Session1 policy = up.augmentation(Session1.class);
        assertEquals(State.Up, policy.getClientState());
        assertNull(policy.getNotUpReason());
        assertFalse(policy.getDampingState().getDamped());
        assertEquals(1, policy.getAdaptationState().getRxBackoff().toJava());

        writeConfig(profilePath(), gold(250_000));
        final Session slower = await(SH_PATH, s -> s.getSessionRunning().getDetectionTime().toJava() == 750_000L);
        assertEquals(State.Up, slower.getSessionRunning().getLocalState());
        assertEquals(0L, slower.getSessionStatistics().getDownCount().getValue().toJava(), "no flap");
        assertEquals(0L, peer.snapshot(peerConfig.key()).get(5, TimeUnit.SECONDS).statistics().downCount(),
            "the peer saw none either");
    }

    @Test
    void notUpReasonDampingAndTheRpcs() throws Exception {
        final var mhPath = OperMapper.sessionGroupPath("bfd", MH);
        writeConfig(mhPath, new SessionGroupBuilder().setSourceAddr(IetfInetUtil.ipAddressFor("127.0.0.17"))
            .setDestAddr(IetfInetUtil.ipAddressFor("127.0.0.18")).setRxTtl(new Hops(Uint8.valueOf(250))).build());
        final var lonely = await(mhPath, g -> g.augmentation(SessionGroup1.class) != null
            && g.augmentation(SessionGroup1.class).getNotUpReason() != null);
        assertTrue(lonely.augmentation(SessionGroup1.class).getNotUpReason()
            .startsWith("no packets received from the peer since the session was created at "),
            lonely.augmentation(SessionGroup1.class).getNotUpReason());
        assertEquals(State.Down, lonely.augmentation(SessionGroup1.class).getClientState());

        writeConfig(profilePath(), gold(100_000));
        writeConfig(SH_PATH, goldSession());
        await(SH_PATH, s -> s.getSessionRunning().getLocalState() == State.Up);

        // verify-session: the demand-mode verification Poll; the peer engine answers with a Final
        final RpcResult<?> verified = rpcService.getRpc(VerifySession.class).invoke(new VerifySessionInputBuilder()
            .setSessionName("gold-1").build()).get(10, TimeUnit.SECONDS);
        assertTrue(verified.isSuccessful(), verified.getErrors().toString());
        assertTrue(((org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.VerifySessionOutput)
            verified.getResult()).getVerified());
        final RpcResult<?> unnamed = rpcService.getRpc(VerifySession.class).invoke(new VerifySessionInputBuilder()
            .build()).get(10, TimeUnit.SECONDS);
        assertFalse(unnamed.isSuccessful());
        assertTrue(unnamed.getErrors().get(0).getMessage().contains("name one session"), unnamed.getErrors()
            .toString());

        // three flaps: the peer holds itself Down (required-min-rx 0, RFC 5880 6.8.18) and lets go again
        for (int i = 0; i < 3; i++) {
            peer.configure(peerConfig.withParams(new SessionParams(100_000, 0, 3))).get(5, TimeUnit.SECONDS);
            await(SH_PATH, s -> s.getSessionRunning().getLocalState() != State.Up);
            peer.configure(peerConfig).get(5, TimeUnit.SECONDS);
            await(SH_PATH, s -> s.getSessionRunning().getLocalState() == State.Up);
        }
        final Session damped = await(SH_PATH, s -> s.augmentation(Session1.class).getDampingState().getDamped());
        final Session1 state = damped.augmentation(Session1.class);
        assertEquals(State.Up, damped.getSessionRunning().getLocalState(), "running on the wire");
        assertEquals(State.Down, state.getClientState(), "held Down for its clients");
        assertTrue(state.getNotUpReason().startsWith("Up on the wire, but damped until "), state.getNotUpReason());
        assertTrue(state.getDampingState().getPenalty().toJava() > 2_500, state.getDampingState().toString());
        assertEquals(3, state.getDampingState().getFlaps().toJava());
        final DampingNotification notice = notifications.await(DampingNotification.class,
            n -> n.getEvent() == DampingNotification.Event.Damped);
        assertEquals("gold-1", notice.getSessionName());
        assertEquals(state.getDampingState().getDampedUntil(), notice.getDampedUntil());

        final RpcResult<?> nobody = rpcService.getRpc(ClearDamping.class).invoke(new ClearDampingInputBuilder()
            .setSessionName("nobody").build()).get(10, TimeUnit.SECONDS);
        assertFalse(nobody.isSuccessful());
        assertEquals("clear-damping: no BFD session with session-name nobody",
            nobody.getErrors().get(0).getMessage());
        final RpcResult<?> cleared = rpcService.getRpc(ClearDamping.class).invoke(new ClearDampingInputBuilder()
            .setInterface("lo").setDestAddr(IetfInetUtil.ipAddressFor(PEER)).build()).get(10, TimeUnit.SECONDS);
        assertTrue(cleared.isSuccessful(), cleared.getErrors().toString());
        final var output = (org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearDampingOutput)
            cleared.getResult();
        assertEquals(1, output.getMatchedSessions().toJava());
        assertEquals(1, output.getClearedSessions().toJava());
        // the RPC answers once the state is written: no waiting here
        final Session1 after = read(SH_PATH).orElseThrow().augmentation(Session1.class);
        assertFalse(after.getDampingState().getDamped());
        assertEquals(State.Up, after.getClientState());
        assertNull(after.getNotUpReason());

        final RpcResult<?> all = rpcService.getRpc(ClearAdaptation.class).invoke(new ClearAdaptationInputBuilder()
            .build()).get(10, TimeUnit.SECONDS);
        assertTrue(all.isSuccessful(), all.getErrors().toString());
        assertEquals(2, ((org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearAdaptationOutput)
            all.getResult()).getMatchedSessions().toJava(), "both sessions, none adapted");
    }

    private <T extends DataObject> void writeConfig(final DataObjectIdentifier<T> path, final T data)
            throws Exception {
        final var tx = getDataBroker().newWriteOnlyTransaction();
        tx.mergeParentStructurePut(LogicalDatastoreType.CONFIGURATION, path, data);
        tx.commit().get(5, TimeUnit.SECONDS);
    }

    private <T extends DataObject> Optional<T> read(final DataObjectIdentifier<T> path) throws Exception {
        try (var tx = getDataBroker().newReadOnlyTransaction()) {
            return tx.read(LogicalDatastoreType.OPERATIONAL, path).get(5, TimeUnit.SECONDS);
        }
    }

    private <T extends DataObject> T await(final DataObjectIdentifier<T> path, final Predicate<T> check)
            throws Exception {
        // bounded: 750 x 20 ms; bring-up runs at the 1 s slow rate (RFC 5880 §6.8.3)
        for (int i = 0; i < 750; i++) {
            assertTrue(writer.drain(5_000));
            final Optional<T> now = read(path);
            if (now.isPresent() && check.test(now.orElseThrow())) {
                return now.orElseThrow();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("condition not reached in 15 s on " + path + ": " + read(path)
            + "; notifications " + List.copyOf(notifications.all()));
    }
}
