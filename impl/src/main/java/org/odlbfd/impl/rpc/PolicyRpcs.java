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
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.inject.Inject;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.SessionKey;
import org.odlbfd.impl.engine.BfdEngine;
import org.odlbfd.impl.engine.EnginePolicies;
import org.odlbfd.impl.engine.SessionSnapshot;
import org.odlbfd.impl.oper.OperationalWriter;
import org.odlbfd.impl.policy.SessionPolicies.Cleared;
import org.opendaylight.mdsal.binding.api.RpcProviderService;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IpAddress;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearAdaptation;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearAdaptationOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearDamping;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.ClearDampingOutputBuilder;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionSelector;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.VerifySession;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.VerifySessionOutput;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.VerifySessionOutputBuilder;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.RpcResult;
import org.opendaylight.yangtools.yang.common.RpcResultBuilder;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stability policies' RPCs of odl-bfd-ext: {@code clear-damping} and {@code clear-adaptation}
 * (one session by name or key, or all) and {@code verify-session} (the demand-mode verification
 * Poll of {@code BfdSessionService.verify}). A clear answers once the cleared state is in the
 * operational datastore, so a read right after the RPC shows it.
 */
public final class PolicyRpcs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyRpcs.class);
    private static final long WRITE_WAIT_MS = 5_000;

    private final BfdEngine engine;
    private final OperationalWriter writer;
    private final Registration registration;

    /**
     * Registers the three RPCs.
     *
     * @param rpcs mdsal's RPC registry
     * @param engine the engine
     * @param writer the operational writer, drained before a clear answers
     */
    @Inject
    public PolicyRpcs(final RpcProviderService rpcs, final BfdEngine engine, final OperationalWriter writer) {
        this.engine = requireNonNull(engine);
        this.writer = requireNonNull(writer);
        final EnginePolicies policies = new EnginePolicies(engine);
        registration = rpcs.registerRpcImplementations(
            (ClearDamping) input -> clear("clear-damping", input, policies::clearDamping,
                cleared -> new ClearDampingOutputBuilder().setMatchedSessions(Uint32.valueOf(cleared.matched()))
                    .setClearedSessions(Uint32.valueOf(cleared.cleared())).build()),
            (ClearAdaptation) input -> clear("clear-adaptation", input, policies::clearAdaptation,
                cleared -> new ClearAdaptationOutputBuilder().setMatchedSessions(Uint32.valueOf(cleared.matched()))
                    .setClearedSessions(Uint32.valueOf(cleared.cleared())).build()),
            (VerifySession) this::verify);
    }

    private <O> ListenableFuture<RpcResult<O>> clear(final String rpc, final SessionSelector input,
            final Function<@Nullable SessionKey, CompletableFuture<Cleared>> action,
            final Function<Cleared, O> output) {
        final SessionSelection selection;
        try {
            selection = selection(input);
        } catch (IllegalArgumentException e) {
            return RpcResultBuilder.<O>failed().withError(ErrorType.PROTOCOL, ErrorTag.INVALID_VALUE,
                rpc + ": " + e.getMessage()).buildFuture();
        }
        final CompletableFuture<Cleared> cleared = selection.all() ? action.apply(null)
            : chosen(rpc, selection).thenCompose(keys -> keys.stream().map(action)
                .reduce(CompletableFuture.completedFuture(Cleared.NONE), (a, b) -> a.thenCombine(b, Cleared::plus)));
        // the cleared state reaches the datastore now (the policies publish it on the engine's threads)
        return answer(rpc, cleared.thenApplyAsync(result -> {
            if (!writer.drain(WRITE_WAIT_MS)) {
                LOG.warn("{}: the cleared state is not in the operational datastore after {} ms", rpc, WRITE_WAIT_MS);
            }
            LOG.info("BFD {}: {} ({} sessions matched, {} cleared)", rpc, selection, result.matched(),
                result.cleared());
            return output.apply(result);
        }));
    }

    private ListenableFuture<RpcResult<VerifySessionOutput>> verify(final SessionSelector input) {
        final SessionSelection selection;
        try {
            selection = selection(input);
            if (selection.all()) {
                throw new IllegalArgumentException("name one session: session-name, or interface (single-hop) or "
                    + "source-addr (multihop) with dest-addr");
            }
        } catch (IllegalArgumentException e) {
            return RpcResultBuilder.<VerifySessionOutput>failed().withError(ErrorType.PROTOCOL,
                ErrorTag.INVALID_VALUE, "verify-session: " + e.getMessage()).buildFuture();
        }
        final long start = System.nanoTime();
        return answer("verify-session", chosen("verify-session", selection)
            .thenCompose(keys -> engine.verify(keys.get(0)))
            .thenApply(verified -> new VerifySessionOutputBuilder().setVerified(verified)
                .setElapsed(Uint32.valueOf((System.nanoTime() - start) / 1_000_000)).build()));
    }

    private CompletableFuture<List<SessionKey>> chosen(final String rpc, final SessionSelection selection) {
        return engine.snapshots().thenCompose(all -> {
            final List<SessionKey> keys = all.stream().filter(selection::matches).map(SessionSnapshot::key).toList();
            return keys.isEmpty() ? CompletableFuture.failedFuture(new IllegalArgumentException(rpc
                + ": no BFD session with " + selection)) : CompletableFuture.completedFuture(keys);
        });
    }

    private static SessionSelection selection(final SessionSelector input) {
        return new SessionSelection(input.getSessionName(), input.getInterface(), inet(input.getSourceAddr()),
            inet(input.getDestAddr()));
    }

    private static @Nullable InetAddress inet(final @Nullable IpAddress address) {
        return address == null ? null : IetfInetUtil.inetAddressFor(address);
    }

    private static <O> ListenableFuture<RpcResult<O>> answer(final String rpc, final CompletableFuture<O> work) {
        final SettableFuture<RpcResult<O>> result = SettableFuture.create();
        work.whenComplete((output, thrown) -> {
            final Throwable failure = thrown instanceof CompletionException && thrown.getCause() != null
                ? thrown.getCause() : thrown;
            if (failure == null) {
                result.set(RpcResultBuilder.success(output).build());
            } else {
                result.set(RpcResultBuilder.<O>failed().withError(ErrorType.APPLICATION, ErrorTag.INVALID_VALUE,
                    failure instanceof IllegalArgumentException ? failure.getMessage() : rpc + " failed: " + failure)
                    .build());
            }
        });
        return result;
    }

    @Override
    public void close() {
        registration.close();
    }
}
