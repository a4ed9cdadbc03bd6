/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.SettableFuture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.TransactionChain;
import org.opendaylight.mdsal.binding.api.WriteTransaction;
import org.opendaylight.mdsal.common.api.TransactionCommitFailedException;
import org.opendaylight.yangtools.yang.common.Empty;

/**
 * The test datastore with a fault injected at its edge: while {@link #failures} is positive, each
 * commit on a merging transaction chain fails (and fails its chain), as a datastore that lost its
 * shard leader does. Everything else is the real in-memory broker.
 */
final class FlakyDataBroker {
    /** Commits still to fail. */
    final AtomicInteger failures = new AtomicInteger();
    /** Commits attempted on merging chains. */
    final AtomicInteger attempts = new AtomicInteger();
    private final DataBroker real;

    FlakyDataBroker(final DataBroker real) {
        this.real = real;
    }

    DataBroker broker() {
        return proxy(DataBroker.class, real, (method, args) -> "createMergingTransactionChain".equals(method.getName())
            ? chain(real.createMergingTransactionChain()) : NOT_HANDLED);
    }

    private TransactionChain chain(final TransactionChain chain) {
        final SettableFuture<Empty> outcome = SettableFuture.create();
        Futures.addCallback(chain.future(), new FutureCallback<Empty>() {
            @Override
            public void onSuccess(final Empty result) {
                outcome.set(result);
            }

            @Override
            public void onFailure(final Throwable cause) {
                outcome.setException(cause);
            }
        }, Runnable::run);
        return proxy(TransactionChain.class, chain, (method, args) -> switch (method.getName()) {
            case "future" -> outcome;
            case "addCallback" -> {
                @SuppressWarnings("unchecked")
                final var callback = (FutureCallback<Empty>) args[0];
                Futures.addCallback(outcome, callback, args.length > 1 ? (Executor) args[1] : Runnable::run);
                yield null;
            }
            case "newWriteOnlyTransaction" -> write(chain.newWriteOnlyTransaction(), outcome);
            default -> NOT_HANDLED;
        });
    }

    private WriteTransaction write(final WriteTransaction tx, final SettableFuture<Empty> chainOutcome) {
        return proxy(WriteTransaction.class, tx, (method, args) -> {
            if (!"commit".equals(method.getName())) {
                return NOT_HANDLED;
            }
            attempts.incrementAndGet();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                tx.cancel();
                final var failure = new TransactionCommitFailedException("injected: shard leader lost");
                chainOutcome.setException(failure);
                return FluentFuture.from(Futures.immediateFailedFuture(failure));
            }
            return tx.commit();
        });
    }

    private static final Object NOT_HANDLED = new Object();

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Exception;
    }

    @SuppressWarnings("checkstyle:AvoidHidingCauseException")
    private static <T> T proxy(final Class<T> type, final T delegate, final Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
            (proxy, method, args) -> {
                final var handled = handler.handle(method, args);
                if (handled != NOT_HANDLED) {
                    return handled;
                }
                try {
                    return method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                    throw e.getTargetException();
                }
            }));
    }
}
