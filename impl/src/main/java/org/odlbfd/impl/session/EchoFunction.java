/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import java.util.random.RandomGenerator;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.Scheduler.Cancellable;

/**
 * The Echo function of one session (RFC 5880 §6.4, RFC 5881 §4): transmits Echo packets at the
 * echo interval with jitter, and declares failure when none of them has come back within
 * Detect Mult x that interval. Lazy like control detection (PERF-NOTES rule 4): a return only
 * stores its time; an early check re-arms itself for the remainder. Runs on the session's thread.
 */
final class EchoFunction {
    /** Sequence numbers accepted back: the last 64 sent, several detection times' worth. */
    static final int WINDOW = 64;

    private final Session session;
    private final Clock clock;
    private final Scheduler scheduler;
    private final PacketSink sink;
    private final RandomGenerator random;

    private @Nullable Cancellable txTimer;
    private @Nullable Cancellable checkTimer;
    private long lastRxNanos;
    private long sequence;
    /**
     * Carried in every Echo payload of this session: a returned Echo must carry it (RFC 5880 §6.4
     * leaves the payload to the sender; a discriminator alone is public, so anyone could forge a
     * "return"). Random per session, never sent in Control packets.
     */
    private final long nonce;
    /** Bit i set: sequence {@code sequence - i} came back already (each counts once). */
    private long returned;

    EchoFunction(final Session session, final Clock clock, final Scheduler scheduler, final PacketSink sink,
            final RandomGenerator random) {
        this.session = session;
        this.clock = clock;
        this.scheduler = scheduler;
        this.sink = sink;
        this.random = random;
        long value;
        do {
            value = random.nextLong();
        } while (value == 0);
        nonce = value;
    }

    /**
     * Starts or stops Echo as the session's state says. RFC 5880 §6.8.9: "BFD Echo packets MUST NOT
     * be transmitted when bfd.SessionState is not Up" nor "unless the last BFD Control packet
     * received from the remote system contains a nonzero value in Required Min Echo RX Interval"
     * (§6.8.6: zero means cease); RFC 5883 §3: never over multiple hops; never once deleted
     * (§6.8.16: AdminDown ceases Echo).
     */
    void update() {
        final boolean want = !session.deleting && !session.gone && session.sessionState == State.UP
            && session.config.echoTxUs() > 0 && session.remoteMinEchoRxInterval > 0 && session.config.singleHop();
        if (want && !session.echoActive) {
            session.echoActive = true;
            lastRxNanos = clock.nanoTime();
            txTimer = scheduler.schedule(this::onTx, 0);
            checkTimer = scheduler.schedule(this::onCheck, detectionNanos());
        } else if (!want && session.echoActive) {
            stop();
        }
    }

    void stop() {
        session.echoActive = false;
        cancel(txTimer);
        cancel(checkTimer);
        txTimer = null;
        checkTimer = null;
    }

    /**
     * An Echo packet carrying our discriminator arrived. It counts as ours coming back only when it
     * carries this session's nonce and one of the last {@value #WINDOW} sequence numbers sent, each
     * once: a forged, replayed or stale Echo does not keep a dead path alive.
     *
     * @param seq the payload's sequence number
     * @param tag the payload's nonce
     * @return true when it counted
     */
    boolean received(final long seq, final long tag) {
        final long age = sequence - seq;
        if (tag != nonce || age < 0 || age >= WINDOW || (returned & 1L << age) != 0) {
            return false;
        }
        returned |= 1L << age;
        session.counters.echoRx();
        lastRxNanos = clock.nanoTime();
        return true;
    }

    private void onTx() {
        txTimer = null;
        if (!session.echoActive) {
            return;
        }
        sequence++;
        returned <<= 1;
        session.counters.echoTx(sink.sendEcho(session.config(), session.localDiscr(), sequence, nonce));
        // RFC 5880 §6.8.7 jitter applies to Echo transmission as to control packets
        txTimer = scheduler.schedule(this::onTx, Timing.jitter(session.echoTxIntervalUs() * 1000,
            session.detectMult, random));
    }

    private void onCheck() {
        checkTimer = null;
        if (!session.echoActive) {
            return;
        }
        final long now = clock.nanoTime();
        final long deadline = lastRxNanos + detectionNanos();
        if (now < deadline) {
            checkTimer = scheduler.schedule(this::onCheck, deadline - now);
            return;
        }
        session.echoFailed(now - deadline);
    }

    private long detectionNanos() {
        return session.detectMult * session.echoTxIntervalUs() * 1000;
    }

    private static void cancel(final @Nullable Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
