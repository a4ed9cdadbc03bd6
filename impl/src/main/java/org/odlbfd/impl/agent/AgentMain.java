/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.agent;

import static java.util.Objects.requireNonNull;

import io.netty.util.ResourceLeakDetector;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.odlbfd.api.State;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EngineObserver;
import org.odlbfd.impl.engine.EnginePolicies;
import org.odlbfd.impl.engine.EngineStats;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.packet.RejectReason;
import org.odlbfd.impl.policy.PolicyConfig;
import org.odlbfd.impl.policy.PolicyEvent;
import org.odlbfd.impl.policy.PolicySnapshot;
import org.odlbfd.impl.session.Clock;
import org.odlbfd.impl.session.SessionConfig;
import org.odlbfd.impl.transport.EchoAddressing;
import org.odlbfd.impl.transport.Transport;
import org.odlbfd.impl.transport.TransportConfig;

/**
 * A standalone BFD agent: engine and transport without Karaf, driven line by line on stdin,
 * answering line by line on stdout (one reply per command; EVENT lines whenever a session changes
 * state). The interop and scale tests run it inside network namespaces. Commands:
 * <pre>
 *   add sh name=NAME ifname=IF local=ADDR peer=ADDR [tx=US] [rx=US] [mult=N] [echo=US] [passive] [demand] [vrf=DEV]
 *          [auth=simple|keyed-md5|meticulous-keyed-md5|keyed-sha1|meticulous-keyed-sha1 keyid=N secret=STR]
 *          [ldisc=N] [rdisc=N]
 *   add mh name=NAME local=ADDR peer=ADDR [tx=US] [rx=US] [mult=N] [rxttl=N] [txttl=N] [vrf=DEV] [auth=...]
 *   set NAME [tx=US] [rx=US] [mult=N] [echo=US] [rxttl=N] [txttl=N] [demand=on|off]
 *   verify NAME       (a Poll Sequence now, RFC 5880 §6.6: VERIFY name=NAME result=true|false)
 *   policy NAME ...   (stability policies, see {@link PolicyCommand}; then CLIENT and PEVENT lines)
 *   policy-show NAME  (POLICY name=... client=... damped=... penalty=... reason=...)
 *   health [N]        (tick lag per loop, the N largest receive gaps: see {@link HealthCommand})
 *   admin-down NAME | admin-up NAME | del NAME | show NAME | stats | quit
 * </pre>
 * {@code del} answers once the session is gone: it sends AdminDown for a Detection Time first
 * (RFC 5880 §6.8.16).
 */
