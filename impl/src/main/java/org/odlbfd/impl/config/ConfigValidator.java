/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.config.KeyChainParser.Chain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.mh.session.groups.SessionGroup;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.Bfd1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Bfdv1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.CommonCfgParms;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleInterval;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.Session1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionExtParms;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.SessionGroup1;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.echo.parms.Echo;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * The rules YANG cannot express, checked on a whole candidate configuration before it is
 * committed. Pure: the same input always gives the same messages. Each message names the session,
 * the field and the rule, because it goes back verbatim to the RESTCONF caller. The rules are
 * listed in impl/README.md ("Validation rules").
 *
 * <p>Sessions placed on a NETCONF device ({@link Placements}) skip the rules that only concern the
 * embedded agent's platform (the {@link #PLATFORM_FLOOR_US} floor; any rule about the controller's
 * own addresses belongs there too), and keys and static discriminators are unique per device.
 */
public final class ConfigValidator {
    /**
     * Smallest transmit, receive and echo interval accepted, in microseconds (10 ms). Below it a
     * session cannot stay up on the machines this runs on: scheduling stalls of 17-190 ms were
     * measured on the 2-vCPU VMs (PERF-NOTES.md) and 10 ms x 3 never ran clean there. 10 ms is the
     * smallest of the RFC 7419 common intervals above 3.3 ms, the software-friendly set.
     */
    public static final long PLATFORM_FLOOR_US = 10_000;

    private final List<String> errors = new ArrayList<>();
    private final Map<String, Chain> keyChains;
    private final Map<String, String> localDiscriminators = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> sessionKeys = new HashMap<>();

    private ConfigValidator(final Map<String, Chain> keyChains) {
        this.keyChains = keyChains;
    }

    /**
     * Checks the configuration a commit would leave.
     *
     * @param protocols every control-plane-protocol after the commit, or null when none
     * @param keyChains every key chain after the commit
     * @return one message per broken rule, empty when the configuration is acceptable
     */
    public static List<String> validate(final @Nullable ControlPlaneProtocols protocols,
            final Map<String, Chain> keyChains) {
        final var validator = new ConfigValidator(keyChains);
        if (protocols != null) {
            for (var protocol : protocols.nonnullControlPlaneProtocol().values()) {
                final var bfdAug = protocol.augmentation(ControlPlaneProtocol1.class);
                if (protocol.getType() instanceof Bfdv1 && bfdAug != null && bfdAug.getBfd() != null) {
                    validator.protocol(protocol.requireName(), bfdAug.getBfd());
                }
            }
        }
        return List.copyOf(validator.errors);
    }

    /**
     * Checks an authentication setting outside ietf-bfd (an odl-bfd-ext link) with the same rules.
     *
     * @param where what the messages name
     * @param auth the setting, or null
     * @param keyChains every key chain after the commit
     * @return one message per broken rule
     */
    public static List<String> checkAuthentication(final String where, final @Nullable Authentication auth,
            final Map<String, Chain> keyChains) {
        final var validator = new ConfigValidator(keyChains);
        validator.authentication(where, auth);
        return List.copyOf(validator.errors);
    }

    private void protocol(final String protocol,
            final org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.routing.control.plane
                .protocols.control.plane.protocol.Bfd bfd) {
        final var sh = bfd.augmentation(Bfd1.class);
        if (sh != null && sh.getIpSh() != null) {
            for (var entry : sh.getIpSh().nonnullInterfaces().values()) {
                authentication("ip-sh interfaces " + entry.getInterface() + " (protocol " + protocol + ")",
                    entry.getAuthentication());
            }
            if (sh.getIpSh().getSessions() != null) {
                for (var session : sh.getIpSh().getSessions().nonnullSession().values()) {
                    singleHop(protocol, session);
                }
            }
        }
        final var mh = bfd.augmentation(org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.mh
            .rev220922.Bfd1.class);
        if (mh != null && mh.getIpMh() != null && mh.getIpMh().getSessionGroups() != null) {
            for (var group : mh.getIpMh().getSessionGroups().nonnullSessionGroup().values()) {
                multiHop(protocol, group);
            }
        }
    }

