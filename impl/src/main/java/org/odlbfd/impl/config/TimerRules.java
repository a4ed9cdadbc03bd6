/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.SingleInterval;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.base.cfg.parms.interval.config.type.TxRxIntervals;
import org.opendaylight.yang.gen.v1.urn.odlbfd.yang.odl.bfd.ext.rev261122.echo.parms.Echo;
import org.opendaylight.yangtools.yang.common.Uint32;

/**
 * Intervals: never a zero transmit interval (RFC 5880 section 6.8.1), and nothing below the
 * platform floor ({@link ConfigValidator#PLATFORM_FLOOR_US}), for control and Echo packets alike;
 * the floor only for sessions the embedded agent runs.
 */
final class TimerRules implements ConfigRule {
    private static final long FLOOR = ConfigValidator.PLATFORM_FLOOR_US;

    @Override
    public void check(final ConfigView config, final Violations violations) {
        for (var session : config.sessions()) {
            final var where = session.where();
            final var type = session.common().getIntervalConfigType();
            // the floor is the embedded agent's platform; a device judges its own timers and refuses
            // what it cannot run (its rpc-error shows in placement/error-message)
            final boolean floor = session.embedded();
            if (type instanceof TxRxIntervals txRx) {
                interval(violations, where, "desired-min-tx-interval", txRx.getDesiredMinTxInterval(), false, floor);
                interval(violations, where, "required-min-rx-interval", txRx.getRequiredMinRxInterval(), true, floor);
            } else if (type instanceof SingleInterval single) {
                interval(violations, where, "min-interval", single.getMinInterval(), false, floor);
            }
            if (session.echo() != null) {
                echo(violations, where, session.echo(), floor);
            }
        }
    }

    private static void interval(final Violations violations, final String where, final String field,
            final @Nullable Uint32 value, final boolean zeroAllowed, final boolean floor) {
        if (value == null) {
            // the YANG default, 1 s
            return;
        }
        final long us = value.toJava();
        if (us == 0 && !zeroAllowed) {
            violations.add(where, field
                + " must not be 0: bfd.DesiredMinTxInterval is never zero (RFC 5880 section 6.8.1)");
        } else if (floor && us != 0 && us < FLOOR) {
            violations.add(where, field + " " + us + " us is below this platform's floor of " + FLOOR
                + " us (10 ms, RFC 7419): shorter intervals cause false failures here");
        }
    }

    private static void echo(final Violations violations, final String where, final Echo echo, final boolean floor) {
        final boolean enabled = Boolean.TRUE.equals(echo.getEnabled());
        final var tx = echo.getDesiredMinEchoTxInterval();
        if (enabled && tx != null && tx.toJava() == 0) {
            violations.add(where, "echo desired-min-echo-tx-interval must not be 0 while echo is enabled");
        } else if (floor && tx != null && tx.toJava() != 0 && tx.toJava() < FLOOR) {
            violations.add(where, "echo desired-min-echo-tx-interval " + tx
                + " us is below this platform's floor of " + FLOOR + " us (10 ms)");
        }
        final var rx = echo.getRequiredMinEchoRxInterval();
        if (floor && rx != null && rx.toJava() != 0 && rx.toJava() < FLOOR) {
            violations.add(where, "echo required-min-echo-rx-interval " + rx
                + " us is below this platform's floor of " + FLOOR + " us (10 ms); 0 means no echo is looped");
        }
    }
}
