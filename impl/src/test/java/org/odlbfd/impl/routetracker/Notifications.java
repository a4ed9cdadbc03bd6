/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.opendaylight.mdsal.binding.api.NotificationPublishService;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.yang.common.Empty;

/**
 * Records published notifications (the unit test's edge; the ITs read RESTCONF's event stream).
 */
final class Notifications implements NotificationPublishService {
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

    <T extends Notification<?>> List<T> of(final Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
