/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.interop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code SNAPSHOT ...} or {@code STATS ...} reply of the agent: a keyword then key=value fields.
 */
public record Reply(String kind, Map<String, String> fields, String line) {

    static Reply parse(final String line) {
        final int sp = line.indexOf(' ');
        return new Reply(sp < 0 ? line : line.substring(0, sp), fields(line), line);
    }

    /** Splits "WORD k1=v1 k2=v2" into an ordered map; tokens without '=' are ignored. */
    static Map<String, String> fields(final String line) {
        final Map<String, String> kv = new LinkedHashMap<>();
        for (String tok : line.trim().split("\\s+")) {
            final int eq = tok.indexOf('=');
            if (eq > 0) {
                kv.put(tok.substring(0, eq), tok.substring(eq + 1));
            }
        }
        return kv;
    }

    public String str(final String key) {
        final String val = fields.get(key);
        if (val == null) {
            throw new AssertionError("field " + key + " missing in: " + line);
        }
        return val;
    }

    public long num(final String key) {
        final String val = str(key);
        try {
            return Long.parseLong(val);
        } catch (NumberFormatException e) {
            throw new AssertionError("field " + key + " not a number in: " + line, e);
        }
    }

    double dbl(final String key) {
        final String val = str(key);
        try {
            return Double.parseDouble(val);
        } catch (NumberFormatException e) {
            throw new AssertionError("field " + key + " not a number in: " + line, e);
        }
    }
}