    private void singleHop(final String protocol, final Session session) {
        final var dest = ConfigMapper.toInet(session.requireDestAddr());
        // A session placed on a NETCONF device is that device's: its "system" (RFC 5880 §6.8.1) is
        // the device, and the embedded agent's platform rules (the floor, local addresses) do not apply.
        final var node = Placements.node(session);
        final var where = "ip-sh session interface=" + session.getInterface() + " dest-addr="
            + dest.getHostAddress() + " (protocol " + protocol + placedOn(node) + ")";
        unique(where, system(node) + "sh:" + session.getInterface() + ":" + dest.getHostAddress());
        address(where, "dest-addr", dest);
        if (session.getSourceAddr() != null) {
            final var source = ConfigMapper.toInet(session.getSourceAddr());
            address(where, "source-addr", source);
            pair(where, source, dest);
        }
        common(where, session, node == null);
        authentication(where, session.getAuthentication());
        final var ext = session.augmentation(Session1.class);
        ext(where, ext, node);
        if (ext != null && ext.getEcho() != null) {
            echo(where, ext.getEcho(), node == null);
        }
    }

    private void multiHop(final String protocol, final SessionGroup group) {
        final var source = ConfigMapper.toInet(group.requireSourceAddr());
        final var dest = ConfigMapper.toInet(group.requireDestAddr());
        final var node = Placements.node(group);
        final var where = "ip-mh session-group source-addr=" + source.getHostAddress() + " dest-addr="
            + dest.getHostAddress() + " (protocol " + protocol + placedOn(node) + ")";
        unique(where, system(node) + "mh:" + source.getHostAddress() + "->" + dest.getHostAddress());
        address(where, "source-addr", source);
        address(where, "dest-addr", dest);
        pair(where, source, dest);
        linkLocal(where, "source-addr", source);
        linkLocal(where, "dest-addr", dest);
        common(where, group, node == null);
        authentication(where, group.getAuthentication());
        ext(where, group.augmentation(SessionGroup1.class), node);
    }

    private static String placedOn(final @Nullable String node) {
        return node == null ? "" : ", placed on " + node;
    }

    /**
     * The system a session runs in, as a key prefix: uniqueness of session keys and of local
     * discriminators (RFC 5880 §6.8.1) holds per system, and each device is a system of its own.
     */
    private static String system(final @Nullable String node) {
        return node == null ? "" : "node " + node + ": ";
    }

    private void unique(final String where, final String key) {
        final var other = sessionKeys.putIfAbsent(key, where);
        if (other != null) {
            error(where, "the same session is already configured as " + other
                + "; a session can run in one bfdv1 instance only");
        }
    }

    private void address(final String where, final String field, final InetAddress address) {
        if (address.isAnyLocalAddress()) {
            error(where, field + " " + address.getHostAddress()
                + " is the unspecified address; BFD needs a unicast address (RFC 5881 section 4)");
        } else if (address.isMulticastAddress()) {
            error(where, field + " " + address.getHostAddress()
                + " is a multicast address; BFD sessions are unicast (RFC 5881 section 4)");
        }
    }

    private void pair(final String where, final InetAddress source, final InetAddress dest) {
        if (source.getClass() != dest.getClass()) {
            error(where, "source-addr " + source.getHostAddress() + " and dest-addr " + dest.getHostAddress()
                + " must be of the same address family");
        } else if (source.equals(dest)) {
            error(where, "source-addr and dest-addr must differ (both " + dest.getHostAddress() + ")");
        }
    }

    private void linkLocal(final String where, final String field, final InetAddress address) {
        // Inet4Address.isLinkLocalAddress is 169.254/16; Inet6Address's is fe80::/10
        if (address.isLinkLocalAddress()) {
            error(where, field + " " + address.getHostAddress() + " is link-local ("
                + (address instanceof Inet4Address ? "169.254.0.0/16" : "fe80::/10")
                + "); a multihop session crosses routers (RFC 5883 section 1): use ip-sh for a link-local peer");
        }
    }

    private void common(final String where, final CommonCfgParms cfg, final boolean embedded) {
        final var type = cfg.getIntervalConfigType();
        if (type instanceof TxRxIntervals txRx) {
            interval(where, "desired-min-tx-interval", txRx.getDesiredMinTxInterval(), false, embedded);
            interval(where, "required-min-rx-interval", txRx.getRequiredMinRxInterval(), true, embedded);
        } else if (type instanceof SingleInterval single) {
            interval(where, "min-interval", single.getMinInterval(), false, embedded);
        }
    }

