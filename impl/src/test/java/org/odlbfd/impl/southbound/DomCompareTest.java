/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.impl.southbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.odlbfd.api.SingleHopKey;
import org.odlbfd.impl.southbound.Wanted.EntryKey;
import org.opendaylight.mdsal.binding.dom.adapter.test.AbstractConcurrentDataBrokerTest;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.Session;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.ip.sh.rev220922.routing.control.plane.protocols.control.plane.protocol.bfd.ip.sh.sessions.SessionBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.bfd.types.rev220922.Multiplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.IetfInetUtil;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.KeyChains;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChain;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.KeyChainBuilder;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain.rev170615.key.chains.key.chain.KeyBuilder;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

/**
 * The device's copy compared with the controller's entry as values: defaults, address forms,
 * vendor leaves and hidden secrets do not count as drift; a changed leaf does.
 */
class DomCompareTest extends AbstractConcurrentDataBrokerTest {
    private static final EntryKey KEY = new EntryKey("bfd1",
        new SingleHopKey("eth0", InetAddresses.forString("2001:db8::2")));
    private BindingNormalizedNodeSerializer codec;
    private DeviceDom dom;
    private Set<XMLNamespace> judged;

    DomCompareTest() {
        super(true);
    }

    @BeforeEach
    void start() throws Exception {
        setup();
        codec = getDataBrokerTestCustomizer().getAdapterContext().currentSerializer();
        dom = new DeviceDom(codec);
        judged = new DeviceSupport(true, true, true, true, true, true, List.of()).judged();
    }

    private MapEntryNode node(final Session session) {
        return (MapEntryNode) dom.entry(KEY, session).node();
    }

    private static SessionBuilder session(final String dest) {
        return new SessionBuilder().setInterface("eth0").setDestAddr(IetfInetUtil.ipAddressFor(dest));
    }

    @Test
    void defaultsAndAddressFormsAreNoDifference() {
        final var wanted = node(session("2001:db8::2").build());
        final var device = node(session("2001:db8:0:0::2").setLocalMultiplier(new Multiplier(Uint8.valueOf(3)))
            .setDemandEnabled(false).setAdminDown(false).build());
        assertEquals(List.of(), DomCompare.differences(wanted, device, judged));
    }

    @Test
    void aChangedLeafIsADifference() {
        final var wanted = node(session("2001:db8::2").build());
        final var device = node(session("2001:db8::2").setLocalMultiplier(new Multiplier(Uint8.valueOf(9))).build());
        assertEquals(List.of("local-multiplier: device 9, wanted 3"), DomCompare.differences(wanted, device, judged));
    }

    @Test
    void vendorLeavesAreTheDevicesOwn() {
        final var wanted = node(session("2001:db8::2").build());
        // the same entry judged without ietf-bfd-ip-sh's namespace: nothing of it is compared
        assertEquals(List.of(), DomCompare.differences(wanted, node(session("2001:db8::2")
            .setLocalMultiplier(new Multiplier(Uint8.valueOf(9))).build()), Set.of()));
    }

    @Test
    void aKeyStringTheDeviceHidesIsNotADifference() {
        final var chain = SouthboundData.md5Chain("k1", "secret");
        final var wanted = (MapEntryNode) dom.chain(chain).node();
        final var hidden = new KeyChainBuilder(chain).setKey(BindingMap.of(new KeyBuilder(chain.nonnullKey().values()
            .iterator().next()).setKeyString(null).build())).build();
        assertEquals(List.of(), DomCompare.differences(wanted, (MapEntryNode) dom.chain(hidden).node(), judged));
        final var other = SouthboundData.md5Chain("k1", "changed");
        final var differences = DomCompare.differences(wanted, (MapEntryNode) dom.chain(other).node(), judged);
        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.getFirst().startsWith("key[key-id=5]/key-string/keystring"), differences.toString());
    }

    @Test
    void errorsKeepTheDevicesWords() {
        final var failure = new java.util.concurrent.ExecutionException(new IllegalStateException(
            "RemoteDeviceId[name=r1]:RPC during tx failed. required value instance not found"
                + "<bad-value>interface</bad-value><error-number>310</error-number>"));
        assertEquals("required value instance not found; bad-value: interface; error-number: 310",
            DeviceErrors.text(failure));
        assertEquals("the device did not answer in time",
            DeviceErrors.text(new java.util.concurrent.TimeoutException("timed out")));
    }

    @Test
    void theKeyChainPathIsTheControllers() {
        assertEquals(codec.toYangInstanceIdentifier(DataObjectIdentifier.builder(KeyChains.class)
            .child(KeyChain.class, new org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.key.chain
                .rev170615.key.chains.KeyChainKey("k1")).build()),
            dom.chain(SouthboundData.md5Chain("k1", "s")).path());
    }
}
