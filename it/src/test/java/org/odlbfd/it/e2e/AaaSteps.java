/*
 * Copyright (c) 2026 odl-bfd authors and others.  All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.odlbfd.it.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The operator's security steps exactly as README ("Users, passwords and TLS") gives them: AAA's
 * IDM REST API on /auth/v1 (aaa 0.22) for users and passwords, and pax-web's settings for HTTPS.
 */
final class AaaSteps {
    private static final String JSON = "application/json";

    private AaaSteps() {
        // static only
    }

    /** Creates a user with AAA's {@code user} role (not admin) and returns a client logged in as it. */
    static Http createUser(final Http admin, final String name, final String password)
        throws IOException, InterruptedException {
        final var user = admin.send("POST", "/auth/v1/users", JSON, "{\"name\": \"" + name + "\", \"password\": \""
            + password + "\", \"domainid\": \"sdn\"}");
        assertTrue(user.status() == 201, user::toString);
        final var grant = admin.send("POST", "/auth/v1/domains/sdn/users/" + name + "@sdn/roles", JSON,
            "{\"roleid\": \"user@sdn\"}");
        assertTrue(grant.status() == 201, grant::toString);
        return admin.as(name, password);
    }

    /** Sets a user's password: PUT /auth/v1/users/NAME@sdn. */
    static void changePassword(final Http admin, final String name, final String password)
        throws IOException, InterruptedException {
        final var put = admin.send("PUT", "/auth/v1/users/" + name + "@sdn", JSON, "{\"password\": \"" + password
            + "\"}");
        assertTrue(put.status() == 200, put::toString);
    }

    /** HTTPS on 8443 with a PKCS#12 keystore, plain HTTP off: the lines README adds to etc/org.ops4j.pax.web.cfg. */
    static void enableTls(final Path paxWebCfg, final String keystore, final String password) throws IOException {
        Files.writeString(paxWebCfg, """

            # RESTCONF over TLS only (README, "TLS for RESTCONF")
            org.osgi.service.http.enabled = false
            org.osgi.service.http.secure.enabled = true
            org.osgi.service.http.port.secure = 8443
            org.ops4j.pax.web.ssl.keystore = %s
            org.ops4j.pax.web.ssl.keystore.type = PKCS12
            org.ops4j.pax.web.ssl.keystore.password = %s
            org.ops4j.pax.web.ssl.key.password = %s
            """.formatted(keystore, password, password), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
