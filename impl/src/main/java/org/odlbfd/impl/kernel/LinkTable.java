/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.kernel.LinkMessages.Address;
import org.odlbfd.impl.kernel.LinkMessages.Link;
import org.odlbfd.impl.linux.Netlink;
import org.odlbfd.impl.routetracker.KernelView;
import org.odlbfd.impl.routetracker.LinkState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The links and addresses of the kernel the agent runs in, over rtnetlink: kept as an immutable
 * snapshot behind a volatile field, so the tracker reads it from its own thread without locks. A
 * thread listens to link and address changes (RTMGRP_LINK, RTMGRP_IPV4_IFADDR, RTMGRP_IPV6_IFADDR),
 * dumps again once they settle, and tells the listeners when something changed.
 */
public final class LinkTable implements KernelView {
    private static final Logger LOG = LoggerFactory.getLogger(LinkTable.class);
    /** Changes come in bursts (a link and its addresses): dump again once this long passes quietly. */
    private static final int SETTLE_MS = 20;

    /**
     * One consistent view.
     *
     * @param byName links by name
     * @param byIndex links by ifindex
     * @param addresses every address's connected prefix
     */
    record Snapshot(Map<String, Link> byName, Map<Integer, Link> byIndex, List<Address> addresses) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), List.of());
    }

    private final @Nullable Path netns;
    private final NetlinkChannel channel;
    private final Netlink monitor;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile boolean closed;

    /**
     * Reads the links and addresses and starts watching them.
     *
     * @param netns the namespace to watch, null for the agent's own
     * @throws IOException when rtnetlink cannot be opened
     */
    public LinkTable(final @Nullable Path netns) throws IOException {
        this.netns = netns;
        channel = new NetlinkChannel(netns);
        monitor = Netlink.open(Netlink.NETLINK_ROUTE, LinkMessages.GROUPS, 1 << 20, netns);
        refresh();
        thread = new Thread(this::watch, "bfd-kernel-links");
        thread.setDaemon(true);
        thread.start();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The interface index of a link.
     *
     * @param name link name
     * @return ifindex, 0 when there is no such link
     */
    int ifindex(final String name) {
        final Link link = snapshot.byName().get(name);
        return link == null ? 0 : link.index();
    }

    /**
     * The table of a VRF.
     *
     * @param vrf VRF name
     * @return its table, 0 when there is no such VRF
     */
    int vrfTable(final String vrf) {
        final Link link = snapshot.byName().get(vrf);
        return link == null ? 0 : link.vrfTable();
    }

    /**
     * The VRF whose table this is.
     *
     * @param table the table
     * @return the VRF's name, or null (table main, or no VRF has it)
     */
    @Nullable String vrfOfTable(final int table) {
        for (Link link : snapshot.byName().values()) {
            if (link.vrfTable() == table) {
                return link.name();
            }
        }
        return null;
    }

    @Override
    public @Nullable LinkState link(final String ifname) {
        final Link link = snapshot.byName().get(ifname);
        return link == null ? null : new LinkState(link.index(), (link.flags() & Link.IFF_UP) != 0,
            (link.flags() & Link.IFF_RUNNING) != 0);
    }

    @Override
    public boolean vrfExists(final String vrf) {
        return vrfTable(vrf) != 0;
    }

    @Override
    public @Nullable String connectedInterface(final InetAddress address, final @Nullable String vrf) {
        final Snapshot view = snapshot;
        Address best = null;
        for (Address candidate : view.addresses()) {
            final Link link = view.byIndex().get(candidate.index());
            if (link != null && Objects.equals(vrfOf(view, link), vrf) && candidate.prefix().contains(address)
                    && (best == null || candidate.prefix().length() > best.prefix().length())) {
                best = candidate;
            }
        }
        return best == null ? null : view.byIndex().get(best.index()).name();
    }

    private static @Nullable String vrfOf(final Snapshot view, final Link link) {
        if (link.vrfTable() != 0) {
            return link.name();
        }
        final Link master = link.master() == 0 ? null : view.byIndex().get(link.master());
        return master != null && master.vrfTable() != 0 ? master.name() : null;
    }

    @Override
    public Set<String> subInterfaces(final String ifname) {
        final Snapshot view = snapshot;
        final Link parent = view.byName().get(ifname);
        final Set<String> result = new TreeSet<>();
        if (parent != null) {
            for (Link link : view.byIndex().values()) {
                if (link.parent() == parent.index()) {
                    result.add(link.name());
                }
            }
        }
        return result;
    }

    @Override
    public void onChange(final Runnable listener) {
        listeners.add(listener);
    }

    private synchronized boolean refresh() throws IOException {
        final Map<String, Link> byName = new HashMap<>();
        final Map<Integer, Link> byIndex = new HashMap<>();
        final List<Address> addresses = new ArrayList<>();
        final ByteBuffer request = NlMessage.buffer(64);
        int seq = channel.nextSeq();
        LinkMessages.dumpLinks(request, seq);
        channel.dump(request.flip(), seq, (buf, start, length, type) -> {
            if (type == LinkMessages.RTM_NEWLINK) {
                final Link link = LinkMessages.parseLink(buf, start, length);
                if (link != null) {
                    byName.put(link.name(), link);
                    byIndex.put(link.index(), link);
                }
            }
        });
        request.clear();
        seq = channel.nextSeq();
        LinkMessages.dumpAddresses(request, seq);
        channel.dump(request.flip(), seq, (buf, start, length, type) -> {
            if (type == LinkMessages.RTM_NEWADDR) {
                final Address address = LinkMessages.parseAddress(buf, start, length);
                if (address != null) {
                    addresses.add(address);
                }
            }
        });
        final Snapshot next = new Snapshot(Map.copyOf(byName), Map.copyOf(byIndex), List.copyOf(addresses));
        final boolean changed = !next.equals(snapshot);
        snapshot = next;
        return changed;
    }

    private void watch() {
        final ByteBuffer buf = NlMessage.buffer(NetlinkChannel.BUFFER);
        while (!closed) {
            try {
                buf.clear();
                if (monitor.receive(buf, 500) == 0) {
                    continue;
                }
                // let the burst settle, then read the whole state again (simpler than applying deltas,
                // and right after an overflow too)
                do {
                    buf.clear();
                } while (!closed && monitor.receive(buf, SETTLE_MS) > 0);
                if (!closed && refresh()) {
                    listeners.forEach(Runnable::run);
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // ENOBUFS: the socket overflowed and changes were lost; dump again
                LOG.debug("Link monitor in {}: {}; dumping again", netns == null ? "this namespace" : netns,
                    e.getMessage());
                try {
                    if (refresh()) {
                        listeners.forEach(Runnable::run);
                    }
                } catch (IOException again) {
                    LOG.warn("Cannot read the kernel's links", again);
                }
                // bounded retry rate: a socket that keeps failing must not spin this thread
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e2) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitor.close();
        channel.close();
    }
}
