/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.yang.common.Empty;

/**
 * Records published notifications (the unit test's edge: the Karaf ITs read them from the real
 * RESTCONF event stream). Shared by every package's tests that publish notifications.
 */
public final class NotificationRecorder implements NotificationPublishService {
    private final List<Notification<?>> published = new CopyOnWriteArrayList<>();

    @Override
    public void putNotification(final Notification<?> notification) {
        published.add(notification);
    }

    @Override
    public ListenableFuture<? extends Object> offerNotification(final Notification<?> notification) {
        published.add(notification);
        return Futures.immediateFuture(Empty.value());
    }

    @Override
    public ListenableFuture<? extends Object> offerNotification(final Notification<?> notification,
            final int timeout, final TimeUnit unit) {
        return offerNotification(notification);
    }

    List<Notification<?>> all() {
        return List.copyOf(published);
    }

    /**
     * The notifications of one type published so far, in order.
     *
     * @param <T> the type
     * @param type the type
     * @return them
     */
    public <T extends Notification<?>> List<T> of(final Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Notification<?>> T await(final Class<T> type, final Predicate<T> check) throws InterruptedException {
        // bounded: 250 x 20 ms
        for (int i = 0; i < 250; i++) {
            for (var notification : published) {
                if (type.isInstance(notification) && check.test(type.cast(notification))) {
                    return type.cast(notification);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " in 5 s: " + published);
    }
}
