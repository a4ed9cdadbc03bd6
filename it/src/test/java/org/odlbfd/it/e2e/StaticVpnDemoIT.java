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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.odlbfd.it.interop.Figures;
import org.odlbfd.it.interop.Testbed;

/**
 * Runs {@code tools/demo-static-vpn.sh} as an operator would (seed 004: CE1 our controller, PE1,
 * PE2 and CE2 BIRD 2), so the demo keeps working: it must end well, have switched the default route
 * away from the broken link and back, and print its figures, which are recorded here.
 */
class StaticVpnDemoIT {
    private static final Pattern MEASURED = Pattern.compile("MEASURED demo (\\S+) vrf=(\\S+) lost=(\\d+)/(\\d+) "
        + "outage_ms=(-?\\d+) bfd_down_ms=(\\S*) rib_ms=(\\S*) kernel_ms=(\\S*) load=(\\S+)");

    @Test
    void demoFailsOverAndBack() throws IOException, InterruptedException {
        Testbed.require(Testbed.BIRD, Testbed.BIRDC);
        final Path top = Controller.home().resolve("../../..").normalize();
        final Path out = Files.createTempFile("odlbfd-demo", ".out");
        final Path err = Path.of("target", "demo-static-vpn.log").toAbsolutePath();
        Files.createDirectories(err.getParent());
        final Process demo = new ProcessBuilder(top.resolve("tools/demo-static-vpn.sh").toString())
            .directory(top.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!demo.waitFor(10, TimeUnit.MINUTES)) {
            // the script's own trap removes its namespaces and processes on TERM
            demo.destroy();
            demo.waitFor(2, TimeUnit.MINUTES);
        }
        final String stdout = Files.readString(out);
        Files.delete(out);
        // the log's end names the failed step: CI keeps only this message, not target/
        assertEquals(0, demo.exitValue(), () -> "demo failed; see " + err + "\n" + stdout + tail(err, 25));
        final var m = MEASURED.matcher(stdout);
        assertTrue(m.find(), () -> "no figures: " + stdout);
        Figures.record("MEASURED demo-static-vpn " + m.group(1) + " (VRF " + m.group(2) + "), BFD 100 ms x 3: link"
            + " broken -> BFD Down " + m.group(6) + " ms, operational RIB " + m.group(7) + " ms, CE1's kernel "
            + m.group(8) + " ms; traffic lost " + m.group(5) + " ms (" + m.group(3) + " of " + m.group(4)
            + " pings); target detection + 50 ms = 350 ms; load " + m.group(9));
        assertTrue(Long.parseLong(m.group(3)) < Long.parseLong(m.group(4)), "traffic came back");
    }

    private static String tail(final Path file, final int lines) {
        try {
            final var all = Files.readAllLines(file);
            return "\n--- last lines of " + file.getFileName() + " ---\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "\n(no " + file + ": " + e.getMessage() + ")";
        }
    }
}
