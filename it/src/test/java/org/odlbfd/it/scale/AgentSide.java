/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.odlbfd.api.Diagnostic;
import org.odlbfd.api.State;
import org.odlbfd.it.interop.AgentEvent;
import org.odlbfd.it.interop.AgentProcess;
import org.odlbfd.it.interop.Reply;

/**
 * Our engine (AgentMain) at one end, with session i named "s" + i. The JVM gets ZGC (generational)
 * and a fixed heap so that GC pauses do not pose as detection lateness.
 */
final class AgentSide implements Side {
    private final AgentProcess agent;
    /** Per-thread CPU and run-queue wait when the hold began, for {@link #health()}. */
    private Map<Long, ThreadWaits.Times> threadsAtMark = Map.of();

    private AgentSide(final AgentProcess agent) {
        this.agent = agent;
    }

    static AgentSide start(final ScaleConfig cfg, final ScaleBed.End end, final int count, final int intervalMs) {
        final List<String> jvm = new ArrayList<>(List.of("-Xms" + cfg.heap(), "-Xmx" + cfg.heap(), "-XX:+UseZGC",
            "-XX:+ZGenerational", "-XX:+AlwaysPreTouch"));
        // extra agent JVM options, e.g. a JFR recording (use %p in its file name: both ends get them)
        final String extra = System.getProperty("scale.agent.jvmopts", "").trim();
        if (!extra.isEmpty()) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        final AgentProcess proc = cfg.threads().isBlank() ? AgentProcess.start(end.ns(), jvm)
            : AgentProcess.start(end.ns(), jvm, "--threads", cfg.threads());
        final AgentSide side = new AgentSide(proc);
        boolean ok = false;
        try {
            final String timers = " tx=" + intervalMs * 1000 + " rx=" + intervalMs * 1000 + " mult=" + ScaleConfig.MULT;
            for (int i = 0; i < count; i++) {
                proc.ok(end.multiHop()
                    ? "add mh name=s" + i + " local=" + end.local(i) + " peer=" + end.peer(i) + timers
                    : "add sh name=s" + i + " ifname=" + end.ifname() + " local=" + end.local(i) + " peer="
                        + end.peer(i) + timers);
            }
            ok = true;
        } finally {
            if (!ok) {
                side.close();
            }
        }
        return side;
    }

    @Override
    public String kind() {
        return "agent";
    }

    @Override
    public Sample sample() {
        final long cpu = ProcCpu.micros(agent.pid());
        final Reply stats = agent.stats();
        final long downs = agent.events().stream().filter(e -> e.from() == State.UP).count();
        return new Sample(stats.num("up"), downs, stats.num("rxpkts") + stats.num("txpkts"), cpu);
    }

    @Override
    public int mark() {
        return agent.mark();
    }

    @Override
    public List<Long> expiryTimes(final int mark) {
        final List<AgentEvent> all = agent.events();
        final List<Long> times = new ArrayList<>();
        for (AgentEvent e : all.subList(Math.min(mark, all.size()), all.size())) {
            if (e.from() == State.UP && e.to() == State.DOWN && e.ldiag() == Diagnostic.CONTROL_EXPIRY) {
                times.add(e.tNs());
            }
        }
        return times;
    }

    @Override
    public String lateness() {
        final Reply stats = agent.stats();
        // the transport's health too: discarded packets by reason, hand-offs between loops, kernel drops
        return "p50=" + stats.str("lateness_p50_us") + "us p99=" + stats.str("lateness_p99_us") + "us max="
            + stats.str("lateness_max_us") + "us rejects=" + stats.fields().getOrDefault("rejects", "?")
            + " handoffs=" + stats.fields().getOrDefault("handoffs", "?") + " kernel_drops="
            + stats.fields().getOrDefault("kernel_drops", "?");
    }

    @Override
    public void markThreads() {
        threadsAtMark = ThreadWaits.read(agent.pid());
    }

    @Override
    public String health() {
        try {
            return agent.command("health 5") + " threads_since_hold="
                + ThreadWaits.busiest(threadsAtMark, ThreadWaits.read(agent.pid()), 4);
        } catch (AssertionError e) {
            // a figure the end could not give must not fail the step
            return "n/a (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }

    @Override
    public long kill() {
        return Kill.sigkill(agent.pid(), AgentProcess.MAIN);
    }

    @Override
    public void close() {
        agent.close();
    }
}
