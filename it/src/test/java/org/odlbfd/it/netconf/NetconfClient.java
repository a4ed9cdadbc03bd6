/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.netconf;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.w3c.dom.Document;

/**
 * A real NETCONF client for the tests: ncclient (Debian's python3-ncclient) driven through
 * {@code src/test/resources/netconf/nc.py}, one SSH session per call. Every call is bounded.
 */
public final class NetconfClient {
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("src", "test", "resources", "netconf", "nc.py").toAbsolutePath();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    /** What an edit-config + commit answered. */
    public record EditReply(boolean ok, @Nullable String errorTag, String message) {
        static EditReply of(final Shell.Result result) {
            final String out = result.out().trim();
            if (result.rc() == 0 && out.endsWith("OK")) {
                return new EditReply(true, null, out);
            }
            if (result.rc() == 3 && out.startsWith("RPC-ERROR ")) {
                final String[] parts = out.split(" ", 3);
                return new EditReply(false, parts[1], parts.length > 2 ? parts[2] : "");
            }
            throw new IllegalStateException("edit-config failed outside NETCONF: " + result);
        }
    }

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final @Nullable String namespace;

    public NetconfClient(final String host, final int port, final String user, final String password) {
        this(host, port, user, password, null);
    }

    /**
     * A client run inside network namespace {@code namespace} (null: the test JVM's), for servers only
     * reachable from there.
     */
    public NetconfClient(final String host, final int port, final String user, final String password,
            final @Nullable String namespace) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.namespace = namespace;
    }

    /** The server's address. */
    public String host() {
        return host;
    }

    /** Fails the calling class unless python3 with ncclient is installed. */
    public static void require() {
        final var check = Shell.run(PYTHON, "-c", "import ncclient");
        if (!check.ok() || !Files.isReadable(SCRIPT)) {
            fail("no NETCONF client: " + PYTHON + " cannot import ncclient (" + check.err().trim()
                + ") or " + SCRIPT + " is missing - run tools/install-peers.sh as root");
        }
    }

    List<String> command(final String... args) {
        final List<String> cmd = new ArrayList<>();
        if (namespace != null) {
            cmd.addAll(List.of("ip", "netns", "exec", namespace));
        }
        cmd.addAll(List.of(PYTHON, SCRIPT.toString(), host, Integer.toString(port), user, password));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private Shell.Result call(final String... args) {
        return Shell.run(CALL_TIMEOUT, command(args).toArray(String[]::new));
    }

    /**
     * The server's hello capabilities.
     *
     * @return them, or an empty list when no session could be opened (exit 4: not up, or refused)
     */
    public List<String> hello() {
        final var result = call("hello");
        if (result.rc() == 4) {
            return List.of();
        }
        return List.of(result.check().out().trim().split("\n"));
    }

    /** Whether a session with these credentials is refused (exit 4) rather than opened. */
    public boolean refused() {
        final var result = call("hello");
        return result.rc() == 4 && result.out().contains("Authentication");
    }

    /** {@code <get>} with an optional subtree filter: configuration and state. */
    public Document get(final @Nullable String filter) {
        return Xml.parse(filtered("get", filter).check().out().trim());
    }

    /** {@code <get-config>} of running with an optional subtree filter. */
    public Document getConfig(final @Nullable String filter) {
        return Xml.parse(filtered("get-config", filter).check().out().trim());
    }

    /** {@code <get-config>} of running with an optional subtree filter, as the server wrote it. */
    public String getConfigText(final @Nullable String filter) {
        return filtered("get-config", filter).check().out().trim();
    }

    private Shell.Result filtered(final String op, final @Nullable String filter) {
        if (filter == null) {
            return call(op);
        }
        final Path file = RunDir.create("nc").resolve("filter.xml");
        RunDir.write(file, filter);
        return call(op, file.toString());
    }

    /** {@code <edit-config>} of candidate with {@code config} (inside {@code <config>}), then {@code <commit>}. */
    public EditReply edit(final String config) {
        final Path file = RunDir.create("nc").resolve("edit.xml");
        RunDir.write(file, config);
        return EditReply.of(call("edit", file.toString()));
    }

    /** Opens a {@code <create-subscription/>} session on the default stream, for at most {@code length}. */
    public Subscription subscribe(final Duration length) {
        return Subscription.open(command("listen", Long.toString(length.toSeconds())));
    }
}
