/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.odlbfd.api.State;
import org.odlbfd.it.interop.AgentProcess;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test (tag {@code scale}, out of the default run): N single-hop IPv6 sessions
 * configured over RESTCONF in one PUT against a second engine (AgentMain) in namespace B. Reports
 * the controller's footprint after boot; the time until all are Up in the operational datastore and
 * how far that trails the last transition of our engine; the time from each engine transition
 * ({@code last-up-time}) to the operational datastore (the {@code event-time} of the operational
 * data-change event that carries it); optionally a hold with a count of false Downs; heap per session
 * and what grew in the class histogram; isolated transitions to the datastore and to an SSE client;
 * the JVM's stop-the-world pauses. Every figure line carries the load average. Run it with
 * {@code ./mvnw -B -o -f it/pom.xml verify -Dinterop.excludedGroups=none -Dit.test=RestconfBenchIT}; the
 * properties are in it/README.md.
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestconfBenchIT {
    private static final Logger LOG = LoggerFactory.getLogger(RestconfBenchIT.class);
    private static final String PREFIX = "2001:db8:100::";
    private static final int COUNT = Integer.getInteger("bench.sessions", 1000);
    private static final int INTERVAL_MS = Integer.getInteger("bench.interval.ms", 300);
    /** false: no operational data-change stream (to see what following it costs the controller). */
    private static final boolean SSE = Boolean.parseBoolean(System.getProperty("bench.sse", "true"));
    /**
     * Query parameters of the data-change stream's GET. ODL sends the whole subscribed subtree (every
     * session) in each event unless asked for the changed leaves only: at 10,000 sessions that is 15
     * MB per commit, formatted one after the other, and the stream falls seconds behind. Empty: the
     * whole tree, as a naive subscriber gets it.
     */
    private static final String CHANGES_QUERY = System.getProperty("bench.changes.query",
        "changed-leaf-nodes-only=true");
    /** true: also follow singlehop-notification and time engine transition -> notification arrival. */
    private static final boolean NOTIFY = Boolean.getBoolean("bench.notify");
    /** Seconds all sessions must then stay Up, false Downs counted (0: no hold). */
    private static final int HOLD_S = Integer.getInteger("bench.hold", 0);
    /** Sessions taken down and up one at a time after the burst (each gives two isolated transitions). */
    private static final int FLAPS = Integer.getInteger("bench.flaps", 25);
    /** Extra controller JVM options (another collector, heap size, ...). */
    private static final String CTL_OPTS = System.getProperty("bench.ctl.opts", "");
    /** true: native memory tracking in the controller, its summary after boot and with the sessions. */
    private static final boolean NMT = Boolean.getBoolean("bench.nmt");
    /** A file: the burst is recorded with JFR (profile settings) into it. */
    private static final String JFR = System.getProperty("bench.jfr", "");
    /** The summary is polled this often while the sessions come Up. */
    private static final int POLL_MS = Integer.getInteger("bench.poll.ms", 50);
    /** How long the burst's change stream may take to show every session Up after the datastore did. */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(30);
    /** How long a new change stream may take to send the data already there (every session). */
    private static final Duration FIRST_EVENT_WAIT = Duration.ofMinutes(5);
    private static final Path SAFEPOINTS = Path.of("target", "e2e-bench-safepoints.log");
    private static final Pattern LINK_MAC = Pattern.compile("link/ether ([0-9a-f:]{17})");

    private ControllerBed bed;
    private Bfd bfd;
    private AgentProcess agent;
    private BenchProbe probe;

    @BeforeAll
    void boot() throws Exception {
        Files.deleteIfExists(SAFEPOINTS);
        final String opts = BenchProbe.safepointLogOption(SAFEPOINTS) + (NMT ? " -XX:NativeMemoryTracking=summary" : "")
            + " " + CTL_OPTS;
        // more sessions than the heap-sized default limit: the operator raises max-sessions
        final PrivateHome home = COUNT > 1000 ? PrivateHome.copy(Controller.home(), "bench",
            Map.of("etc/org.odlbfd.agent.cfg", "max-sessions=" + COUNT + "\n")) : null;
        bed = ControllerBed.boot("bench", home == null ? Controller.home() : home.path(), home, opts);
        probe = new BenchProbe(bed.controller());
        // the controller idles a few seconds after RESTCONF answers (late bundles, first GC cycles)
        Shell.sleep(5_000);
        Figures.record("MEASURED e2e bench footprint after boot (" + opts.trim() + "): " + probe.footprint()
            + (NMT ? "; " + probe.nativeMemory() : "") + "; load average " + ControllerBed.loadAverage());
        bfd = new Bfd(bed.http, "bench");
        final Path dir = RunDir.create("bench");
        bed.net.addIpv6Pairs(PREFIX, COUNT, dir);
        // permanent neighbours: the kernel's shared ND table would otherwise cap the run, not BFD
        neighbours(bed.net.a(), NetNs.IF_A, mac(bed.net.b(), NetNs.IF_B), 2, dir.resolve("neighA.batch"));
        neighbours(bed.net.b(), NetNs.IF_B, mac(bed.net.a(), NetNs.IF_A), 1, dir.resolve("neighB.batch"));
        agent = bed.own(AgentProcess.start(bed.net.b(), List.of("-Xms512m", "-Xmx512m", "-XX:+UseZGC",
            "-XX:+ZGenerational")));
        final String timers = " tx=" + INTERVAL_MS * 1000 + " rx=" + INTERVAL_MS * 1000 + " mult=3";
        for (int i = 0; i < COUNT; i++) {
            agent.ok("add sh name=s" + i + " ifname=" + NetNs.IF_B + " local=" + addr(2 * i + 2) + " peer="
                + addr(2 * i + 1) + timers);
        }
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private static String addr(final int host) {
        return PREFIX + Integer.toHexString(host);
    }

    @Test
    void sessionsOverRestconf() throws Exception {
        final long heapBefore = probe.heapKib();
        final var histogramBefore = probe.histogram();
        final EventStream changes = SSE ? bed.own(changeStream()) : null;
        final int agentMark = agent.mark();
        final EventStream notes = NOTIFY ? bed.own(EventStream.open(bed.http,
            bfd.notificationStream(Bfd.SINGLEHOP_NOTIFICATION))) : null;
        final StringBuilder body = new StringBuilder("{\"ietf-bfd-ip-sh:sessions\": {\"session\": [");
        for (int i = 0; i < COUNT; i++) {
            body.append(i == 0 ? "" : ",").append("{\"interface\": \"").append(NetNs.IF_A)
                .append("\", \"dest-addr\": \"").append(addr(2 * i + 2))
                .append("\", \"source-addr\": \"").append(addr(2 * i + 1))
                .append("\", \"local-multiplier\": 3, \"desired-min-tx-interval\": ").append(INTERVAL_MS * 1000)
                .append(", \"required-min-rx-interval\": ").append(INTERVAL_MS * 1000).append('}');
        }
        if (!JFR.isEmpty()) {
            probe.startRecording("bench");
        }
        final String loadAtPut = ControllerBed.loadAverage();
        final var cpuBefore = probe.threadCpu();
        final long start = System.nanoTime();
        final var put = bed.http.put(bfd.bfd() + "/ietf-bfd-ip-sh:ip-sh/sessions", body.append("]}}").toString());
        final long putMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(put.isSuccess(), () -> "PUT sessions: " + put.status() + " " + put.body());
        long allUpMs = -1;
        Instant allUpAt = null;
        int up = 0;
        // (time, sessions Up in the operational datastore), sampled every POLL_MS
        final List<long[]> curve = new ArrayList<>();
        final long end = start + Duration.ofMinutes(3 + COUNT / 2000).toNanos();
        while (System.nanoTime() < end) {
            up = sessionsUp();
            curve.add(new long[] {System.nanoTime(), up});
            if (up >= COUNT) {
                allUpMs = (System.nanoTime() - start) / 1_000_000;
                allUpAt = Instant.now();
                break;
            }
            Shell.sleep(POLL_MS);
        }
        final var cpuAfter = probe.threadCpu();
        final String lag = curveLag(curve, peerUpNanos(agentMark), start);
        final var oper = operSessions();
        final Instant lastUp = oper.values().stream().map(s -> s.lastUp).filter(t -> t != null)
            .max(Instant::compareTo).orElse(null);
        final String behind = allUpAt == null || lastUp == null ? "n/a"
            : Duration.between(lastUp, allUpAt).toMillis() + " ms";
        if (!JFR.isEmpty()) {
            probe.dumpRecording("bench", Path.of(JFR));
        }
        final long[] caughtUp = {-1};
        final List<Long> latencies = SSE ? transitionToDatastoreMs(changes, oper, allUpAt, caughtUp) : List.of();
        Figures.record("MEASURED e2e bench " + COUNT + " sessions at " + INTERVAL_MS
            + " ms x3 over RESTCONF: PUT " + putMs + " ms, all Up in the operational datastore after " + allUpMs
            + " ms (" + up + " up), that is " + behind + " after our engine's last Up (summary polled every "
            + POLL_MS + " ms); engine Up -> operational datastore p50 " + pct(latencies, 50) + " ms p99 "
            + pct(latencies, 99) + " ms max " + pct(latencies, 100) + " ms (n=" + latencies.size() + "), "
            + (SSE ? changes.size() : 0) + " change events" + (SSE ? ", the stream showed every Up "
            + (caughtUp[0] < 0 ? "not within " + STREAM_WAIT.toSeconds() + " s" : caughtUp[0] + " ms")
            + " after the datastore had all Up" : "") + "; " + lag + " load average " + loadAtPut + " at the PUT, "
            + ControllerBed.loadAverage() + " after");
        Figures.record("MEASURED e2e bench " + COUNT + " sessions, PUT to all Up: "
            + BenchProbe.cpuGrowth(cpuBefore, cpuAfter, 10));
        if (notes != null) {
            final List<Long> delays = new ArrayList<>();
            for (var ev : notes.events()) {
                final var note = Bfd.singlehop(ev.data());
                if (note != null && "up".equals(note.get("new-state").getAsString())) {
                    delays.add(Duration.between(time(note.get("time-of-last-state-change").getAsString()),
                        ev.arrived()).toMillis());
                }
            }
            delays.sort(null);
            Figures.record("MEASURED e2e bench " + COUNT + " sessions: engine Up -> singlehop-notification at the SSE "
                + "client p50 " + pct(delays, 50) + " ms p99 " + pct(delays, 99) + " ms max " + pct(delays, 100)
                + " ms (n=" + delays.size() + ")");
        }
        assertTrue(up > 0, "no session came Up");
        if (HOLD_S > 0) {
            hold(agent.mark());
        }
        Shell.sleep(2_000);
        final long heapAfter = probe.heapKib();
        final var histogramAfter = probe.histogram();
        Figures.record("MEASURED e2e bench " + COUNT + " sessions Up: " + probe.footprint() + ", heap "
            + heapBefore / 1024 + " -> " + heapAfter / 1024 + " MiB = " + (heapAfter - heapBefore) * 1024 / COUNT
            + " bytes/session" + (NMT ? "; " + probe.nativeMemory() : "") + "; load average "
            + ControllerBed.loadAverage());
        Figures.record("MEASURED e2e bench " + COUNT + " sessions: " + BenchProbe.growth(histogramBefore,
            histogramAfter, COUNT, 15));
        if (FLAPS > 0) {
            final long subscribed = System.nanoTime();
            final var flapChanges = bed.own(changeStream()).awaitConnected(Duration.ofSeconds(30));
            // A new subscriber first gets the data already there (every session), then the changes: the
            // transitions are timed once that has arrived, so they measure the steady state.
            final var first = flapChanges.await(0, data -> true, FIRST_EVENT_WAIT);
            Figures.record("MEASURED e2e bench " + COUNT + " sessions: a new data-change subscriber"
                + (CHANGES_QUERY.isEmpty() ? "" : " (" + CHANGES_QUERY + ")") + " got its first event after "
                + (first.arrivedNanos() - subscribed) / 1_000_000 + " ms, " + first.data().length()
                + " characters; load average " + ControllerBed.loadAverage());
            final var flapNotes = bed.own(EventStream.open(bed.http, bfd.notificationStream(
                Bfd.SINGLEHOP_NOTIFICATION))).awaitConnected(Duration.ofSeconds(30));
            final var flaps = new IsolatedTransitions();
            flaps.run(agent, flapChanges, flapNotes, COUNT, FLAPS, i -> addr(2 * i + 2));
            Figures.record("MEASURED e2e bench " + COUNT + " sessions: " + flaps.figures() + "; load average "
                + ControllerBed.loadAverage());
        }
        Figures.record("MEASURED e2e bench " + COUNT + " sessions, controller JVM since boot: "
            + BenchProbe.pauses(SAFEPOINTS));
    }

    /** The operational data-change stream of every protocol instance, with {@link #CHANGES_QUERY}. */
    private EventStream changeStream() throws Exception {
        final String url = bfd.operationalChangeStream("/ietf-routing:routing/control-plane-protocols");
        return EventStream.open(bed.http, CHANGES_QUERY.isEmpty() ? url : url + "?" + CHANGES_QUERY);
    }

    /**
     * All sessions must stay Up for HOLD_S seconds: the summary is read every second, and the peer
     * engine's transitions and our down-counts are checked at the end.
     */
    private void hold(final int agentMark) throws Exception {
        final long end = System.nanoTime() + Duration.ofSeconds(HOLD_S).toNanos();
        int lowest = COUNT;
        while (System.nanoTime() < end) {
            lowest = Math.min(lowest, sessionsUp());
            Shell.sleep(1_000);
        }
        final long peerDowns = agent.events().subList(agentMark, agent.events().size()).stream()
            .filter(ev -> ev.from() == State.UP).count();
        final long ourDowns = operSessions().values().stream().mapToLong(s -> s.downs).sum();
        Figures.record("MEASURED e2e bench " + COUNT + " sessions at " + INTERVAL_MS + " ms x3 held " + HOLD_S
            + " s: fewest Up " + lowest + ", false Downs: peer engine " + peerDowns + ", ours (down-count) "
            + ourDowns + "; load average " + ControllerBed.loadAverage());
    }

    /** When the peer engine saw each session Up (test clock, first Up per session), sorted. */
    private List<Long> peerUpNanos(final int mark) {
        final Map<String, Long> first = new HashMap<>();
        final var all = agent.events();
        for (var ev : all.subList(Math.min(mark, all.size()), all.size())) {
            if (ev.to() == State.UP) {
                first.putIfAbsent(ev.name(), ev.seenNs());
            }
        }
        final List<Long> res = new ArrayList<>(first.values());
        res.sort(null);
        return res;
    }

    /**
     * The datastore's lag behind the engines without any event stream: when the peer engine had p% of the
     * sessions Up versus when a GET of the summary first showed p% Up (both ends go Up within one packet).
     */
    private static String curveLag(final List<long[]> curve, final List<Long> peerUp, final long start) {
        final StringBuilder sb = new StringBuilder("peer engine vs operational summary:");
        for (int p : new int[] {50, 90, 99, 100}) {
            final int need = (int) Math.ceil(p / 100.0 * COUNT);
            final long peerAt = peerUp.size() >= need ? (peerUp.get(need - 1) - start) / 1_000_000 : -1;
            long operAt = -1;
            for (long[] point : curve) {
                if (point[1] >= need) {
                    operAt = (point[0] - start) / 1_000_000;
                    break;
                }
            }
            sb.append(' ').append(p).append("% Up peer ").append(peerAt).append(" ms oper ").append(operAt)
                .append(" ms;");
        }
        return sb.toString();
    }

    private int sessionsUp() throws Exception {
        final var reply = bed.http.get(bfd.bfd() + "/ietf-bfd-ip-sh:ip-sh/summary?content=nonconfig");
        if (reply.status() != 200) {
            return 0;
        }
        final JsonObject summary = reply.json().getAsJsonObject().getAsJsonObject("ietf-bfd-ip-sh:summary");
        return summary == null || !summary.has("number-of-sessions-up") ? 0
            : summary.get("number-of-sessions-up").getAsInt();
    }

    /** A session's operational entry, as far as the bench needs it. */
    private record OperSession(Instant lastUp, long downs) {
    }

    /** Every session's last-up-time and down-count, by dest-addr, from one GET. */
    private Map<String, OperSession> operSessions() throws Exception {
        final Map<String, OperSession> result = new HashMap<>();
        final var oper = bed.http.get(bfd.bfd() + "/ietf-bfd-ip-sh:ip-sh/sessions?content=nonconfig");
        for (var el : oper.json().getAsJsonObject().getAsJsonObject("ietf-bfd-ip-sh:sessions")
                .getAsJsonArray("session")) {
            final JsonObject s = el.getAsJsonObject();
            final var stats = s.getAsJsonObject("session-statistics");
            final Instant lastUp = stats != null && stats.has("last-up-time")
                ? time(stats.get("last-up-time").getAsString()) : null;
            result.put(s.get("dest-addr").getAsString(), new OperSession(lastUp, Bfd.stat(s, "down-count")));
        }
        return result;
    }

    /**
     * For each session: its last-up-time (the engine's transition, read back from the datastore) and the
     * event-time of the first operational change event showing it Up at or after that instant. The
     * stream may still be formatting the burst when the datastore has all Up, so this waits (at most
     * {@code STREAM_WAIT}) until every session is matched; {@code caughtUp} gets how long after
     * {@code allUpAt} the event that matched the last one arrived, or -1 when it did not come in time.
     */
    private static List<Long> transitionToDatastoreMs(final EventStream stream, final Map<String, OperSession> oper,
            final @Nullable Instant allUpAt, final long[] caughtUp) {
        final Map<String, Instant> lastUp = new HashMap<>();
        oper.forEach((dest, session) -> {
            if (session.lastUp() != null && session.downs() == 0) {
                lastUp.put(dest, session.lastUp());
            }
        });
        final Map<String, Long> latency = new HashMap<>();
        final long end = System.nanoTime() + STREAM_WAIT.toNanos();
        int next = 0;
        caughtUp[0] = -1;
        while (latency.size() < lastUp.size() && System.nanoTime() < end) {
            final List<EventStream.Event> events = stream.events();
            for (; next < events.size() && latency.size() < lastUp.size(); next++) {
                final EventStream.Event ev = events.get(next);
                final Instant at = ChangeEvents.eventTime(ev.data());
                if (at == null) {
                    continue;
                }
                for (String dest : ChangeEvents.sessionsIn(ev.data(), "up")) {
                    final Instant upAt = lastUp.get(dest);
                    if (upAt != null && !at.isBefore(upAt) && !latency.containsKey(dest)) {
                        latency.put(dest, Duration.between(upAt, at).toMillis());
                    }
                }
                if (latency.size() == lastUp.size() && allUpAt != null) {
                    caughtUp[0] = Duration.between(allUpAt, ev.arrived()).toMillis();
                }
            }
            if (latency.size() < lastUp.size()) {
                Shell.sleep(200);
            }
        }
        LOG.info("{} sessions with last-up-time, {} matched to a change event", lastUp.size(), latency.size());
        final List<Long> sorted = new ArrayList<>(latency.values());
        sorted.sort(null);
        return sorted;
    }

    private static long pct(final List<Long> sorted, final int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        final int idx = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static Instant time(final String yangDateAndTime) {
        return OffsetDateTime.parse(yangDateAndTime).toInstant();
    }

    private static String mac(final String ns, final String ifname) {
        final Matcher m = LINK_MAC.matcher(Shell.check("ip", "-n", ns, "-o", "link", "show", ifname).out());
        if (!m.find()) {
            throw new IllegalStateException("no MAC for " + ifname + " in " + ns);
        }
        return m.group(1);
    }

    /** Permanent neighbour entries for the peer addresses (host numbers first, first + 2, ...). */
    private static void neighbours(final String ns, final String ifname, final String peerMac, final int first,
            final Path file) {
        final StringBuilder batch = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            batch.append("neigh replace ").append(addr(2 * i + first)).append(" lladdr ").append(peerMac)
                .append(" dev ").append(ifname).append(" nud permanent\n");
        }
        RunDir.write(file, batch.toString());
        Shell.run(Duration.ofSeconds(120), "ip", "-n", ns, "-batch", file.toString()).check();
        LOG.debug("neighbours for {} in {}", ifname, ns);
    }
}
