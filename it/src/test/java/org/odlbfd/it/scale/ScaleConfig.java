/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.util.Arrays;
import java.util.List;

/**
 * Knobs of the scale harness, all system properties (pass them to Maven with -D; failsafe forwards them).
 *
 * @param counts    session counts tried upward, stopping at the first that does not hold ({@code scale.n})
 * @param minCount  if the smallest count fails, it is halved down to this floor ({@code scale.nmin}, default 25)
 * @param intervals tx = rx intervals in ms, multiplier 3 ({@code scale.intervals}, default 50,300)
 * @param holdS     seconds every session must stay Up ({@code scale.hold}, default 60)
 * @param pairings  what runs in A and B: agent-agent, agent-frr, frr-frr ({@code scale.pairings})
 * @param heap      fixed heap of each agent JVM ({@code scale.heap}, default 512m)
 * @param threads   agent --threads, empty for the agent's default ({@code scale.threads})
 * @param layout    {@code per-session} (one address pair per single-hop session, the default) or
 *                  {@code shared64} (64 addresses per side, multihop sessions spread over the address pairs)
 *                  ({@code scale.layout})
 */
record ScaleConfig(int[] counts, int minCount, int[] intervals, int holdS, List<String> pairings, String heap,
        String threads, String layout) {
    static final int MULT = 3;

    static ScaleConfig fromSystem() {
        return new ScaleConfig(ints(System.getProperty("scale.n", "250,500,1000,2000,3000,4000,5000,6000")),
            Integer.getInteger("scale.nmin", 25),
            ints(System.getProperty("scale.intervals", "50,300")), Integer.getInteger("scale.hold", 60),
            List.of(System.getProperty("scale.pairings", "agent-agent,agent-frr").split(",")),
            System.getProperty("scale.heap", "512m"), System.getProperty("scale.threads", ""),
            layout(System.getProperty("scale.layout", ScaleBed.PER_SESSION)));
    }

    private static String layout(final String text) {
        if (!ScaleBed.PER_SESSION.equals(text) && !ScaleBed.SHARED64.equals(text)) {
            throw new IllegalArgumentException("scale.layout=" + text + ": expected " + ScaleBed.PER_SESSION + " or "
                + ScaleBed.SHARED64);
        }
        return text;
    }

    private static int[] ints(final String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
            .mapToInt(Integer::parseInt).sorted().toArray();
    }

    int maxCount() {
        return counts[counts.length - 1];
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public int[] intervals() {
        return intervals.clone();
    }
}
