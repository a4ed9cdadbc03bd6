/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.odlbfd.it.interop.Shell;

/**
 * What a running controller exposes, measured from outside its JVM: the sockets it listens on in
 * its namespace ({@code ss}), and RESTCONF over TLS ({@code keytool}, {@code curl --cacert}).
 */
final class Exposure {
    /** One listening socket. */
    record Listener(String proto, String address, int port) {
        boolean loopback() {
            return address.equals("127.0.0.1") || address.equals("::1") || address.equals("::ffff:127.0.0.1")
                || address.startsWith("127.");
        }

        boolean wildcard() {
            return address.equals("*") || address.equals("0.0.0.0") || address.equals("::");
        }

        @Override
        public String toString() {
            return proto + " " + address + ":" + port;
        }
    }

    // "LISTEN 0 50 [::ffff:127.0.0.1]:8101 *:* users:(("java",pid=1003,fd=144))", or "UNCONN 0 0 192.0.2.1%vA:3784 ..."
    private static final Pattern LINE = Pattern.compile(
        "^\\S+\\s+\\d+\\s+\\d+\\s+(\\S+):(\\d+)\\s+\\S+\\s+.*pid=(\\d+),");

    private Exposure() {
        // static only
    }

    /**
     * The sockets process {@code pid} listens on in namespace {@code ns}.
     *
     * @param proto "tcp" or "udp"
     */
    static List<Listener> listeners(final String ns, final String proto, final long pid) {
        final var out = Shell.run(Duration.ofSeconds(20), "ip", "netns", "exec", ns, "ss", "-Hln"
            + ("tcp".equals(proto) ? "t" : "u") + "p").check().out();
        final List<Listener> found = new ArrayList<>();
        for (var line : out.split("\n")) {
            final var m = LINE.matcher(line.trim());
            if (m.find() && Long.parseLong(m.group(3)) == pid) {
                var address = m.group(1).replace("[", "").replace("]", "");
                final int zone = address.indexOf('%');
                found.add(new Listener(proto, zone < 0 ? address : address.substring(0, zone),
                    Integer.parseInt(m.group(2))));
            }
        }
        return found;
    }

    /**
     * A self-signed certificate for {@code address} in a PKCS#12 keystore, made with the JDK's keytool
     * as README "TLS for RESTCONF" says; returns the certificate in PEM for {@code curl --cacert}.
     */
    static Path selfSigned(final Path keystore, final String password, final String address) throws IOException {
        Files.createDirectories(keystore.getParent());
        final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Shell.run(Duration.ofSeconds(60), keytool, "-genkeypair", "-alias", "restconf", "-keyalg", "EC",
            "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=" + address, "-ext", "SAN=ip:" + address,
            "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password).check();
        final var pem = keystore.resolveSibling("restconf-cert.pem");
        Shell.run(Duration.ofSeconds(60), keytool, "-exportcert", "-rfc", "-alias", "restconf", "-keystore",
            keystore.toString(), "-storepass", password, "-file", pem.toString()).check();
        return pem;
    }

    /**
     * {@code curl} to a URL as admin; returns its exit code and the HTTP status it printed.
     *
     * @param caCert the CA to trust, or null for the system's
     */
    static Shell.Result curl(final String url, final Path caCert) {
        final List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-m", "10", "-o", "/dev/null", "-w",
            "%{http_code}", "-u", "admin:admin"));
        if (caCert != null) {
            cmd.addAll(List.of("--cacert", caCert.toString()));
        }
        cmd.add(url);
        return Shell.run(Duration.ofSeconds(30), cmd.toArray(String[]::new));
    }
}
