/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.engine;

import java.net.InetAddress;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.AuthType;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.State;
import org.odlbfd.impl.session.SessionCounters;

/**
 * Everything the ietf-bfd state leaves of one session need, taken at one moment on the
 * session's thread. Intervals in microseconds.
 *
 * @param name name
 * @param key key
 * @param localAddress configured source address, or null
 * @param localDiscr bfd.LocalDiscr
 * @param remoteDiscr bfd.RemoteDiscr
 * @param localMultiplier bfd.DetectMult
 * @param remoteMultiplier the peer's Detect Mult
 * @param remoteDemand the peer's D bit (demand capability)
 * @param sourcePort UDP source port used
 * @param destPort UDP destination port
 * @param localState bfd.SessionState
 * @param remoteState bfd.RemoteSessionState
 * @param localDiag bfd.LocalDiag
 * @param remoteDiag the peer's Diag
 * @param remoteAuthenticated whether the peer's last packet was authenticated
 * @param remoteAuthType its auth type, or null
 * @param detectionMode detection mode
 * @param negotiatedTxUs periodic transmit interval
 * @param negotiatedRxUs interval at which the peer's packets are expected
 * @param detectionTimeUs Detection Time
 * @param echoTxUs echo transmit interval in use, 0 without echo
 * @param statistics counters
 * @param transportStatus the last transport error of the session (sockets that could not be
 *     opened, a send the kernel refused: EADDRNOTAVAIL while its address does not exist yet), or
 *     null while its packets leave
 */
public record SessionSnapshot(String name, SessionKey key, @Nullable InetAddress localAddress, int localDiscr,
        int remoteDiscr, int localMultiplier, int remoteMultiplier, boolean remoteDemand, int sourcePort,
        int destPort, State localState, State remoteState, Diagnostic localDiag, Diagnostic remoteDiag,
        boolean remoteAuthenticated, @Nullable AuthType remoteAuthType, DetectionMode detectionMode,
        long negotiatedTxUs, long negotiatedRxUs, long detectionTimeUs, long echoTxUs,
        SessionCounters.Snapshot statistics, @Nullable String transportStatus) {
}
