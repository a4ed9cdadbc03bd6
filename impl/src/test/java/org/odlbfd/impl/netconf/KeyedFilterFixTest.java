/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.rev220922.ControlPlaneProtocol1;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Document;

/**
 * Which filters the workaround rewrites: exactly those whose first list is nested below a top-level
 * node's child and keyed by an identityref (control-plane-protocol by type), as ODL's NETCONF client
 * sends them for any read below a mount point's protocol instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyedFilterFixTest {
    private static final String ROUTING = "urn:ietf:params:xml:ns:yang:ietf-routing";

    private EffectiveModelContext context;

    @BeforeAll
    void start() {
        context = BindingRuntimeHelpers.createEffectiveModel(ControlPlaneProtocol1.class, KeyChains.class);
    }

    private static Document request(final String op, final String filter) throws Exception {
        return XmlUtil.readXmlToDocument("<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\"><"
            + op + "><filter type=\"subtree\">" + filter + "</filter></" + op + "></rpc>");
    }

    private static String protocol(final String keys) {
        return "<routing xmlns=\"" + ROUTING + "\"><control-plane-protocols><control-plane-protocol>" + keys
            + "<bfd xmlns=\"urn:ietf:params:xml:ns:yang:ietf-bfd\"/></control-plane-protocol>"
            + "</control-plane-protocols></routing>";
    }

    @Test
    void theIdentityrefKeyOfANestedListIsTheOneTheValidatorCannotParse() throws Exception {
        final var keys = KeyedFilterFix.unparsableKeys(request("get-config", protocol(
            "<type xmlns:bt=\"urn:ietf:params:xml:ns:yang:ietf-bfd-types\">bt:bfdv1</type><name>bfd1</name>")),
            context);
        assertEquals(1, keys.size(), keys::toString);
        assertEquals("type", keys.getFirst().getLocalName());
    }

    @Test
    void filtersTheValidatorHandlesAreLeftAlone() throws Exception {
        // no keys: the whole list is read anyway
        assertTrue(KeyedFilterFix.unparsableKeys(request("get", protocol("")), context).isEmpty());
        // a selection node without a value is no key
        assertTrue(KeyedFilterFix.unparsableKeys(request("get", protocol("<type/><name>bfd1</name>")), context)
            .isEmpty());
        // a list under a top-level container, keyed by a string
        assertTrue(KeyedFilterFix.unparsableKeys(request("get-config",
            "<key-chains xmlns=\"urn:ietf:params:xml:ns:yang:ietf-key-chain\"><key-chain><name>k</name></key-chain>"
                + "</key-chains>"), context).isEmpty());
        // not in the model: the server answers that itself
        assertTrue(KeyedFilterFix.unparsableKeys(request("get", "<nothing xmlns=\"urn:example\"/>"), context)
            .isEmpty());
    }
}
