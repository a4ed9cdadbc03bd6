/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.util.Map;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;

/**
 * One {@code EVENT name=.. from=.. to=.. ldiag=.. rdiag=.. t_ns=..} line of the agent.
 *
 * @param tNs      the agent's own timestamp (its System.nanoTime, CLOCK_MONOTONIC on Linux)
 * @param seenNs   our System.nanoTime when the line was read
 */
public record AgentEvent(String name, State from, State to, Diagnostic ldiag, Diagnostic rdiag, long tNs, long seenNs) {

    static AgentEvent parse(final String line, final long seenNs) {
        final Map<String, String> kv = Reply.fields(line);
        return new AgentEvent(kv.get("name"), State.valueOf(kv.get("from")), State.valueOf(kv.get("to")),
            Diagnostic.valueOf(kv.get("ldiag")), Diagnostic.valueOf(kv.get("rdiag")),
            Long.parseLong(kv.getOrDefault("t_ns", "0")), seenNs);
    }
}
