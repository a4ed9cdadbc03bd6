/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.netconf;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.eclipse.jdt.annotation.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML as NETCONF answers it, parsed without namespaces (ODL writes default namespaces only), so that
 * plain XPath such as {@code //session[dest-addr='192.0.2.2']/session-running/local-state} works.
 */
public final class Xml {
    private Xml() {
    }

    /** Parses a document; external entities are off. */
    public static Document parse(final String xml) {
        try {
            final var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("not XML: " + xml, e);
        }
    }

    /** The text of the first node {@code xpath} selects, or null when none. */
    public static @Nullable String text(final Node doc, final String xpath) {
        try {
            final var node = (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODE);
            return node == null ? null : node.getTextContent().trim();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** How many nodes {@code xpath} selects. */
    public static int count(final Node doc, final String xpath) {
        try {
            return ((Number) XPathFactory.newInstance().newXPath().evaluate("count(" + xpath + ")", doc,
                XPathConstants.NUMBER)).intValue();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** Drops a leading XML "prefix:" from an identityref value ("x:bfdv1" gives "bfdv1"); other text stays. */
    public static @Nullable String local(final @Nullable String value) {
        return value == null ? null : value.replaceFirst("^[A-Za-z_][A-Za-z0-9_.-]*:(?=[A-Za-z_])", "");
    }
}
