/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.odlbfd.impl.engine.EngineScenarioTest.ADDR_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.KEY_A;
import static org.odlbfd.impl.engine.EngineScenarioTest.config;
import static org.odlbfd.impl.engine.Scripted.MS;
import static org.odlbfd.impl.engine.Scripted.pkt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.SessionConfig;

/**
 * RFC 5880 §6.5 (The Poll Sequence) and §6.8.3 (Timer Manipulation), with §6.8.2, §6.8.10 and
 * §6.8.11. The test plays the peer, so that it decides when (and whether) the Final comes.
 */
class Rfc5880PollSequenceTest {
    private final Scripted peer = new Scripted();
    private int ours;

    private static SessionConfig timers(final long txUs, final long rxUs) {
        return config("a", KEY_A, ADDR_A, txUs, rxUs, 3, 0, false, false, 0, 0);
    }

    private Scripted.Pkt up() {
        return pkt().state(State.UP).your(ours);
    }

    private void steady() {
        ours = peer.bringUp(timers(300_000, 300_000), KEY_A, pkt());
        peer.feed(KEY_A, up(), 250, 1_000);
    }

    private static long maxGap(final List<Scripted.Sent> sent) {
        long max = 0;
        for (int i = 1; i < sent.size(); i++) {
            max = Math.max(max, sent.get(i).atNanos() - sent.get(i - 1).atNanos());
        }
        return max;
    }

