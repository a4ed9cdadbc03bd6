/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

/**
 * Detection-time adaptation settings (odl-bfd-ext {@code no-adaptation} and {@code adaptation}), as
 * Juniper describes it: after more than {@code flapCount} flaps within {@code windowMillis}, the
 * interval of the side that failed is doubled, at most {@code maxSteps} times, and the configured
 * intervals return once the session has been Up for {@code stableMillis}.
 *
 * @param enabled adaptation on (odl-bfd-ext {@code no-adaptation} false)
 * @param flapCount adapt when the window holds more flaps than this
 * @param windowMillis the window
 * @param maxSteps most doublings of one interval
 * @param stableMillis Up this long, the configured intervals return
 */
public record AdaptationConfig(boolean enabled, int flapCount, long windowMillis, int maxSteps, long stableMillis) {
    /** Juniper: "more than three times in a span of 15 seconds". */
    public static final int DEFAULT_FLAP_COUNT = 3;
    /** Default window: 15 s. */
    public static final long DEFAULT_WINDOW_S = 15;
    /** Default bound: three doublings (x8). */
    public static final int DEFAULT_MAX_STEPS = 3;
    /** Default stable period: 60 s. */
    public static final long DEFAULT_STABLE_S = 60;

    /** The defaults, on (Juniper adapts unless told {@code no-adaptation}). */
    public static final AdaptationConfig DEFAULT = new AdaptationConfig(true, DEFAULT_FLAP_COUNT,
        DEFAULT_WINDOW_S * 1000, DEFAULT_MAX_STEPS, DEFAULT_STABLE_S * 1000);
    /** No adaptation. */
    public static final AdaptationConfig OFF = new AdaptationConfig(false, DEFAULT_FLAP_COUNT,
        DEFAULT_WINDOW_S * 1000, DEFAULT_MAX_STEPS, DEFAULT_STABLE_S * 1000);

    /**
     * Checks the figures.
     *
     * @param enabled adaptation on
     * @param flapCount flaps tolerated within the window
     * @param windowMillis the window
     * @param maxSteps most doublings
     * @param stableMillis stable period
     */
    public AdaptationConfig {
        if (flapCount < 1 || windowMillis <= 0 || maxSteps < 1 || maxSteps > 16 || stableMillis <= 0) {
            throw new IllegalArgumentException("adaptation needs flap-count >= 1, max-steps 1..16 and positive times: "
                + flapCount + ", " + windowMillis + " ms, " + maxSteps + ", " + stableMillis + " ms");
        }
    }
}
