/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.agent;

import java.time.Duration;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A third namespace, C, for a remote agent beside an {@code NetNs} pair: a BFD link to the peer's
 * namespace and a management link to the controller's, both out of 203.0.113.0/24 (RFC 5737) and only
 * inside the namespaces. Interfaces are created inside the namespaces, so nothing can clash with the
 * host or another run.
 * <pre>
 *   C vC 203.0.113.1/30  ---  203.0.113.2/30 vBc  peer's namespace (B)
 *   C mC 203.0.113.5/30  ---  203.0.113.6/30 mAc  controller's namespace (A)
 * </pre>
 */
public final class AgentNamespace implements Resource {
    /** The agent's BFD address and interface. */
    public static final String AGENT = "203.0.113.1";
    public static final String AGENT_IF = "vC";
    /** The peer's address and interface on the agent's link. */
    public static final String PEER = "203.0.113.2";
    public static final String PEER_IF = "vBc";
    /** Where the controller reaches the agent's NETCONF. */
    public static final String AGENT_MGMT = "203.0.113.5";

    private static final Logger LOG = LoggerFactory.getLogger(AgentNamespace.class);

    private final String name;
    private boolean closed;

    private AgentNamespace(final String name) {
        this.name = name;
    }

    /**
     * Creates C, linked to {@code peerNs} and {@code controllerNs}; deletes what it made on failure.
     *
     * @param peerNs the BFD peer's namespace
     * @param controllerNs the controller's namespace
     * @return the namespace
     */
    public static AgentNamespace create(final String peerNs, final String controllerNs) {
        final var ns = new AgentNamespace(RunDir.uniqueName("agent") + "-c");
        boolean built = false;
        try {
            ns.build(peerNs, controllerNs);
            built = true;
        } finally {
            if (!built) {
                ns.close();
            }
        }
        return ns;
    }

    private void build(final String peerNs, final String controllerNs) {
        Shell.check("ip", "netns", "add", name);
        Shell.check("ip", "-n", name, "link", "set", "lo", "up");
        link(AGENT_IF, AGENT, peerNs, PEER_IF, PEER);
        link("mC", AGENT_MGMT, controllerNs, "mAc", "203.0.113.6");
        Shell.run(Duration.ofSeconds(5), "ip", "netns", "exec", name, "ping", "-c", "1", "-W", "2", PEER).check();
        LOG.info("agent namespace {} linked to {} and {}", name, peerNs, controllerNs);
    }

    private void link(final String here, final String hereAddr, final String otherNs, final String there,
            final String thereAddr) {
        Shell.check("ip", "link", "add", here, "netns", name, "type", "veth", "peer", "name", there, "netns",
            otherNs);
        Shell.check("ip", "-n", name, "addr", "add", hereAddr + "/30", "dev", here);
        Shell.check("ip", "-n", otherNs, "addr", "add", thereAddr + "/30", "dev", there);
        Shell.check("ip", "-n", name, "link", "set", here, "up");
        Shell.check("ip", "-n", otherNs, "link", "set", there, "up");
    }

    public String name() {
        return name;
    }

    /** Deletes the namespace (its veths go with it). The agent in it must have been stopped first. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        final var del = Shell.run("ip", "netns", "del", name);
        if (!del.ok() && !del.err().contains("No such file")) {
            LOG.warn("ip netns del {}: {}", name, del.err().trim());
        }
    }
}
