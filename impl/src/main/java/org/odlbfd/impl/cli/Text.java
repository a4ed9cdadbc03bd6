/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.cli;

import java.time.Duration;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.State;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * How the commands print values: states as the vendors do (Up, Down, Init, AdminDown), intervals
 * in milliseconds, durations as {@code [Nd ]HH:MM:SS}.
 */
final class Text {
    private Text() {
        // static only
    }

    static String orDash(final @Nullable String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }

    static String state(final @Nullable State state) {
        if (state == null) {
            return "-";
        }
        final String name = state.getName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Microseconds (RFC 9314 units) as milliseconds, with a fraction only when there is one. */
    static String millis(final @Nullable Uint32 micros) {
        if (micros == null) {
            return "-";
        }
        final long us = micros.toJava();
        return us % 1000 == 0 ? Long.toString(us / 1000) : String.format(java.util.Locale.ROOT, "%.3f", us / 1000.0);
    }

    static String duration(final @Nullable Duration duration) {
        if (duration == null) {
            return "-";
        }
        final long seconds = Math.max(0, duration.toSeconds());
        final long days = seconds / 86_400;
        final String clock = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600 % 24,
            seconds / 60 % 60, seconds % 60);
        return days > 0 ? days + "d " + clock : clock;
    }
}
