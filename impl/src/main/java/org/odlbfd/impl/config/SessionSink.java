/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import org.odlbfd.api.SessionKey;

/**
 * Where configured sessions go: the embedded agent, or later a device through NETCONF. Calls come
 * from one listener thread, in datastore commit order, and only for real changes.
 */
public interface SessionSink {
    /**
     * A session was configured or its configuration changed.
     *
     * @param config the whole new configuration
     */
    void apply(SessionConfig config);

    /**
     * A session's configuration was deleted.
     *
     * @param protocol the control-plane-protocol instance that held it
     * @param key the session
     */
    void remove(String protocol, SessionKey key);
}
