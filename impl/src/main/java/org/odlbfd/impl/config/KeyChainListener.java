/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import javax.inject.Inject;
import org.opendaylight.mdsal.binding.api.DataBroker;
import org.opendaylight.mdsal.binding.api.DataTreeChangeListener;
import org.opendaylight.mdsal.binding.api.DataTreeModification;
import org.opendaylight.mdsal.common.api.LogicalDatastoreType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yangtools.binding.DataObjectReference;
import org.opendaylight.yangtools.concepts.Registration;

/**
 * Feeds {@link KeyChainKeys} from the ietf-key-chain {@code key-chains} container of the config
 * datastore. Each change replaces the whole snapshot, so repeated notifications are harmless.
 */
public final class KeyChainListener implements DataTreeChangeListener<KeyChains>, AutoCloseable {
    /** The RFC 8177 top-level container. */
    public static final DataObjectReference<KeyChains> KEY_CHAINS = DataObjectReference.builder(KeyChains.class)
        .build();

    private final KeyChainKeys keys;
    private final Registration registration;

    /**
     * Registers the listener.
     *
     * @param dataBroker the binding data broker
     * @param keys receives each new configuration
     */
    @Inject
    public KeyChainListener(final DataBroker dataBroker, final KeyChainKeys keys) {
        this.keys = requireNonNull(keys);
        registration = dataBroker.registerTreeChangeListener(LogicalDatastoreType.CONFIGURATION, KEY_CHAINS, this);
    }

    @Override
    public void onDataTreeChanged(final List<DataTreeModification<KeyChains>> changes) {
        // only the last state matters: the snapshot is the whole container
        keys.update(KeyChainParser.parse(changes.getLast().getRootNode().dataAfter()));
    }

    @Override
    public void close() {
        registration.close();
    }
}
