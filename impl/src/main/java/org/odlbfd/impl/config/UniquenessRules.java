/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.HashMap;
import java.util.Map;

/**
 * What must be unique across all bfdv1 instances: a session (one state machine per key), its
 * session-name, and its static local discriminator (RFC 5880 section 6.8.1). Keys and
 * discriminators are unique per system: the embedded agent, or each device sessions are placed on. A static remote
 * discriminator goes only with a static local one.
 */
final class UniquenessRules implements ConfigRule {
    @Override
    public void check(final ConfigView config, final Violations violations) {
        final Map<String, String> keys = new HashMap<>();
        final Map<String, String> names = new HashMap<>();
        final Map<String, String> discriminators = new HashMap<>();
        for (var session : config.sessions()) {
            final var where = session.where();
            // per system: the embedded agent, or each NETCONF device a session is placed on
            final var other = keys.putIfAbsent(session.system() + session.key(), where);
            if (other != null) {
                violations.add(where, "the same session is already configured as " + other
                    + "; a session can run in one bfdv1 instance only");
            }
            final var ext = session.ext();
            if (ext == null) {
                continue;
            }
            if (ext.getSessionName() != null) {
                final var named = names.putIfAbsent(ext.getSessionName(), where);
                if (named != null) {
                    violations.add(where, "session-name " + ext.getSessionName() + " is already used by " + named);
                }
            }
            final long discr = session.staticLocalDiscriminator();
            if (discr != 0) {
                final var holder = discriminators.putIfAbsent(session.system() + discr, where);
                if (holder != null) {
                    violations.add(where, "static-local-discriminator " + discr + " is already used by " + holder
                        + "; bfd.LocalDiscr must be unique in the system (RFC 5880 section 6.8.1)");
                }
            } else if (ext.getStaticRemoteDiscriminator() != null) {
                violations.add(where,
                    "static-remote-discriminator needs static-local-discriminator: a static session fixes both");
            }
        }
    }
}
