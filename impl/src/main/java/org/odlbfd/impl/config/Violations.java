/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The broken rules found in one check, each as {@code <where>: <rule>}. The text goes back
 * verbatim to the RESTCONF caller, so it names the session, the field and the rule.
 */
public final class Violations {
    private final List<String> messages = new ArrayList<>();

    /**
     * Records a broken rule.
     *
     * @param where the session or entry, e.g. {@code ip-sh session interface=eth0 dest-addr=192.0.2.2 (protocol bfd)}
     * @param message the field and the rule
     */
    public void add(final String where, final String message) {
        messages.add(where + ": " + message);
    }

    /**
     * Records a broken rule whose message already says where (rules of other packages).
     *
     * @param message the whole message
     */
    public void add(final String message) {
        messages.add(message);
    }

    /**
     * What was recorded, in order.
     *
     * @return the messages
     */
    public List<String> list() {
        return List.copyOf(messages);
    }
}
