/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.common.OperationFailedException;

/**
 * The device's own words from a failed NETCONF operation. ODL's NETCONF client reports a refused
 * edit-config as {@code "<device>:RPC during tx failed. " + error-message + error-info}; what follows
 * that marker is the device's rpc-error, which is what an operator needs to see.
 */
final class DeviceErrors {
    private static final String MARKER = "RPC during tx failed. ";
    /** error-info elements (a bad-value element holding "interface"), shown as "bad-value: interface". */
    private static final Pattern INFO = Pattern.compile("<([a-zA-Z-]+)>([^<]*)</\\1>");

    private DeviceErrors() {
        // static only
    }

    /**
     * The text to show for a failure.
     *
     * @param failure what a read or commit failed with
     * @return the device's rpc-error text when there is one, else the failure's own message
     */
    static String text(final Throwable failure) {
        Throwable cause = failure;
        String deepest = null;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof OperationFailedException ofe) {
                for (var error : ofe.getErrorList()) {
                    final var message = error.getMessage();
                    if (message != null && message.contains(MARKER)) {
                        return clean(message.substring(message.indexOf(MARKER) + MARKER.length()));
                    }
                }
            }
            final var message = cause.getMessage();
            if (message != null) {
                if (message.contains(MARKER)) {
                    return clean(message.substring(message.indexOf(MARKER) + MARKER.length()));
                }
                if (!(cause instanceof ExecutionException)) {
                    deepest = message;
                }
            }
            if (cause instanceof TimeoutException) {
                return "the device did not answer in time";
            }
        }
        return deepest == null ? failure.getClass().getSimpleName() : deepest;
    }

    private static String clean(final String text) {
        final var matcher = INFO.matcher(text);
        final var out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("; " + matcher.group(1) + ": " + matcher.group(2)));
        }
        matcher.appendTail(out);
        return out.toString().trim();
    }
}
