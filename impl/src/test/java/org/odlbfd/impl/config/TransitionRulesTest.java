/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.config.BfdConfigs.sessions;
import static org.odlbfd.impl.config.BfdConfigs.sh;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.NonzeroDiscriminator;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1Builder;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Rules about a change: the max-sessions limit, and static discriminators against the sessions the
 * embedded agent runs.
 */
class TransitionRulesTest {
    private static final SessionKey RUNNING = new SingleHopKey("eth0", InetAddresses.forString("192.0.2.2"));

    private static ConfigView view(final Session... sessions) {
        return ConfigView.of(sessions(sessions), Map.of());
    }

    private static Session session(final String dest, final long staticDiscr) {
        final var builder = sh("eth0", dest);
        if (staticDiscr != 0) {
            builder.addAugmentation(new Session1Builder().setStaticLocalDiscriminator(
                new NonzeroDiscriminator(Uint32.valueOf(staticDiscr))).build());
        }
        return builder.build();
    }

    private static List<String> check(final int max, final Map<SessionKey, Integer> running, final ConfigView before,
            final ConfigView after) {
        return ConfigValidator.standard(() -> Host.ANY, HostRules.ALL_EMBEDDED, () -> running, max)
            .check(before, after);
    }

    private static void assertOne(final List<String> errors, final String... fragments) {
        assertEquals(1, errors.size(), errors::toString);
        for (var fragment : fragments) {
            assertTrue(errors.get(0).contains(fragment), () -> "'" + fragment + "' not in " + errors);
        }
    }

    @Test
    void growthPastMaxSessionsIsRefusedWithTheLimit() {
        final var two = view(session("192.0.2.2", 0), session("192.0.2.3", 0));
        final var three = view(session("192.0.2.2", 0), session("192.0.2.3", 0), session("192.0.2.4", 0));
        assertEquals(List.of(), check(2, Map.of(), ConfigView.EMPTY, two));
        assertOne(check(2, Map.of(), two, three), "would hold 3 BFD sessions", "max-sessions=2",
            "etc/org.odlbfd.agent.cfg");
        // above the limit already (it was lowered): shrinking and editing stay possible
        assertEquals(List.of(), check(1, Map.of(), three, two));
        assertEquals(List.of(), check(1, Map.of(), two, view(session("192.0.2.2", 9), session("192.0.2.3", 0))));
    }

    @Test
    void theHeapSizedDefaultFollowsTheHeap() {
        // 2 GiB, the distribution's heap: (1 GiB - 256 MiB) / 128 KiB
        assertEquals(6_144, SessionLimit.heapSized(2L << 30));
        assertEquals(14_336, SessionLimit.heapSized(4L << 30));
        assertEquals(100, SessionLimit.heapSized(256L << 20));
    }

    @Test
    void aRunningSessionKeepsItsDiscriminator() {
        final var before = view(session("192.0.2.2", 0));
        // running with the random discriminator 0x8000_0001 (unsigned 2147483649)
        final Map<SessionKey, Integer> running = Map.of(RUNNING, 0x8000_0001);
        assertOne(check(100, running, before, view(session("192.0.2.2", 77))),
            "static-local-discriminator 77: the session runs with local discriminator 2147483649",
            "delete the session and create it again");
        // naming the discriminator it has is no change
        assertEquals(List.of(), check(100, running, before, view(session("192.0.2.2", 2_147_483_649L))));
        // a static one set before cannot change either, even before the agent reports it
        assertOne(check(100, Map.of(), view(session("192.0.2.2", 5)), view(session("192.0.2.2", 6))),
            "static-local-discriminator 6: the session runs with local discriminator 5");
        // dropping the static value keeps the one it runs with: allowed
        assertEquals(List.of(), check(100, Map.of(RUNNING, 5), view(session("192.0.2.2", 5)),
            view(session("192.0.2.2", 0))));
    }

    @Test
    void aStaticDiscriminatorTheAgentAllocatedIsRefused() {
        final var before = view(session("192.0.2.2", 0));
        final Map<SessionKey, Integer> running = Map.of(RUNNING, 4242);
        assertOne(check(100, running, before, view(session("192.0.2.2", 0), session("192.0.2.3", 4242))),
            "ip-sh session interface=eth0 dest-addr=192.0.2.3", "static-local-discriminator 4242 is the local "
                + "discriminator of running session ip-sh eth0,192.0.2.2");
        assertEquals(List.of(), check(100, running, before, view(session("192.0.2.2", 0),
            session("192.0.2.3", 4243))));
    }
}