public final class AgentMain implements EngineObserver, AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;
    /** How long {@link #close()} lets sessions tell their peers AdminDown (the harness waits 5 s). */
    private static final long CLOSE_SECONDS = 4;

    private final PrintStream out;
    private final Transport transport;
    private final BfdEngine engine;
    private final EnginePolicies stability;
    private final AgentKeys keys = new AgentKeys();
    private final Map<String, SessionConfig> sessions = new HashMap<>();
    /** Sessions given a policy: their client state and policy events are printed (CLIENT, PEVENT). */
    private final Map<String, PolicyConfig> policies = new ConcurrentHashMap<>();
    private final Map<String, State> clientStates = new ConcurrentHashMap<>();

    /**
     * Starts engine and transport.
     *
     * @param output where replies and events go
     * @param threads event loops
     * @param ports the transport's ports
     */
    public AgentMain(final OutputStream output, final int threads, final TransportConfig ports) {
        out = new PrintStream(output, true, StandardCharsets.UTF_8);
        transport = Transport.create(threads, ports);
        engine = new BfdEngine(transport.schedulers(), Clock.SYSTEM, transport::sink, keys, System.nanoTime(), this);
        stability = new EnginePolicies(engine);
        transport.attach(engine);
    }

    /**
     * Runs the agent on stdin/stdout.
     *
     * @param args {@code --threads N}; {@code --echo=self|peer|self-ipv4} where Echo goes (default
     *     self, RFC 5881 §4: see {@link EchoAddressing}); {@code --echo4-self} is {@code --echo=self-ipv4}
     * @throws IOException when stdin fails
     */
    public static void main(final String[] args) throws IOException {
        // Netty's leak detector (level SIMPLE unless set) records a stack trace for one buffer in 128;
        // with one or two buffers per packet that showed as ~1 % of the agent's CPU (perf,
        // java_lang_Throwable::fill_in_stack_trace). The agent's buffers have one owner each, so it
        // runs without it unless -Dio.netty.leakDetection.level asks for it.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        int threads = 2;
        TransportConfig ports = TransportConfig.STANDARD;
        for (int i = 0; i < args.length; i++) {
            if ("--threads".equals(args[i]) && i + 1 < args.length) {
                threads = Integer.parseInt(args[++i]);
            } else if ("--echo4-self".equals(args[i])) {
                ports = ports.withEchoAddressing(EchoAddressing.SELF_IPV4);
            } else if (args[i].startsWith("--echo=")) {
                ports = ports.withEchoAddressing(EchoAddressing.parse(args[i].substring("--echo=".length())));
            } else {
                throw new IllegalArgumentException("usage: AgentMain [--threads N] [--echo=self|peer|self-ipv4] "
                    + "[--echo4-self]");
            }
        }
        // stdin and stdout are the protocol channel of this CLI, opened through their descriptors.
        try (AgentMain agent = new AgentMain(new FileOutputStream(FileDescriptor.out), threads, ports);
             BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in),
                 StandardCharsets.UTF_8))) {
            agent.run(in);
        }
    }

    /**
     * Prints READY, then executes commands until {@code quit} or end of input.
     *
     * @param in commands
     * @throws IOException when reading fails
     */
    public void run(final BufferedReader in) throws IOException {
        out.println("READY");
        String line;
        while ((line = in.readLine()) != null) {
            final String command = line.trim();
            if (command.isEmpty()) {
                continue;
            }
            if ("quit".equals(command)) {
                out.println("OK quit");
                return;
            }
            out.println(execute(command));
        }
    }

    /**
     * Executes one command.
     *
     * @param line the command
     * @return the reply line
     */
    public String execute(final String line) {
        final String[] words = line.trim().split("\\s+");
        try {
            return switch (words[0]) {
                case "add" -> add(words, line);
                case "set" -> set(words, line);
                case "admin-down", "admin-up" -> {
                    await(engine.adminState(session(words).key(), "admin-down".equals(words[0])));
                    yield "OK " + line;
                }
                case "del" -> {
                    final SessionConfig config = session(words);
                    await(engine.unconfigure(config.key()));
                    transport.release(config.key());
                    sessions.remove(config.name());
                    policies.remove(config.name());
                    keys.remove(config.keyChain());
                    yield "OK " + line;
                }
                case "show" -> show(session(words));
                case "verify" -> {
                    // RFC 5880 §6.5/§6.6: a Poll Sequence now; true when the Final came back
                    final SessionConfig config = session(words);
                    yield "VERIFY name=" + config.name() + " result=" + await(engine.verify(config.key()));
                }
                case "stats" -> stats(await(engine.stats()));
                case "health" -> HealthCommand.line(engine.tickLag(), await(engine.snapshots()),
                    words.length > 1 ? Integer.parseInt(words[1]) : HealthCommand.DEFAULT_TOP, transport.kernelDrops());
                case "policy" -> {
                    final SessionConfig config = session(words);
                    final PolicyConfig policy = PolicyCommand.parse(words, policies.getOrDefault(config.name(),
                        PolicyConfig.NONE));
                    policies.put(config.name(), policy);
                    await(stability.configure(config, policy));
                    yield "OK " + line;
                }
                case "policy-show" -> {
                    final SessionConfig config = session(words);
                    yield PolicyCommand.show(config.name(), requireNonNull(await(stability.snapshot(config.key())),
                        "gone"));
                }
                default -> "ERROR unknown command '" + words[0] + "'";
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "ERROR " + e.getMessage();
        }
    }

    private String add(final String[] words, final String line) {
        final CommandParser.Add add = CommandParser.parseAdd(words);
        final SessionConfig config = add.config();
        if (sessions.containsKey(config.name())) {
            throw new IllegalArgumentException("session " + config.name() + " exists");
        }
        for (SessionConfig other : sessions.values()) {
            if (other.key().equals(config.key())) {
                throw new IllegalArgumentException("session " + other.name() + " has the same key " + config.key());
            }
        }
        if (add.key() != null) {
            keys.put(config.keyChain(), add.key());
        }
        return configure(config, line);
    }

    private String set(final String[] words, final String line) {
        final SessionConfig config = CommandParser.parseSet(words, session(words));
        // turning Echo on opens the Echo socket, which the transport opens only when needed
        return configure(config, line);
    }

    // add and set alike: the sockets first, so the session's first packet has somewhere to go
    private String configure(final SessionConfig config, final String line) {
        if (!transport.open(config)) {
            throw new IllegalStateException("cannot open the sockets for " + config.name() + ": "
                + transport.status(config));
        }
        await(engine.configure(config));
        sessions.put(config.name(), config);
        return "OK " + line;
    }

    private SessionConfig session(final String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException(words[0] + " needs a session name");
        }
        final SessionConfig config = sessions.get(words[1]);
        if (config == null) {
            throw new IllegalArgumentException("no session " + words[1]);
        }
        return config;
    }

    private String show(final SessionConfig config) {
        final SessionSnapshot snap = await(engine.snapshot(config.key()));
        if (snap == null) {
            throw new IllegalStateException("session " + config.name() + " is gone");
        }
        final var stats = snap.statistics();
        final long authFail = stats.rejected(RejectReason.AUTH_FAILED) + stats.rejected(RejectReason.AUTH_SEQUENCE)
            + stats.rejected(RejectReason.AUTH_MISMATCH) + stats.rejected(RejectReason.BAD_AUTH_SECTION);
        return "SNAPSHOT name=" + snap.name() + " state=" + snap.localState() + " rstate=" + snap.remoteState()
            + " ldiag=" + snap.localDiag() + " rdiag=" + snap.remoteDiag()
            + " ldisc=" + Integer.toUnsignedString(snap.localDiscr())
            + " rdisc=" + Integer.toUnsignedString(snap.remoteDiscr())
            + " tx=" + snap.negotiatedTxUs() + " rx=" + snap.negotiatedRxUs() + " detect=" + snap.detectionTimeUs()
            + " echo=" + snap.echoTxUs() + " rxpkts=" + stats.rxPackets() + " txpkts=" + stats.txPackets()
            + " rxinvalid=" + stats.rxInvalid() + " authfail=" + authFail + " down=" + stats.downCount()
            + " echotx=" + stats.echoTxPackets() + " echorx=" + stats.echoRxPackets()
            + " rejects=" + reasons(stats.rxInvalidByReason())
            + " transport=" + (snap.transportStatus() == null ? "ok" : snap.transportStatus().replace(' ', '_'));
    }

    private static String reasons(final Map<RejectReason, Long> byReason) {
        if (byReason.isEmpty()) {
            return "-";
        }
        final StringBuilder text = new StringBuilder();
        byReason.forEach((reason, count) -> text.append(text.isEmpty() ? "" : ",").append(reason).append(':')
            .append(count));
        return text.toString();
    }

    private String stats(final EngineStats stats) {
        return "STATS sessions=" + stats.sessions() + " up=" + stats.up() + " rxpkts=" + stats.rxPackets()
            + " txpkts=" + stats.txPackets() + " rxinvalid=" + stats.rxInvalid()
            + " lateness_p50_us=" + stats.latenessP50Us() + " lateness_p99_us=" + stats.latenessP99Us()
            + " lateness_max_us=" + stats.latenessMaxUs() + " rejects=" + reasons(stats.rejects())
            + " handoffs=" + engine.handedOff() + " kernel_drops=" + transport.kernelDrops()
            + " transport=" + transport.description().replace(' ', '_');
    }

    private static <T> T await(final CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("engine did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void stateChanged(final SessionSnapshot snapshot, final State previous) {
        out.println("EVENT name=" + snapshot.name() + " from=" + previous + " to=" + snapshot.localState()
            + " ldiag=" + snapshot.localDiag() + " rdiag=" + snapshot.remoteDiag() + " t_ns=" + System.nanoTime());
    }

    @Override
    public void policyChanged(final SessionSnapshot snapshot, final PolicySnapshot policy) {
        if (policies.containsKey(snapshot.name())
                && clientStates.put(snapshot.name(), policy.clientState()) != policy.clientState()) {
            out.println("CLIENT name=" + snapshot.name() + " state=" + policy.clientState() + " wire="
                + snapshot.localState() + " damped=" + policy.damped() + " penalty=" + policy.penalty() + " t_ns="
                + System.nanoTime());
        }
    }

    @Override
    public void policyEvent(final SessionSnapshot snapshot, final PolicyEvent event) {
        if (policies.containsKey(snapshot.name())) {
            out.println("PEVENT name=" + snapshot.name() + " kind=" + event.kind() + " value=" + event.value()
                + " threshold=" + event.threshold() + " t_ns=" + System.nanoTime());
        }
    }

    /**
     * Deletes every session (each tells its peer AdminDown, RFC 5880 §6.8.16) and stops.
     */
    @Override
    public void close() {
        // All at once: each keeps sending AdminDown for a Detection Time before it is gone
        final List<CompletableFuture<Void>> deletes = new ArrayList<>();
        for (SessionConfig config : sessions.values()) {
            deletes.add(engine.unconfigure(config.key()));
        }
        try {
            CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).get(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the first AdminDown of each has been sent; stop anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessions.clear();
        transport.close();
        out.flush();
    }
}