    /**
     * Checks an interval: never a zero transmit interval (RFC 5880); the platform floor only for the
     * embedded agent, whose platform it is (a device judges its own timers and refuses what it cannot run).
     */
    private void interval(final String where, final String field, final @Nullable Uint32 value,
            final boolean zeroAllowed, final boolean embedded) {
        if (value == null) {
            // the YANG default, 1 s
            return;
        }
        final long us = value.toJava();
        if (us == 0 && !zeroAllowed) {
            error(where, field + " must not be 0: bfd.DesiredMinTxInterval is never zero (RFC 5880 section 6.8.1)");
        } else if (embedded && us != 0 && us < PLATFORM_FLOOR_US) {
            error(where, field + " " + us + " us is below this platform's floor of " + PLATFORM_FLOOR_US
                + " us (10 ms, RFC 7419): shorter intervals cause false failures here");
        }
    }

    private void echo(final String where, final Echo echo, final boolean embedded) {
        final boolean enabled = Boolean.TRUE.equals(echo.getEnabled());
        final var tx = echo.getDesiredMinEchoTxInterval();
        if (enabled && tx != null && tx.toJava() == 0) {
            error(where, "echo desired-min-echo-tx-interval must not be 0 while echo is enabled");
        } else if (embedded && tx != null && tx.toJava() != 0 && tx.toJava() < PLATFORM_FLOOR_US) {
            error(where, "echo desired-min-echo-tx-interval " + tx + " us is below this platform's floor of "
                + PLATFORM_FLOOR_US + " us (10 ms)");
        }
        final var rx = echo.getRequiredMinEchoRxInterval();
        if (embedded && rx != null && rx.toJava() != 0 && rx.toJava() < PLATFORM_FLOOR_US) {
            error(where, "echo required-min-echo-rx-interval " + rx + " us is below this platform's floor of "
                + PLATFORM_FLOOR_US + " us (10 ms); 0 means no echo is looped");
        }
    }

    private void ext(final String where, final @Nullable SessionExtParms ext, final @Nullable String node) {
        if (ext == null) {
            return;
        }
        if (ext.getSessionName() != null) {
            final var other = names.putIfAbsent(ext.getSessionName(), where);
            if (other != null) {
                error(where, "session-name " + ext.getSessionName() + " is already used by " + other);
            }
        }
        if (ext.getStaticLocalDiscriminator() != null) {
            final long discr = ext.getStaticLocalDiscriminator().getValue().toJava();
            final var other = localDiscriminators.putIfAbsent(system(node) + discr, where);
            if (other != null) {
                error(where, "static-local-discriminator " + discr + " is already used by " + other
                    + "; bfd.LocalDiscr must be unique in the system (RFC 5880 section 6.8.1)");
            }
        } else if (ext.getStaticRemoteDiscriminator() != null) {
            error(where, "static-remote-discriminator needs static-local-discriminator: a static session fixes both");
        }
    }

    private void authentication(final String where, final @Nullable Authentication auth) {
        if (auth == null) {
            return;
        }
        final var name = auth.getKeyChain();
        if (name == null) {
            error(where, "authentication needs a key-chain");
            return;
        }
        final var chain = keyChains.get(name);
        if (chain == null) {
            error(where, "authentication key-chain " + name + " does not exist in ietf-key-chain:key-chains");
            return;
        }
        if (chain.keys().isEmpty()) {
            error(where, "authentication key-chain " + name + " has no key");
            return;
        }
        KeyChainParser.Algorithm first = null;
        for (var key : chain.keys()) {
            final var prefix = "key-chain " + name + " key " + key.keyIdText() + ": ";
            if (key.bfdKeyId() < 0) {
                error(where, prefix + "key-id does not fit BFD's 8-bit Auth Key ID (0..255, RFC 5880 section 4.2)");
            }
            final var algorithm = key.algorithm();
            if (algorithm == null) {
                error(where, prefix + "crypto-algorithm " + key.algorithmName()
                    + " is not usable by BFD (md5, sha-1 or cleartext; RFC 5880 section 6.7)");
                continue;
            }
            if (first == null) {
                first = algorithm;
            } else if (first != algorithm) {
                error(where, prefix + "crypto-algorithm differs from the chain's other keys; a BFD session has "
                    + "one Auth Type (RFC 5880 section 6.7)");
            }
            final int length = key.secret().length;
            if (length == 0) {
                error(where, prefix + "has no key-string");
            } else if (length > algorithm.maxSecret()) {
                error(where, prefix + "key-string is " + length + " bytes; BFD takes at most "
                    + algorithm.maxSecret() + " for " + key.algorithmName() + " (RFC 5880 section 4)");
            }
        }
    }

    private void error(final String where, final String message) {
        errors.add(where + ": " + message);
    }
}
