/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.FrrPeer;
import org.odlbfd.it.interop.NetNs;
import org.odlbfd.it.interop.Testbed;

/**
 * Issue #13's operator surfaces against one running controller (namespace A, FRR bfdd 8.4 in B):
 * the Prometheus endpoint {@code /bfd/metrics}, the OpenAPI explorer, the status page {@code /bfd/}
 * in headless Chromium while FRR flaps the session, the Karaf {@code bfd:*} commands through
 * {@code bin/client}, and the {@code clear-statistics} RPC over RESTCONF. One boot for all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorSurfacesIT {
    private static final Duration UP = Duration.ofSeconds(30);
    private static final String NAME = "ops-sh";
    private static final String KEY = NetNs.IF_A + "," + NetNs.B4;
    private static final String ROW = "tr[data-session=\"sh|" + NetNs.IF_A + "|" + NetNs.B4 + "\"]";
    private static final String FRR_PEER = "peer " + NetNs.A4 + " local-address " + NetNs.B4 + " interface "
        + NetNs.IF_B;
    private static final String AUTH = "Basic "
        + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    private ControllerBed bed;
    private Bfd bfd;
    private FrrPeer frr;
    private KarafShell shell;

    @BeforeAll
    void boot() throws Exception {
        Testbed.require(Testbed.BFDD, Testbed.ZEBRA, Testbed.VTYSH, Chromium.BINARY);
        bed = ControllerBed.boot("ops");
        bfd = new Bfd(bed.http, "ops");
        shell = new KarafShell(Controller.home(), bed.net.a());
        frr = bed.own(FrrPeer.start(bed.net, bed.net.b(), FrrPeer.stanza(FRR_PEER, "receive-interval 300",
            "transmit-interval 300", "detect-multiplier 3")));
        final var put = bed.http.put(bfd.shSession(NetNs.IF_A, NetNs.B4), Bfd.shSessionBody(NetNs.IF_A, NetNs.B4,
            NetNs.A4, 3, 300_000, 300_000, "\"odl-bfd-ext:session-name\": \"" + NAME + "\""));
        assertTrue(put.isSuccess(), () -> "PUT: " + put);
        awaitUp();
    }

    @AfterAll
    void shutdown() {
        if (bed != null) {
            bed.close();
        }
    }

    private JsonObject awaitUp() throws Exception {
        return bfd.awaitSh(NetNs.IF_A, NetNs.B4, s -> "up".equals(Bfd.localState(s))
            && "up".equals(Bfd.running(s, "remote-state")), UP, "up on both ends");
    }

    @Test
    @Order(1)
    void metricsEndpointNeedsCredentialsAndShowsTheSession() throws Exception {
        final String url = bed.http.root() + "/bfd/metrics";
        assertEquals(401, bed.http.raw(url, null, "text/plain").status(), "the metrics are behind AAA like RESTCONF");
        // a few packets and the first counters period (5 s) behind us
        bfd.awaitSh(NetNs.IF_A, NetNs.B4, s -> Bfd.stat(s, "receive-packet-count") > 3, UP, "counting");
        final var reply = bed.http.raw(url, AUTH, "text/plain");
        assertEquals(200, reply.status(), reply::toString);
        final String text = reply.body();
        assertEquals(1.0, metric(text, "bfd_sessions{state=\"up\"}"), text);
        assertEquals(0.0, metric(text, "bfd_sessions{state=\"down\"}"), text);
        assertEquals(1.0, metric(text, "bfd_session_up{session=\"" + NAME + "\"}"), text);
        assertTrue(metric(text, "bfd_transitions_total{diag=\"none\",state=\"up\"}") >= 1, text);
        assertTrue(metric(text, "bfd_packets_received_total") > 0, text);
        assertTrue(metric(text, "bfd_session_packets_sent_total{session=\"" + NAME + "\"}") > 0, text);
        assertEquals(0.0, metric(text, "bfd_packets_dropped_total{reason=\"auth_failed\"}"), text);
        // RFC 5880 §6.8.4: 3 x 300 ms
        assertEquals(0.9, metric(text, "bfd_session_detection_time_seconds{session=\"" + NAME + "\"}"), 1e-9, text);
        assertEquals(1.0, metric(text, "bfd_detection_time_seconds_bucket{le=\"1.0\"}"), text);
        assertEquals(0.0, metric(text, "bfd_detection_time_seconds_bucket{le=\"0.5\"}"), text);
        assertTrue(metric(text, "bfd_oper_writer_lag_seconds_count") >= 1, text);
        assertTrue(text.contains("bfd_engine_detection_lateness_seconds{quantile=\"0.99\"}"), text);
        // the library negotiates OpenMetrics, where the detection-time histogram is a gauge histogram
        final var open = bed.http.raw(url, AUTH, "application/openmetrics-text; version=1.0.0");
        assertTrue(open.body().contains("# TYPE bfd_detection_time_seconds gaugehistogram"), open::toString);
        assertTrue(open.body().endsWith("# EOF\n"), open::toString);
        Figures.record("MEASURED ops metrics scrape " + text.length() + " bytes, writer lag count "
            + metric(text, "bfd_oper_writer_lag_seconds_count") + " sum "
            + metric(text, "bfd_oper_writer_lag_seconds_sum") + " s");
    }

    @Test
    @Order(2)
    void openApiListsTheBfdModules() throws Exception {
        final String root = bed.http.root() + "/openapi";
        assertEquals(200, bed.http.raw(root + "/explorer/index.html", AUTH, "text/html").status());
        final var all = bed.http.raw(root + "/api/v3/single", AUTH, "application/json");
        assertEquals(200, all.status(), all::toString);
        final var paths = JsonParser.parseString(all.body()).getAsJsonObject().getAsJsonObject("paths").keySet();
        final String bfdRoot = "/rests/data/ietf-routing:routing/control-plane-protocols/control-plane-protocol="
            + "{type},{name}/ietf-bfd:bfd";
        final var expected = List.of(bfdRoot,
            bfdRoot + "/ietf-bfd-ip-sh:ip-sh/sessions/session={interface},{dest-addr}",
            bfdRoot + "/ietf-bfd-ip-mh:ip-mh/session-groups/session-group={source-addr},{dest-addr}",
            "/rests/operations/odl-bfd-ext:clear-statistics");
        for (String path : expected) {
            assertTrue(paths.contains(path), () -> path + " not in the OpenAPI document");
        }
        // one document per module, as the explorer's module list asks for them
        for (String module : new String[] {"ietf-bfd?revision=2022-09-22", "ietf-bfd-ip-sh?revision=2022-09-22",
            "ietf-bfd-ip-mh?revision=2022-09-22", "odl-bfd-ext?revision=2026-11-22"}) {
            final var doc = bed.http.raw(root + "/api/v3/" + module, AUTH, "application/json");
            assertEquals(200, doc.status(), () -> module + ": " + doc);
            assertTrue(doc.body().contains("\"paths\""), () -> module + ": " + doc.body());
        }
        final var ext = bed.http.raw(root + "/api/v3/odl-bfd-ext?revision=2026-11-22", AUTH, "application/json");
        assertTrue(ext.body().contains("session-name"), ext::toString);
    }

    @Test
    @Order(3)
    void statusPageFollowsAFlapLive() throws Exception {
        assertEquals(401, bed.http.raw(bed.http.root() + "/bfd/", null, "text/html").status(),
            "the page is behind AAA like RESTCONF");
        final var html = bed.http.raw(bed.http.root() + "/bfd/", AUTH, "text/html");
        assertEquals(200, html.status(), html::toString);
        // only the page's three files: nothing else of the bundle is served
        assertEquals(404, bed.http.raw(bed.http.root() + "/bfd/OSGI-INF/blueprint/bfd-impl.xml", AUTH, "text/html")
            .status());
        try (var chromium = Chromium.launch(Path.of("target", "ops-chromium.log"))) {
            final var tab = chromium.open(bed.http.root() + "/bfd/", Map.of("Authorization", AUTH));
            final String row = "document.querySelector('" + ROW + "')";
            final String page = "document.body.innerText";
            tab.await(row + " && " + row + ".dataset.state === 'up'", Duration.ofSeconds(30), page);
            // 'subscribed' once the page opened the stream, 'live' once the server answered it
            tab.await("['subscribed', 'live'].includes(document.getElementById('stream-status').textContent)",
                Duration.ofSeconds(30), page);
            // the stream is registered by the time its GET reaches the server; give it that moment
            Thread.sleep(1_000);

            frr.configurePeer(FRR_PEER, "shutdown");
            tab.await(row + ".dataset.state === 'down'", Duration.ofSeconds(15), page);
            frr.configurePeer(FRR_PEER, "no shutdown");
            tab.await(row + ".dataset.state === 'up'", Duration.ofSeconds(30), page);
            tab.await(row + ".querySelector('.flaps').textContent === '1'", Duration.ofSeconds(15), page);

            final String history = tab.eval(row + ".querySelector('.transitions').innerText").getAsString();
            assertTrue(history.contains("Down (neighbor-down)"), history);
            assertTrue(history.indexOf("Up") < history.indexOf("Down (neighbor-down)"), () -> "newest first: "
                + history);
            assertEquals("live", tab.eval("document.getElementById('stream-status').textContent").getAsString());
            final String log = tab.eval("document.querySelector('#log tbody').innerText").getAsString();
            assertTrue(log.contains(NAME) && log.contains("neighbor-down"), log);
            assertTrue(tab.eval("document.getElementById('error').hidden").getAsBoolean(),
                () -> tab.eval("document.getElementById('error').textContent").toString());

            tab.screenshot(Path.of("target", "ops-status-page.png"));
            Files.writeString(Path.of("target", "ops-status-page.html"),
                tab.eval("document.documentElement.outerHTML").getAsString());
            assertTrue(Files.size(Path.of("target", "ops-status-page.png")) > 10_000, "a real screenshot");
        }
        awaitUp();
    }

    @Test
    @Order(4)
    void karafCommandsOverBinClient() throws Exception {
        final String table = shell.command("bfd:sessions");
        final String line = table.lines().filter(l -> l.startsWith(KEY)).findFirst().orElseThrow(
            () -> new AssertionError("no row for " + KEY + ":\n" + table));
        final var cells = line.split("\\s*\\|\\s*");
        assertEquals(NAME, cells[1], line);
        assertEquals("sh", cells[2], line);
        assertEquals("Up", cells[3], line);
        assertEquals("Up", cells[4], line);
        assertEquals("none", cells[5], line);
        assertEquals("300", cells[6], line);
        assertEquals("300", cells[7], line);
        assertEquals("900", cells[8], line);
        assertTrue(cells[9].matches("\\d\\d:\\d\\d:\\d\\d"), line);
        assertEquals("1", cells[10].trim(), "the flap of the status page test: " + line);
        assertTrue(table.contains("Total: 1 sessions, 1 Up"), table);

        final String verbose = shell.batch("bfd:session " + NAME);
        assertTrue(verbose.contains("(One Hop) State : Up"), verbose);
        for (String leaf : new String[] {"session-running/local-state", "session-running/remote-state",
            "session-running/detection-time", "session-statistics/down-count", "odl-bfd-ext:session-name",
            "local-discriminator", "remote-discriminator", "session-statistics/receive-packet-count"}) {
            assertTrue(Pattern.compile("^\\s+" + Pattern.quote(leaf) + "\\s+: \\S", Pattern.MULTILINE)
                .matcher(verbose).find(), () -> leaf + " missing:\n" + verbose);
        }
        assertTrue(verbose.contains(": 900000"), verbose);
        assertTrue(shell.command("bfd:session " + KEY).contains("Name : " + NAME), "found by key too");
        assertTrue(shell.command("bfd:session eth9,192.0.2.9").contains("No BFD session eth9,192.0.2.9"));

        final String cleared = shell.command("bfd:clear statistics " + KEY);
        assertTrue(cleared.contains("Statistics cleared: 1 session(s)"), cleared);
        final JsonObject after = bfd.shOper(NetNs.IF_A, NetNs.B4);
        assertEquals(0, Bfd.stat(after, "down-count"), after::toString);
        assertTrue(Bfd.stat(after, "receive-packet-count") < 5, after::toString);
        assertEquals("up", Bfd.localState(after), "clearing counters leaves the session alone");
        assertTrue(shell.batch("bfd:sessions").lines().anyMatch(l -> l.startsWith(KEY) && l.trim().endsWith("| 0")),
            "flaps back to 0");
    }

    @Test
    @Order(5)
    void clearStatisticsRpcOverRestconf() throws Exception {
        bfd.awaitSh(NetNs.IF_A, NetNs.B4, s -> Bfd.stat(s, "send-packet-count") > 5, UP, "counting again");
        final var byName = bed.http.rpc("odl-bfd-ext:clear-statistics", "{\"input\": {\"session-name\": \"" + NAME
            + "\"}}");
        assertEquals(200, byName.status(), byName::toString);
        assertEquals(1, byName.json().getAsJsonObject().getAsJsonObject("odl-bfd-ext:output")
            .get("cleared-sessions").getAsInt(), byName::toString);
        final JsonObject after = bfd.shOper(NetNs.IF_A, NetNs.B4);
        assertTrue(Bfd.stat(after, "send-packet-count") < 5, () -> "written before the RPC answered: " + after);

        final var byKey = bed.http.rpc("odl-bfd-ext:clear-statistics", "{\"input\": {\"interface\": \""
            + NetNs.IF_A + "\", \"dest-addr\": \"" + NetNs.B4 + "\"}}");
        assertEquals(200, byKey.status(), byKey::toString);
        final var all = bed.http.rpc("odl-bfd-ext:clear-statistics", "{\"input\": {}}");
        assertEquals(200, all.status(), all::toString);
        assertTrue(all.body().contains("\"cleared-sessions\":1"), all::toString);

        // bad selectors are refused with the rule, and nothing is cleared
        final var half = bed.http.rpc("odl-bfd-ext:clear-statistics", "{\"input\": {\"dest-addr\": \"" + NetNs.B4
            + "\"}}");
        assertEquals(400, half.status(), half::toString);
        assertTrue(half.body().contains("dest-addr needs interface"), half::toString);
        final var unknown = bed.http.rpc("odl-bfd-ext:clear-statistics", "{\"input\": {\"session-name\": \"nope\"}}");
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.body().contains("no BFD session with session-name nope"), unknown::toString);
        final var metrics = bed.http.raw(bed.http.root() + "/bfd/metrics", AUTH, "text/plain").body();
        assertEquals(0.0, metric(metrics, "bfd_session_down_total{session=\"" + NAME + "\"}"), metrics);
    }

    /** The value of one sample line {@code NAME{LABELS} VALUE} of the text format. */
    private static double metric(final String text, final String sample) {
        final var matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no sample " + sample);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
