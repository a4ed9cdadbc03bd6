/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.Scheduler.Cancellable;

/**
 * The Poll Sequence of one session (RFC 5880 §6.5): when one is needed, when it may start, what
 * its Final acknowledges, and the verifications that wait for it. Runs on the session's thread.
 *
 * <p>RFC 5880 §6.8.3 (last paragraph): a Final is ambiguous when changes were spread over several
 * Poll packets. So the timers a sequence announces are fixed when it starts (the session freezes
 * bfd.DesiredMinTxInterval and bfd.RequiredMinRxInterval until the Final), and a change made while
 * it runs waits for the next sequence. That next one starts only after a packet without the Final
 * bit has arrived since the last Final (the RFC's third choice), or, when no such packet will come
 * because the peer sends nothing periodic (Demand mode), after a Demand-mode Detection Time since
 * our last Poll packet, which is longer than any round trip the Poll mechanism can work with (the
 * second choice; §6.6: "the Poll mechanism will always fail unless the negotiated Detection Time is
 * greater than the round-trip time").
 *
 * <p>RFC 5880 §6.6: while Demand mode is active on either side, a sequence is also needed whenever
 * the next packet would differ from the previous one (other than P and F), and always when the D
 * bit changes. {@link #changed(SessionVars)} compares with what the peer has been sent, or will be
 * sent by the sequence just started.
 */
final class PollSequence {
    private final Session session;
    private final Scheduler scheduler;
    private final List<CompletableFuture<Boolean>> riding = new ArrayList<>(0);
    private final List<CompletableFuture<Boolean>> waiting = new ArrayList<>(0);

    private boolean wanted;
    /** A packet without F arrived since the last Final (RFC 5880 §6.8.3, third choice). */
    private boolean settled = true;
    private long generation;
    private long firstSentNanos;
    private long lastSentNanos;
    private @Nullable Cancellable deadline;
    private @Nullable Cancellable retry;

    // The contents the peer has been sent (or a starting sequence will send), P and F aside.
    private int sentDiag = -1;
    private State sentState = State.DOWN;
    private boolean sentDemand;
    private int sentMult;
    private int sentYour;
    private long sentTx;
    private long sentRx;
    private long sentEchoRx;

    PollSequence(final Session session, final Scheduler scheduler) {
        this.session = session;
        this.scheduler = scheduler;
    }

    /** Some change needs a sequence (RFC 5880 §6.5, §6.6, §6.8.3). */
    void want() {
        wanted = true;
    }

    /**
     * Whether a wanted sequence may start now.
     *
     * @param nowNanos the clock
     * @return true when nothing is running and a new Final cannot be confused with an old one
     */
    boolean canStart(final long nowNanos) {
        if (!wanted || session.pollActive) {
            return false;
        }
        final long quiet = session.demandDetectionNanos();
        if (settled || nowNanos - lastSentNanos >= quiet) {
            return true;
        }
        if (retry == null) {
            // nothing else may come to wake us (the peer in Demand mode sends nothing periodic)
            retry = scheduler.schedule(this::onRetry, lastSentNanos + quiet - nowNanos);
        }
        return false;
    }

    /** Starts a sequence; the caller freezes the timers it announces. */
    void start() {
        cancelRetry();
        session.pollActive = true;
        wanted = false;
        generation++;
        firstSentNanos = 0;
        riding.addAll(waiting);
        waiting.clear();
        cover(session);
    }

    /**
     * A packet with the P bit left.
     *
     * @param nowNanos the clock
     */
    void sent(final long nowNanos) {
        lastSentNanos = nowNanos;
        if (firstSentNanos == 0) {
            firstSentNanos = nowNanos;
            final long sequence = generation;
            // RFC 5880 §6.8.4: the Demand-mode Detection Time runs from the first Poll packet
            deadline = scheduler.schedule(() -> onDeadline(sequence), session.demandDetectionNanos());
        }
    }

    /**
     * A valid packet arrived (RFC 5880 §6.8.6: "If a Poll Sequence is being transmitted by the local
     * system and the Final (F) bit in the received packet is set, the Poll Sequence MUST be
     * terminated").
     *
     * @param fin its F bit
     * @return true when it ended the running sequence
     */
    boolean received(final boolean fin) {
        if (!fin) {
            settled = true;
            return false;
        }
        if (!session.pollActive) {
            return false;
        }
        end();
        settled = false;
        complete(riding, true);
        return true;
    }

    /**
     * A client asks for a verification (RFC 5880 §6.6). A running sequence's Final answers it too.
     *
     * @param result completes with the outcome
     */
    void verify(final CompletableFuture<Boolean> result) {
        if (session.pollActive) {
            riding.add(result);
        } else {
            waiting.add(result);
            wanted = true;
        }
        // Bounded even when no Poll packet can leave (a peer asking for no periodic packets, §6.8.7)
        scheduler.schedule(() -> result.complete(false), 2 * session.demandDetectionNanos());
    }

    /** The session left Up or went away: no sequence runs outside Up, verifications fail. */
    void stop() {
        end();
        wanted = false;
        cancelRetry();
        complete(riding, false);
        complete(waiting, false);
    }

    /**
     * Records the contents of a packet that left (or that a starting sequence will carry).
     *
     * @param vars the session
     */
    void cover(final SessionVars vars) {
        sentDiag = vars.localDiag.code();
        sentState = vars.sessionState;
        sentDemand = vars.demandBit();
        sentMult = vars.detectMult;
        sentYour = vars.remoteDiscr;
        sentTx = vars.desiredMinTxInterval;
        sentRx = vars.requiredMinRxInterval;
        sentEchoRx = vars.config.echoRxUs();
    }

    /**
     * RFC 5880 §6.6: whether the next packet needs a Poll Sequence because of its contents.
     *
     * @param vars the session
     * @return true when the D bit changes, or anything but P and F changes while Demand mode is
     *     active on either side
     */
    boolean changed(final SessionVars vars) {
        if (sentDiag < 0) {
            return false;
        }
        if (vars.demandBit() != sentDemand) {
            return true;
        }
        if (!vars.demandActive() && !vars.remoteDemandActive()) {
            return false;
        }
        return sentDiag != vars.localDiag.code() || sentState != vars.sessionState || sentMult != vars.detectMult
            || sentYour != vars.remoteDiscr || sentTx != vars.desiredMinTxInterval
            || sentRx != vars.requiredMinRxInterval || sentEchoRx != vars.config.echoRxUs();
    }

    private void end() {
        session.pollActive = false;
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    private void onDeadline(final long sequence) {
        deadline = null;
        if (!session.pollActive || sequence != generation) {
            return;
        }
        // A client's verification has its answer: no Final within one Detection Time.
        complete(riding, false);
        if (session.demandActive()) {
            // RFC 5880 §6.8.4: with Demand mode active the session has gone down.
            session.pollExpired(session.clock.nanoTime() - firstSentNanos - session.demandDetectionNanos());
        }
    }

    private void onRetry() {
        retry = null;
        session.pollRetry();
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel();
            retry = null;
        }
    }

    private static void complete(final List<CompletableFuture<Boolean>> results, final boolean outcome) {
        if (!results.isEmpty()) {
            final List<CompletableFuture<Boolean>> copy = List.copyOf(results);
            results.clear();
            copy.forEach(result -> result.complete(outcome));
        }
    }
}
