/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.cli;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;

/**
 * {@code bfd:session KEY}: one session in full, in the shape of Huawei's
 * {@code display bfd session ... verbose} and Juniper's {@code show bfd session extensive}: a
 * header with the state, then every operational leaf the datastore holds for it, whichever module
 * defined the leaf.
 */
@Service
@Command(scope = "bfd", name = "session", description = "Shows one BFD session with every operational leaf")
public final class SessionCommand implements Action {
    @Argument(index = 0, name = "key", required = true, description = "IF,DEST (single-hop), SRC,DEST (multihop)"
        + " or the session-name")
    private String key;

    @Reference
    private DataBroker dataBroker;
    @Reference
    private DOMDataBroker domDataBroker;
    @Reference
    private BindingNormalizedNodeSerializer codec;
    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        final var out = session.getConsole();
        final var row = OperSessions.find(OperSessions.read(dataBroker), key);
        if (row == null) {
            out.println("No BFD session " + key + " (try bfd:sessions)");
            return null;
        }
        final var path = codec.toYangInstanceIdentifier(row.path());
        final var node = domDataBroker.newReadOnlyTransaction().read(LogicalDatastoreType.OPERATIONAL, path)
            .get(10, TimeUnit.SECONDS);
        final var run = row.running();
        final String rule = "-".repeat(78);
        out.println(rule);
        out.printf("  (%s) State : %-10s Name : %s%n", row.singleHop() ? "One Hop" : "Multi Hop",
            run == null ? "-" : Text.state(run.getLocalState()), Text.orDash(row.name()));
        out.printf("  Instance : %-15s Key : %s%n", row.protocol(), row.keyText());
        out.printf("  Up time  : %s%n", Text.duration(row.upTime(Instant.now())));
        out.println(rule);
        if (node.isEmpty()) {
            out.println("  (the session left the operational datastore)");
            return null;
        }
        final var leaves = LeafPrinter.leaves(node.orElseThrow());
        final int width = leaves.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
        for (var leaf : leaves) {
            out.printf("  %-" + width + "s : %s%n", leaf.getKey(), leaf.getValue());
        }
        out.println(rule);
        return null;
    }
}
