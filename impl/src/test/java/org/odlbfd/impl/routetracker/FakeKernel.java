/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Links at the unit test's edge: connected prefixes, sub-interfaces and VRFs the test sets.
 */
final class FakeKernel implements KernelView {
    final Map<Prefix, String> connected = new ConcurrentHashMap<>();
    final Map<String, Set<String>> subs = new ConcurrentHashMap<>();
    final Set<String> vrfs = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Override
    public @Nullable String connectedInterface(final InetAddress address, final @Nullable String vrf) {
        return connected.entrySet().stream().filter(e -> e.getKey().contains(address)).map(Map.Entry::getValue)
            .findFirst().orElse(null);
    }

    @Override
    public Set<String> subInterfaces(final String ifname) {
        return subs.getOrDefault(ifname, Set.of());
    }

    @Override
    public @Nullable LinkState link(final String ifname) {
        // every interface the tests name exists, up
        return new LinkState(Math.abs(ifname.hashCode() % 1000) + 2, true, true);
    }

    @Override
    public boolean vrfExists(final String vrf) {
        return vrfs.contains(vrf);
    }

    @Override
    public void onChange(final Runnable listener) {
        listeners.add(listener);
    }

    void changed() {
        listeners.forEach(Runnable::run);
    }
}
