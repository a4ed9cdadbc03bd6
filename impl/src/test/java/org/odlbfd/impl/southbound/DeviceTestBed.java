/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;

/**
 * The controller's in-memory MD-SAL datastore (this test), a device's (another in-memory MD-SAL
 * with the same models, reached through the DOM data broker API a mount point offers, as
 * netconf-testtool's is), and the device queue's single thread. JUnit runs this class's
 * {@code @BeforeEach} before a subclass's, so a test builds its queue on a ready bed.
 */
abstract class DeviceTestBed extends AbstractConcurrentDataBrokerTest {
    /** The device's own datastore. */
    static final class DeviceStore extends AbstractConcurrentDataBrokerTest {
        DeviceStore() {
            super(true);
        }
    }

    ScheduledExecutorService loop;
    DeviceStore device;

    DeviceTestBed() {
        super(true);
    }

    @BeforeEach
    final void startBed() throws Exception {
        setup();
        device = new DeviceStore();
        device.setup();
        loop = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    final void stopBed() {
        loop.shutdownNow();
    }

    /** The controller's binding codec. */
    final BindingNormalizedNodeSerializer codec() {
        return getDataBrokerTestCustomizer().getAdapterContext().currentSerializer();
    }

    /** Runs an action on the device queue's thread, as the queue's own events run, bounded by 5 s. */
    final void on(final Runnable action) throws Exception {
        loop.submit(action).get(5, TimeUnit.SECONDS);
    }
}
