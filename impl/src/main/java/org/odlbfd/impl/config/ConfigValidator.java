/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jdt.annotation.Nullable;
import org.odlbfd.impl.config.KeyChainParser.Chain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.auth.parms.Authentication;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.routing.rev180313.routing.ControlPlaneProtocols;

/**
 * The rules YANG cannot express, checked on the whole configuration a commit would leave. It runs
 * rule sets ({@link ConfigRule}, one class each) on a {@link ConfigView}, and rules about changes
 * ({@link TransitionRule}) on the views before and after. Each message names the session, the field
 * and the rule, because it goes back verbatim to the RESTCONF caller. The rules are listed in
 * impl/README.md ("Validation rules").
 *
 * <p>A session placed on a NETCONF device ({@link Placements}, {@link ConfiguredSession#embedded()})
 * is that device's: the rules about the embedded agent's platform and host (the timer floor,
 * {@link HostRules}, the discriminators the agent runs) skip it, and session keys and static
 * discriminators are unique per device, each device being a system of its own (RFC 5880 §6.8.1).
 */
public final class ConfigValidator {
    /**
     * Smallest transmit, receive and echo interval accepted, in microseconds (10 ms). Below it a
     * session cannot stay up on the machines this runs on: scheduling stalls of 17-190 ms were
     * measured on the 2-vCPU VMs (PERF-NOTES.md) and 10 ms x 3 never ran clean there. 10 ms is the
     * smallest of the RFC 7419 common intervals above 3.3 ms, the software-friendly set.
     */
    public static final long PLATFORM_FLOOR_US = 10_000;

    private static final ConfigValidator HOST_INDEPENDENT = standard(() -> Host.ANY, HostRules.ALL_EMBEDDED,
        RunningDiscriminators.NONE, Integer.MAX_VALUE);

    private final List<ConfigRule> rules;
    private final List<TransitionRule> transitions;

    /**
     * Creates a validator from rule sets.
     *
     * @param rules rules on a configuration
     * @param transitions rules on a change
     */
    public ConfigValidator(final List<ConfigRule> rules, final List<TransitionRule> transitions) {
        this.rules = List.copyOf(rules);
        this.transitions = List.copyOf(transitions);
    }

    /**
     * The controller's rule sets.
     *
     * @param host the host the embedded agent runs on, read at each check
     * @param embedded which sessions the embedded agent runs (the others are not judged against its host)
     * @param running the sessions the embedded agent runs now
     * @param maxSessions the max-sessions setting
     * @return the validator
     */
    public static ConfigValidator standard(final Supplier<Host> host, final Predicate<ConfiguredSession> embedded,
            final RunningDiscriminators running, final int maxSessions) {
        return new ConfigValidator(List.of(new StructureRules(), new AddressRules(), new HostRules(host, embedded),
            new TimerRules(), new AuthRules(), new KeyChainRules(), new UniquenessRules()),
            List.of(new SessionLimit(maxSessions), new RunningRules(running)));
    }

    /**
     * This validator with one more rule set (for example another package's rules on the same tree).
     *
     * @param rule the rule set
     * @return a new validator
     */
    public ConfigValidator with(final ConfigRule rule) {
        final var all = new java.util.ArrayList<>(rules);
        all.add(requireNonNull(rule));
        return new ConfigValidator(all, transitions);
    }

    /**
     * Checks a configuration with the rules that do not depend on the host or on running sessions.
     *
     * @param protocols every control-plane-protocol, or null when none
     * @param keyChains every key chain
     * @return one message per broken rule, empty when the configuration is acceptable
     */
    public static List<String> validate(final @Nullable ControlPlaneProtocols protocols,
            final Map<String, Chain> keyChains) {
        return HOST_INDEPENDENT.validate(ConfigView.of(protocols, keyChains));
    }

    /**
     * Every rule a configuration breaks.
     *
     * @param config the configuration
     * @return one message per broken rule
     */
    public List<String> validate(final ConfigView config) {
        final var violations = new Violations();
        for (var rule : rules) {
            rule.check(config, violations);
        }
        return violations.list();
    }

    /**
     * Checks an authentication setting outside ietf-bfd (an odl-bfd-ext link) with the same rules.
     *
     * @param where what the messages name
     * @param auth the setting, or null
     * @param keyChains every key chain after the commit
     * @return one message per broken rule
     */
    public static List<String> checkAuthentication(final String where, final @Nullable Authentication auth,
            final Map<String, Chain> keyChains) {
        final var violations = new Violations();
        AuthRules.authentication(keyChains, violations, where, auth);
        return violations.list();
    }

    /**
     * What a transaction breaks: the violations of the configuration it leaves that the
     * configuration it started from did not have (so that a configuration committed before a rule
     * existed does not block unrelated edits), and every violation of a rule about changes.
     *
     * @param before the configuration the transaction starts from
     * @param after the configuration it would leave
     * @return one message per broken rule, empty when the transaction is acceptable
     */
    public List<String> check(final ConfigView before, final ConfigView after) {
        requireNonNull(before);
        final var errors = new LinkedHashSet<>(validate(after));
        if (!errors.isEmpty()) {
            errors.removeAll(validate(before));
        }
        final var changes = new Violations();
        for (var rule : transitions) {
            rule.check(before, after, changes);
        }
        final var result = new ArrayList<>(errors);
        result.addAll(changes.list());
        return result;
    }
}
