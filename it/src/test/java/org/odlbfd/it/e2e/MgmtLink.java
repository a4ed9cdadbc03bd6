/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.odlbfd.it.interop.Resource;
import org.odlbfd.it.interop.RunDir;
import org.odlbfd.it.interop.Shell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management link from the test JVM (root namespace) to the controller's namespace: one veth
 * pair with a /30 out of 198.51.100.0/24 (RFC 5737), chosen from the run id so that two runs on one
 * host do not share it. RESTCONF is reached over it exactly as an operator would reach a remote
 * controller, and BFD traffic stays on the other veth inside the namespaces.
 */
public final class MgmtLink implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(MgmtLink.class);
    /** Name of the controller's end inside its namespace. */
    private static final String NS_IF = "mgmt0";
    /** Links created by this JVM: each takes the next /30, so a controller and an agent can have one each. */
    private static final AtomicInteger CREATED = new AtomicInteger();

    private final String rootIf;
    private final String rootAddr;
    private final String nsAddr;
    private boolean closed;

    private MgmtLink(final String rootIf, final int block) {
        this.rootIf = rootIf;
        rootAddr = "198.51.100." + (block * 4 + 1);
        nsAddr = "198.51.100." + (block * 4 + 2);
    }

    /** Creates the pair, addresses both ends and checks the namespace's end answers ping. */
    public static MgmtLink create(final String ns) {
        // 1..62: the /30 blocks 198.51.100.4/30 .. 198.51.100.248/30
        final int seq = CREATED.getAndIncrement();
        final int block = 1 + Math.floorMod(RunDir.RUN_ID.hashCode() + seq, 62);
        final MgmtLink link = new MgmtLink("e2e" + RunDir.RUN_ID + (seq == 0 ? "" : "-" + seq), block);
        boolean built = false;
        try {
            Shell.check("ip", "link", "add", link.rootIf, "type", "veth", "peer", "name", NS_IF, "netns", ns);
            Shell.check("ip", "addr", "add", link.rootAddr + "/30", "dev", link.rootIf);
            Shell.check("ip", "link", "set", link.rootIf, "up");
            Shell.check("ip", "-n", ns, "addr", "add", link.nsAddr + "/30", "dev", NS_IF);
            Shell.check("ip", "-n", ns, "link", "set", NS_IF, "up");
            Shell.run(Duration.ofSeconds(5), "ping", "-c", "1", "-W", "2", link.nsAddr).check();
            built = true;
        } finally {
            if (!built) {
                link.close();
            }
        }
        LOG.info("management link {} {} <-> {} {}:{}", link.rootIf, link.rootAddr, ns, NS_IF, link.nsAddr);
        return link;
    }

    /** The namespace's address (the controller's, or the agent's), as seen from the test JVM. */
    public String controllerAddr() {
        return nsAddr;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // deleting one end deletes the pair; the namespace end also goes when the namespace is deleted
        final Shell.Result del = Shell.run("ip", "link", "del", rootIf);
        if (!del.ok() && !del.err().contains("Cannot find")) {
            LOG.warn("ip link del {}: {}", rootIf, del.err().trim());
        }
    }
}
