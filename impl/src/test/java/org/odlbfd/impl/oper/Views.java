/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.oper;

import com.google.common.net.InetAddresses;
import java.time.Instant;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SessionParams;
import org.odlbfd.api.State;
import org.odlbfd.impl.config.SessionConfig;
import org.odlbfd.impl.engine.DetectionMode;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.session.ReceiveGap;

/**
 * Builds session views for the writer's tests and benchmark: a session that was just created, with
 * whatever the test changes on top.
 */
final class Views {
    static final String PROTOCOL = "bfd";
    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00Z");

    private final SessionKey key;
    private long txUs = 1_000_000;
    private int remoteDiscr;
    private int remoteMult;
    private State local = State.DOWN;
    private State remote = State.DOWN;
    private Diagnostic diag = Diagnostic.NONE;
    private @Nullable AuthType auth;
    private DetectionMode mode = DetectionMode.ASYNC_WITHOUT_ECHO;
    private long negotiatedUs = 1_000_000;
    private long detectionUs = 3_000_000;
    private @Nullable Instant upAt;
    private long downs;
    private long rx;
    private long tx;
    private @Nullable String transport;
    private @Nullable PolicySnapshot policy;
    private ReceiveGap gap = ReceiveGap.NONE;

    private Views(final SessionKey key) {
        this.key = key;
    }

    static Views of(final SessionKey key) {
        return new Views(key);
    }

    Views timers(final long us) {
        txUs = us;
        return this;
    }

    Views peer(final int discr, final int mult) {
        remoteDiscr = discr;
        remoteMult = mult;
        return this;
    }

    Views state(final State localState, final State remoteState) {
        local = localState;
        remote = remoteState;
        return this;
    }

    Views diag(final Diagnostic diagnostic) {
        diag = diagnostic;
        return this;
    }

    Views auth(final AuthType type) {
        auth = type;
        return this;
    }

    Views echo(final DetectionMode detectionMode) {
        mode = detectionMode;
        return this;
    }

    Views intervals(final long negotiated, final long detection) {
        negotiatedUs = negotiated;
        detectionUs = detection;
        return this;
    }

    Views upAt(final long millisAfterCreation) {
        upAt = CREATED.plusMillis(millisAfterCreation);
        return this;
    }

    Views downs(final long count) {
        downs = count;
        return this;
    }

    Views counters(final long received, final long sent) {
        rx = received;
        tx = sent;
        return this;
    }

    Views transport(final String status) {
        transport = status;
        return this;
    }

    Views policy(final PolicySnapshot state) {
        policy = state;
        return this;
    }

    Views gap(final ReceiveGap largest) {
        gap = largest;
        return this;
    }

    SessionView build() {
        final var source = key instanceof MultiHopKey mh ? mh.source() : InetAddresses.forString("2001:db8::1");
        final var config = new SessionConfig(PROTOCOL, key, source, new SessionParams(txUs, txUs, 3), false, false,
            null, false, null, 255, key instanceof MultiHopKey ? 250 : 255, null, null, 0, 0, false, 0, 0,
            PolicyConfig.NONE);
        return new SessionView(config, 0x1234, remoteDiscr, remoteMult, false, 49152, 3784, local, remote, diag,
            Diagnostic.NONE, auth, mode, negotiatedUs, negotiatedUs, detectionUs, 0, CREATED, upAt,
            downs > 0 ? CREATED.plusSeconds(downs) : null, downs, 0, rx, tx, 0, 0, transport, policy, gap);
    }
}
