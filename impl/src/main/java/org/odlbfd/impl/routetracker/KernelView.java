/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.routetracker;

import java.net.InetAddress;
import java.util.Set;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What the tracker reads from the Linux kernel it runs on: which interface a next hop is
 * connected through, which links are sub-interfaces of which, which VRFs exist. Implemented over
 * rtnetlink in package {@code kernel}; {@link #NONE} where there is no kernel to ask.
 */
public interface KernelView extends AutoCloseable {
    /** No kernel: nothing is connected, no link has sub-interfaces, every VRF is taken to exist. */
    KernelView NONE = new None();

    /**
     * The interface whose connected prefix holds {@code address}, i.e. the one a next hop without
     * an outgoing-interface leaves through.
     *
     * @param address the next hop
     * @param vrf the VRF, or null for the default VRF
     * @return the interface name, or null when no interface of that VRF is connected to it
     */
    @Nullable String connectedInterface(InetAddress address, @Nullable String vrf);

    /**
     * The sub-interfaces of a link: the links whose IFLA_LINK is it (VLAN, macvlan).
     *
     * @param ifname the parent
     * @return their names, possibly none
     */
    Set<String> subInterfaces(String ifname);

    /**
     * A link's index and flags.
     *
     * @param ifname the link
     * @return its state, or null when there is no such link
     */
    @Nullable LinkState link(String ifname);

    /**
     * Whether a VRF device (an l3mdev link of kind vrf) of that name exists.
     *
     * @param vrf the name
     * @return true when it exists
     */
    boolean vrfExists(String vrf);

    /**
     * Registers a callback for any change of links or addresses (called from another thread).
     *
     * @param listener the callback
     */
    void onChange(Runnable listener);

    /** Stops watching the kernel. */
    @Override
    default void close() {
        // nothing to release by default
    }

    /** No kernel (a public class: the wiring calls its close() reflectively). */
    final class None implements KernelView {
        private None() {
            // the one instance is NONE
        }

        @Override
        public @Nullable String connectedInterface(final InetAddress address, final @Nullable String vrf) {
            return null;
        }

        @Override
        public Set<String> subInterfaces(final String ifname) {
            return Set.of();
        }

        @Override
        public @Nullable LinkState link(final String ifname) {
            return null;
        }

        @Override
        public boolean vrfExists(final String vrf) {
            return true;
        }

        @Override
        public void onChange(final Runnable listener) {
            // nothing ever changes
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