    @Test
    void s6_5_pollRidesOnTheScheduledPeriodicPackets() {
        steady();
        final Scripted.Sent before = peer.last();
        peer.engine.configure(timers(300_000, 200_000));
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 2_000);
        final List<Scripted.Sent> sent = peer.sentSince(from);
        // "the Poll Sequence MUST be performed by setting the Poll (P) bit on those scheduled
        // periodic transmissions; additional packets MUST NOT be sent"
        assertTrue(sent.get(0).packet().poll());
        assertTrue(sent.get(0).atNanos() - before.atNanos() >= 225 * MS, "no extra packet: "
            + (sent.get(0).atNanos() - before.atNanos()) / MS + " ms after the previous one");
        assertTrue(maxGap(sent) <= 300 * MS && sent.size() <= 2_000 / 225 + 1, sent.size() + " packets");
        assertTrue(sent.stream().allMatch(s -> s.packet().poll()), "repeated until the Final");
    }

    @Test
    void s6_5_finalEndsThePollAndNeverComesWithPoll() {
        steady();
        peer.engine.configure(timers(300_000, 200_000));
        peer.feed(KEY_A, up(), 250, 1_000);
        assertTrue(peer.last().packet().poll());
        // the peer polls us while we poll: the answer has F, never P and F together
        peer.deliver(KEY_A, up().poll());
        peer.loop.runMillis(1);
        assertTrue(peer.last().packet().fin() && !peer.last().packet().poll());
        peer.deliver(KEY_A, up().fin());
        final long ended = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 2_000);
        assertTrue(peer.sentSince(ended).stream().noneMatch(s -> s.packet().poll()), "P clear after the Final");
        assertTrue(peer.sent.stream().noneMatch(s -> s.packet().poll() && s.packet().fin()));
    }

    @Test
    void s6_8_3_slowerTransmissionWaitsForTheFinal() {
        steady();
        peer.engine.configure(timers(1_000_000, 300_000));
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 2_000);
        final List<Scripted.Sent> polling = peer.sentSince(from);
        assertTrue(polling.stream().allMatch(s -> s.packet().poll() && s.packet().desiredMinTxUs() == 1_000_000));
        // "the actual transmission interval used MUST NOT change until the Poll Sequence ... has terminated"
        assertTrue(maxGap(polling) <= 300 * MS, "still 300 ms: " + maxGap(polling) / MS);
        peer.deliver(KEY_A, up().fin());
        final long ended = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 5_000);
        final List<Scripted.Sent> after = peer.sentSince(ended);
        assertTrue(maxGap(after) > 750 * MS && maxGap(after) <= 1_000 * MS, "1 s now: " + maxGap(after) / MS);
        assertEquals(1_000_000, peer.snapshot(KEY_A).negotiatedTxUs());
    }

    @Test
    void s6_8_3_fasterReceptionWaitsForTheFinal() {
        ours = peer.bringUp(timers(300_000, 300_000), KEY_A, pkt().timers(100_000, 300_000));
        peer.feed(KEY_A, up().timers(100_000, 300_000), 100, 1_000);
        assertEquals(900_000, peer.snapshot(KEY_A).detectionTimeUs());
        peer.engine.configure(timers(300_000, 100_000));
        peer.feed(KEY_A, up().timers(100_000, 300_000), 100, 1_000);
        // "the previous value of bfd.RequiredMinRxInterval MUST be used when calculating the
        // Detection Time for the remote system until the Poll Sequence ... has terminated"
        assertEquals(900_000, peer.snapshot(KEY_A).detectionTimeUs());
        assertEquals(100_000, peer.last().packet().requiredMinRxUs());
        peer.deliver(KEY_A, up().timers(100_000, 300_000).fin());
        peer.loop.runMillis(1);
        assertEquals(300_000, peer.snapshot(KEY_A).detectionTimeUs());
    }

    @Test
    void s6_8_3_fasterTransmissionAndSlowerReceptionApplyAtOnce() {
        ours = peer.bringUp(timers(300_000, 300_000), KEY_A, pkt().timers(100_000, 100_000));
        peer.feed(KEY_A, up().timers(100_000, 100_000), 100, 1_000);
        peer.engine.configure(timers(100_000, 1_000_000));
        // "In any case other than those explicitly called out above, timing parameter changes MUST
        // be effected immediately": no Final has come, yet TX is 100 ms and the Detection Time 3 s
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up().timers(100_000, 100_000), 100, 1_000);
        assertTrue(maxGap(peer.sentSince(from)) <= 100 * MS, "gap " + maxGap(peer.sentSince(from)) / MS);
        assertTrue(peer.last().packet().poll(), "the Poll still runs");
        assertEquals(3_000_000, peer.snapshot(KEY_A).detectionTimeUs());
    }

    @Test
    void s6_8_3_smallerRemoteMinRxIsHonouredAtOnce() {
        final Scripted.Pkt slow = pkt().timers(300_000, 2_000_000);
        ours = peer.bringUp(timers(300_000, 300_000), KEY_A, slow);
        peer.feed(KEY_A, slow.state(State.UP).your(ours), 250, 5_000);
        // wait for our next packet (every 1.5-2 s now), the peer sending every 250 ms
        final int count = peer.sent.size();
        for (int t = 0; t < 3_000 && peer.sent.size() == count; t++) {
            if (t % 250 == 0) {
                peer.deliver(KEY_A, slow);
            }
            peer.loop.runMillis(1);
        }
        final Scripted.Sent last = peer.last();
        // 1.2 s later (the next one is due 1.5-2 s after it) the peer asks for 300 ms
        peer.feed(KEY_A, slow, 200, 1_200);
        assertEquals(last, peer.last());
        final long asked = peer.loop.nanoTime();
        peer.deliver(KEY_A, pkt().state(State.UP).your(ours));
        peer.loop.runMillis(1);
        // "If this interval has already passed since the last transmission ... the local system MUST
        // send the next periodic BFD Control packet as soon as practicable"
        assertEquals(asked, peer.last().atNanos(), "sent at once");
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 2_000);
        assertTrue(maxGap(peer.sentSince(from)) <= 300 * MS);
    }

    @Test
    void s6_8_3_secondChangeWaitsForTheFirstPollToEnd() {
        steady();
        peer.engine.configure(timers(1_000_000, 300_000));
        peer.feed(KEY_A, up(), 250, 1_000);
        // a second change while the first Poll runs: the Poll packets keep announcing the first
        peer.engine.configure(timers(1_000_000, 600_000));
        long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 1_000);
        for (Scripted.Sent sent : peer.sentSince(from)) {
            assertTrue(sent.packet().poll());
            assertEquals(300_000, sent.packet().requiredMinRxUs(), "one change per Poll Sequence");
        }
        // the Final, then a late second Final (the answer to an earlier Poll packet)
        peer.deliver(KEY_A, up().fin());
        peer.loop.runMillis(5);
        peer.deliver(KEY_A, up().fin());
        peer.loop.runMillis(5);
        assertEquals(1_000_000, peer.snapshot(KEY_A).negotiatedTxUs(), "the first change applies");
        from = peer.loop.nanoTime();
        peer.feed(KEY_A, up().fin(), 250, 2_000);
        assertTrue(peer.sentSince(from).size() >= 2);
        assertFalse(peer.sentSince(from).stream().anyMatch(s -> s.packet().poll()),
            "the second waits for a packet without F (6.8.3, third choice)");
        peer.deliver(KEY_A, up());
        from = peer.loop.nanoTime();
        peer.feed(KEY_A, up(), 250, 1_500);
        final Scripted.Sent second = peer.sentSince(from).get(0);
        assertTrue(second.packet().poll());
        assertEquals(600_000, second.packet().requiredMinRxUs());
        peer.deliver(KEY_A, up().fin());
        peer.loop.runMillis(1);
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
        assertFalse(peer.snapshot(KEY_A).statistics().rxPackets() == 0);
    }

    @Test
    void s6_8_3_echoBringUpAnnouncesEveryChangeInOnePoll() {
        // Going Up with Echo: TX falls from 1 s to 300 ms and, Echo starting, RX rises to 1 s
        ours = peer.bringUp(config("a", KEY_A, ADDR_A, 300_000, 300_000, 3, 50_000, false, false, 0, 0), KEY_A,
            pkt().echoRx(50_000));
        final List<Scripted.Sent> polls = peer.sent.stream().filter(s -> s.packet().poll()).toList();
        assertFalse(polls.isEmpty());
        for (Scripted.Sent poll : polls) {
            assertEquals(300_000, poll.packet().desiredMinTxUs(), poll.packet().toString());
            assertEquals(1_000_000, poll.packet().requiredMinRxUs(), poll.packet().toString());
        }
        // the Final that bringUp sent acknowledged all of it: no second Poll follows
        final long from = peer.loop.nanoTime();
        peer.feed(KEY_A, up().echoRx(50_000).timers(1_000_000, 300_000), 1_000, 3_000);
        assertTrue(peer.sentSince(from).stream().noneMatch(s -> s.packet().poll()));
        assertEquals(State.UP, peer.snapshot(KEY_A).localState());
    }

    @Test
    void s6_8_3_notUpMeansAtLeastOneSecond() {
        peer.engine.configure(timers(50_000, 50_000));
        peer.loop.runMillis(5_000);
        for (Scripted.Sent sent : peer.sent) {
            assertEquals(1_000_000, sent.packet().desiredMinTxUs());
        }
        assertTrue(maxGap(peer.sent) > 750 * MS && maxGap(peer.sent) <= 1_000 * MS);
    }
}
