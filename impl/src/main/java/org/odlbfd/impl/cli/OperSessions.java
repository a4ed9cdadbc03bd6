/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.cli;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.api.MultiHopKey;
import org.odlbfd.api.SessionKey;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.oper.OperMapper;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionRunning;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.all.session.SessionStatistics;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.Routing;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;

/**
 * The sessions as the operational datastore shows them (every bfdv1 instance, single-hop and
 * multihop), one {@link Row} each: what {@code bfd:sessions} prints and what {@code bfd:session}
 * and {@code bfd:clear} look a session up in.
 */
final class OperSessions {
    /**
     * One session's line.
     *
     * @param protocol the control-plane-protocol instance
     * @param key the session key
     * @param name the operator's session-name, or null
     * @param running session-running (state, diagnostics, timers), or null before the first write
     * @param statistics session-statistics, or null
     * @param path its operational path
     */
    record Row(String protocol, SessionKey key, @Nullable String name, @Nullable SessionRunning running,
            @Nullable SessionStatistics statistics, DataObjectIdentifier<?> path) {
        /** The list key as RESTCONF writes it: {@code IF,DEST} (single-hop) or {@code SRC,DEST} (multihop). */
        String keyText() {
            return switch (key) {
                case SingleHopKey sh -> sh.interfaceName() + "," + sh.destination().getHostAddress();
                case MultiHopKey mh -> mh.source().getHostAddress() + "," + mh.destination().getHostAddress();
            };
        }

        boolean singleHop() {
            return key instanceof SingleHopKey;
        }

        /** Whether {@code text} names this session: its key, its key with the path type, or its name. */
        boolean matches(final String text) {
            return text.equals(keyText()) || text.equals(key.toString()) || text.equals(name);
        }

        /** How long it has been Up, or null when it is not Up. */
        @Nullable Duration upTime(final Instant now) {
            final var run = running;
            final var stats = statistics;
            if (run == null || stats == null || run.getLocalState() == null
                    || !"up".equals(run.getLocalState().getName()) || stats.getLastUpTime() == null) {
                return null;
            }
            return Duration.between(instant(stats.getLastUpTime()), now);
        }
    }

    private OperSessions() {
        // static only
    }

    /**
     * Reads every session.
     *
     * @param dataBroker the data broker
     * @return rows in datastore order
     * @throws IllegalStateException when the datastore does not answer in 10 s
     */
    static List<Row> read(final DataBroker dataBroker) {
        final Optional<ControlPlaneProtocols> protocols;
        try (var tx = dataBroker.newReadOnlyTransaction()) {
            protocols = tx.read(LogicalDatastoreType.OPERATIONAL, DataObjectIdentifier.builder(Routing.class)
                .child(ControlPlaneProtocols.class).build()).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("operational datastore read failed: " + e.getMessage(), e);
        }
        final List<Row> rows = new ArrayList<>();
        if (protocols.isEmpty()) {
            return rows;
        }
        for (var protocol : protocols.orElseThrow().nonnullControlPlaneProtocol().values()) {
            final var bfdAug = protocol.augmentation(ControlPlaneProtocol1.class);
            if (!Bfdv1.VALUE.equals(protocol.getType()) || bfdAug == null || bfdAug.getBfd() == null) {
                continue;
            }
            final var bfd = bfdAug.getBfd();
            final String name = protocol.requireName();
            final var sh = bfd.augmentation(Bfd1.class);
            if (sh != null && sh.getIpSh() != null && sh.getIpSh().getSessions() != null) {
                for (Session session : sh.getIpSh().getSessions().nonnullSession().values()) {
                    final var key = new SingleHopKey(session.requireInterface(),
                        IetfInetUtil.inetAddressFor(session.requireDestAddr()));
                    final var ext = session.augmentation(Session1.class);
                    rows.add(new Row(name, key, ext == null ? null : ext.getSessionName(), session.getSessionRunning(),
                        session.getSessionStatistics(), OperMapper.sessionPath(name, key)));
                }
            }
            final var mh = bfd.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh
                .rev220922.Bfd1.class);
            if (mh != null && mh.getIpMh() != null && mh.getIpMh().getSessionGroups() != null) {
                for (SessionGroup group : mh.getIpMh().getSessionGroups().nonnullSessionGroup().values()) {
                    final InetAddress source = IetfInetUtil.inetAddressFor(group.requireSourceAddr());
                    final var key = new MultiHopKey(source, IetfInetUtil.inetAddressFor(group.requireDestAddr()));
                    final var ext = group.augmentation(SessionGroup1.class);
                    final var running = group.nonnullSessions().isEmpty() ? null : group.nonnullSessions().get(0);
                    rows.add(new Row(name, key, ext == null ? null : ext.getSessionName(),
                        running == null ? null : running.getSessionRunning(),
                        running == null ? null : running.getSessionStatistics(),
                        OperMapper.sessionGroupPath(name, key)));
                }
            }
        }
        return rows;
    }

    /**
     * The one session {@code text} names (key or name).
     *
     * @param rows the sessions
     * @param text what the operator typed
     * @return the row, or null when none matches
     */
    static @Nullable Row find(final List<Row> rows, final String text) {
        return rows.stream().filter(row -> row.matches(text.trim())).findFirst().orElse(null);
    }

    static Instant instant(final DateAndTime time) {
        return java.time.OffsetDateTime.parse(time.getValue()).toInstant();
    }
}
