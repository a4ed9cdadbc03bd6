/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.cli;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendaylight.mdsal.binding.api.DataBroker;

/**
 * {@code bfd:sessions}: one line per session, as Cisco's {@code show bfd session} and Huawei's
 * {@code display bfd session all}: key, state, remote state, diagnostic, negotiated intervals,
 * detection time, up time and flaps (transitions to Down), from the operational datastore.
 */
@Service
@Command(scope = "bfd", name = "sessions", description = "Lists the BFD sessions with their state and timers")
public final class SessionsCommand implements Action {
    @Reference
    private DataBroker dataBroker;
    @Reference
    private Session session;

    @Override
    public Object execute() {
        final var rows = OperSessions.read(dataBroker);
        final var table = new ShellTable().emptyTableText("no BFD sessions");
        for (String column : new String[] {"Key", "Name", "Type", "State", "Remote", "Diag", "Tx(ms)", "Rx(ms)",
            "Detect(ms)", "Up time", "Flaps"}) {
            table.column(column);
        }
        final Instant now = Instant.now();
        long up = 0;
        for (var row : rows) {
            final var run = row.running();
            final var stats = row.statistics();
            final boolean isUp = run != null && run.getLocalState() != null
                && "up".equals(run.getLocalState().getName());
            up += isUp ? 1 : 0;
            table.addRow().addContent(row.keyText(), Text.orDash(row.name()), row.singleHop() ? "sh" : "mh",
                run == null ? "-" : Text.state(run.getLocalState()),
                run == null ? "-" : Text.state(run.getRemoteState()),
                run == null || run.getLocalDiagnostic() == null ? "-" : run.getLocalDiagnostic().getName(),
                run == null ? "-" : Text.millis(run.getNegotiatedTxInterval()),
                run == null ? "-" : Text.millis(run.getNegotiatedRxInterval()),
                run == null ? "-" : Text.millis(run.getDetectionTime()), Text.duration(row.upTime(now)),
                stats == null || stats.getDownCount() == null ? "-" : stats.getDownCount().getValue().toString());
        }
        final var out = session.getConsole();
        table.print(out, true);
        out.println("Total: " + rows.size() + " sessions, " + up + " Up, " + (rows.size() - up) + " not Up");
        return null;
    }
}
