/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.cli;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SingleHopKey;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.RpcService;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearStatistics;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearStatisticsInputBuilder;
import org.opendaylight.yangtools.yang.common.RpcError;

/**
 * {@code bfd:clear statistics [KEY]}: zeroes the statistics of one session, or of all, through the
 * odl-bfd-ext {@code clear-statistics} RPC (the same path as RESTCONF's
 * {@code POST /rests/operations/odl-bfd-ext:clear-statistics}).
 */
@Service
@Command(scope = "bfd", name = "clear", description = "Clears BFD statistics: bfd:clear statistics [KEY]")
public final class ClearCommand implements Action {
    @Argument(index = 0, name = "what", required = true, description = "what to clear: statistics")
    private String what;
    @Argument(index = 1, name = "key", required = false, description = "IF,DEST (single-hop), SRC,DEST (multihop)"
        + " or the session-name; all sessions when absent")
    private String key;

    @Reference
    private DataBroker dataBroker;
    @Reference
    private RpcService rpcService;
    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        final var out = session.getConsole();
        if (!"statistics".equals(what)) {
            out.println("Unknown: bfd:clear " + what + " (known: statistics)");
            return null;
        }
        final var input = new ClearStatisticsInputBuilder();
        if (key != null) {
            final var row = OperSessions.find(OperSessions.read(dataBroker), key);
            if (row == null) {
                out.println("No BFD session " + key + " (try bfd:sessions)");
                return null;
            }
            switch (row.key()) {
                case SingleHopKey sh -> input.setInterface(sh.interfaceName())
                    .setDestAddr(IetfInetUtil.ipAddressFor(sh.destination()));
                case MultiHopKey mh -> input.setSourceAddr(IetfInetUtil.ipAddressFor(mh.source()))
                    .setDestAddr(IetfInetUtil.ipAddressFor(mh.destination()));
            }
        }
        final var result = rpcService.getRpc(ClearStatistics.class).invoke(input.build()).get(30, TimeUnit.SECONDS);
        if (result.isSuccessful()) {
            out.println("Statistics cleared: " + result.getResult().getClearedSessions() + " session(s)");
        } else {
            out.println("clear-statistics failed: " + result.getErrors().stream().map(RpcError::getMessage)
                .collect(Collectors.joining("; ")));
        }
        return null;
    }
}
