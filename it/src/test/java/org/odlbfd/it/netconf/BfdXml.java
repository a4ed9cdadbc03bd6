/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.netconf;

import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Document;

/**
 * ietf-bfd (RFC 9314) as NETCONF carries it: edit-config bodies for a single-hop session in a bfdv1
 * control-plane-protocol instance, the subtree filter for reading it, and XPath into the answers.
 */
public final class BfdXml {
    /** The subtree filter of every bfdv1 instance's bfd container (config and state). */
    public static final String BFD_FILTER = """
        <routing xmlns="urn:ietf:params:xml:ns:yang:ietf-routing"><control-plane-protocols>\
        <control-plane-protocol><bfd xmlns="urn:ietf:params:xml:ns:yang:ietf-bfd"/></control-plane-protocol>\
        </control-plane-protocols></routing>""";

    private BfdXml() {
    }

    /**
     * The edit-config body of one single-hop session (intervals in microseconds).
     *
     * @param operation null for the default merge, or "delete", "replace", ...
     * @param extraLeaves more session leaves, as XML, or ""
     */
    public static String shSession(final String instance, final String ifname, final String dest,
            final String source, final int mult, final long txUs, final long rxUs, final @Nullable String operation,
            final String extraLeaves) {
        final String op = operation == null ? ""
            : " xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"" + operation + "\"";
        final String leaves = "delete".equals(operation) ? "" : "<source-addr>" + source + "</source-addr>"
            + "<local-multiplier>" + mult + "</local-multiplier>"
            + "<desired-min-tx-interval>" + txUs + "</desired-min-tx-interval>"
            + "<required-min-rx-interval>" + rxUs + "</required-min-rx-interval>" + extraLeaves;
        return "<routing xmlns=\"urn:ietf:params:xml:ns:yang:ietf-routing\"><control-plane-protocols>"
            + "<control-plane-protocol><type xmlns:bfd-types=\"urn:ietf:params:xml:ns:yang:ietf-bfd-types\">"
            + "bfd-types:bfdv1</type><name>" + instance + "</name>"
            + "<bfd xmlns=\"urn:ietf:params:xml:ns:yang:ietf-bfd\">"
            + "<ip-sh xmlns=\"urn:ietf:params:xml:ns:yang:ietf-bfd-ip-sh\"><sessions><session" + op + ">"
            + "<interface>" + ifname + "</interface><dest-addr>" + dest + "</dest-addr>" + leaves
            + "</session></sessions></ip-sh></bfd></control-plane-protocol></control-plane-protocols></routing>";
    }

    /** XPath of a single-hop session in a get answer. */
    public static String sh(final String ifname, final String dest) {
        return "//ip-sh/sessions/session[interface='" + ifname + "' and dest-addr='" + dest + "']";
    }

    /** A leaf under the session's session-running container, without identity prefix; null when absent. */
    public static @Nullable String running(final Document data, final String ifname, final String dest,
            final String leaf) {
        return Xml.local(Xml.text(data, sh(ifname, dest) + "/session-running/" + leaf));
    }

    /** A leaf of the session itself; null when absent. */
    public static @Nullable String leaf(final Document data, final String ifname, final String dest,
            final String leaf) {
        return Xml.local(Xml.text(data, sh(ifname, dest) + "/" + leaf));
    }
}
