/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.policy;

/**
 * Flap damping settings (odl-bfd-ext {@code damping}), in the style of RFC 2439 §4: each flap adds
 * {@code increment} to a penalty that halves every {@code halfLifeMillis}; above {@code suppress}
 * the session is damped, below {@code reuse} it is used again, and it is never damped longer than
 * {@code maxSuppressMillis}.
 *
 * @param enabled damping on
 * @param halfLifeMillis half-life of the penalty
 * @param suppress penalty above which the session is damped
 * @param reuse penalty below which it is reused (less than suppress)
 * @param increment penalty of one flap
 * @param maxSuppressMillis longest time damped
 */
public record DampingConfig(boolean enabled, long halfLifeMillis, long suppress, long reuse, long increment,
        long maxSuppressMillis) {
    /** Default half-life: 15 s. */
    public static final long DEFAULT_HALF_LIFE_S = 15;
    /** Default suppress threshold: the third flap within a few seconds damps. */
    public static final long DEFAULT_SUPPRESS = 2500;
    /** Default reuse threshold. */
    public static final long DEFAULT_REUSE = 1000;
    /** Default penalty per flap. */
    public static final long DEFAULT_INCREMENT = 1000;
    /** Default longest damping: 60 s (four half-lives, as Cisco's BGP default). */
    public static final long DEFAULT_MAX_SUPPRESS_S = 60;

    /** Damping off, with the default figures. */
    public static final DampingConfig OFF = new DampingConfig(false, DEFAULT_HALF_LIFE_S * 1000, DEFAULT_SUPPRESS,
        DEFAULT_REUSE, DEFAULT_INCREMENT, DEFAULT_MAX_SUPPRESS_S * 1000);

    /**
     * Checks the figures (the commit cohort refuses bad ones with a message; this guards the engine).
     *
     * @param enabled damping on
     * @param halfLifeMillis half-life
     * @param suppress suppress threshold
     * @param reuse reuse threshold
     * @param increment penalty per flap
     * @param maxSuppressMillis longest time damped
     */
    public DampingConfig {
        if (halfLifeMillis <= 0 || maxSuppressMillis <= 0 || increment <= 0 || reuse <= 0 || suppress <= reuse) {
            throw new IllegalArgumentException("damping needs half-life, max-suppress-time, increment and reuse above 0"
                + " and reuse below suppress: " + halfLifeMillis + " ms, " + maxSuppressMillis + " ms, " + increment
                + ", " + reuse + ", " + suppress);
        }
    }

    /**
     * The same figures, on.
     *
     * @return enabled damping
     */
    public DampingConfig on() {
        return new DampingConfig(true, halfLifeMillis, suppress, reuse, increment, maxSuppressMillis);
    }

    /**
     * RFC 2439 §4.2: the highest penalty worth keeping, the one that decays to {@code reuse} in
     * exactly {@code maxSuppressMillis}; more would only keep the session damped longer.
     *
     * @return the ceiling
     */
    public double ceiling() {
        return reuse * Math.pow(2, (double) maxSuppressMillis / halfLifeMillis);
    }
}
