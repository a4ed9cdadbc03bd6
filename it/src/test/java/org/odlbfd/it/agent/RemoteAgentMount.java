/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.agent;

/**
 * How the controller mounts a remote agent: the topology-netconf node body README.md ("Remote agent")
 * and docs/walkthrough.md show, PUT to
 * {@code /rests/data/network-topology:network-topology/topology=topology-netconf/node=NODE}.
 */
public final class RemoteAgentMount {
    private RemoteAgentMount() {
    }

    /** The node body: SSH (not tcp-only), the agent's NETCONF user and password, ODL's other defaults. */
    public static String nodeBody(final String node, final String host, final int port, final String user,
            final String password) {
        return """
            {"network-topology:node": [{
              "node-id": "%s",
              "netconf-node-topology:netconf-node": {
                "host": "%s",
                "port": %d,
                "tcp-only": false,
                "login-password-unencrypted": {"username": "%s", "password": "%s"}
              }
            }]}""".formatted(node, host, port, user, password);
    }
}
