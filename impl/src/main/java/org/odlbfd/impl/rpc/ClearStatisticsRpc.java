/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.rpc;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.inject.Inject;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.oper.StatePublisher;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearStatistics;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearStatisticsInput;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearStatisticsOutput;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearStatisticsOutputBuilder;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * odl-bfd-ext {@code clear-statistics}: zeroes the counters of one session or of all of them in
 * the engine, then writes the cleared state to the operational datastore before answering, so a
 * read right after the RPC shows zeros. The Karaf command {@code bfd:clear statistics} calls this
 * same RPC.
 */
public final class ClearStatisticsRpc implements ClearStatistics, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClearStatisticsRpc.class);
    private static final long WRITE_WAIT_MS = 5_000;

    private final BfdEngine engine;
    private final StatePublisher publisher;
    private final OperationalWriter writer;
    private final Registration registration;

    /**
     * Registers the RPC.
     *
     * @param rpcs mdsal's RPC registry
     * @param engine the engine whose sessions are cleared
     * @param publisher writes the cleared state
     * @param writer the operational writer, waited for before answering
     */
    @Inject
    public ClearStatisticsRpc(final RpcProviderService rpcs, final BfdEngine engine, final StatePublisher publisher,
            final OperationalWriter writer) {
        this.engine = requireNonNull(engine);
        this.publisher = requireNonNull(publisher);
        this.writer = requireNonNull(writer);
        registration = rpcs.registerRpcImplementation(this);
    }

    @Override
    public ListenableFuture<RpcResult<ClearStatisticsOutput>> invoke(final ClearStatisticsInput input) {
        final SessionSelection selection;
        try {
            selection = new SessionSelection(input.getSessionName(), input.getInterface(),
                input.getSourceAddr() == null ? null : IetfInetUtil.inetAddressFor(input.getSourceAddr()),
                input.getDestAddr() == null ? null : IetfInetUtil.inetAddressFor(input.getDestAddr()));
        } catch (IllegalArgumentException e) {
            return failed("clear-statistics: " + e.getMessage());
        }
        final SettableFuture<RpcResult<ClearStatisticsOutput>> result = SettableFuture.create();
        clear(selection).whenComplete((count, thrown) -> {
            final Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null
                ? thrown.getCause() : thrown;
            if (failure != null) {
                result.set(failedResult(failure instanceof IllegalArgumentException
                    ? failure.getMessage() : "clear-statistics failed: " + failure));
            } else {
                LOG.info("BFD statistics cleared: {} ({} sessions)", selection, count);
                result.set(RpcResultBuilder.success(new ClearStatisticsOutputBuilder()
                    .setClearedSessions(Uint32.valueOf(count)).build()).build());
            }
        });
        return result;
    }

    private CompletableFuture<Integer> clear(final SessionSelection selection) {
        final CompletableFuture<Integer> cleared;
        if (selection.all()) {
            cleared = engine.clearAllStatistics();
        } else {
            cleared = engine.snapshots().thenCompose(all -> {
                final List<SessionSnapshot> chosen = all.stream().filter(selection::matches).toList();
                if (chosen.isEmpty()) {
                    return CompletableFuture.failedFuture(new IllegalArgumentException("clear-statistics: no BFD "
                        + "session with " + selection));
                }
                return CompletableFuture.allOf(chosen.stream().map(s -> engine.clearStatistics(s.key()))
                    .toArray(CompletableFuture[]::new)).thenApply(ignored -> chosen.size());
            });
        }
        // the cleared counters reach the datastore now, not at the next counters period
        return cleared.thenCompose(count -> engine.snapshots().thenApplyAsync(now -> {
            now.stream().filter(selection::matches).forEach(publisher::refreshNow);
            if (!writer.drain(WRITE_WAIT_MS)) {
                LOG.warn("cleared BFD statistics not yet in the operational datastore after {} ms", WRITE_WAIT_MS);
            }
            return count;
        }));
    }

    private static ListenableFuture<RpcResult<ClearStatisticsOutput>> failed(final String message) {
        return RpcResultBuilder.<ClearStatisticsOutput>failed()
            .withError(ErrorType.PROTOCOL, ErrorTag.INVALID_VALUE, message).buildFuture();
    }

    private static RpcResult<ClearStatisticsOutput> failedResult(final String message) {
        return RpcResultBuilder.<ClearStatisticsOutput>failed()
            .withError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE, message).build();
    }

    @Override
    public void close() {
        registration.close();
    }
}
