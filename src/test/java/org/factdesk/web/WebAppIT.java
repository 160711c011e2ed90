package org.factdesk.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.factdesk.dev.KeycloakLauncher;
import org.factdesk.dev.KeycloakTestResource;
import org.factdesk.support.ManagementPortResource;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web app in a real headless Chromium against the packaged server (web app included), a real
 * Keycloak and PostgreSQL: the browser scenarios live in {@code frontend/e2e/} (playwright-core)
 * and run here, so that the test command runs them. Without Chromium this fails; it never skips.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ManagementPortResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RequesterMailResource.class, restrictToAnnotatedClass = true)
class WebAppIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL app;

    @Test
    void theDesksDayInARealBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("No Chromium at " + CHROMIUM + ": the browser tests need it (Debian: apt-get install -y chromium;"
                    + " or set CHROMIUM to its path). They do not skip.");
        }
        Path frontend = Path.of("frontend").toAbsolutePath();
        assertTrue(Files.isDirectory(frontend.resolve("node_modules/playwright-core")),
                "frontend/node_modules is missing: the package phase (Quinoa) installs it");
        // The browser must use the host name Keycloak redirects back to.
        String baseUrl = app.toString().replace("127.0.0.1", "localhost").replaceAll("/$", "");
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "--silent", "e2e").directory(frontend.toFile())
                .redirectErrorStream(true);
        builder.environment().put("FACTDESK_URL", baseUrl);
        builder.environment().put("KEYCLOAK_URL", KeycloakLauncher.URL);
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        builder.environment().put("REQUESTER_IMAP_PORT", Integer.toString(RequesterMailResource.imapPort));
        builder.environment().put("REQUESTER_MAIL", RequesterMailResource.REQUESTER);
        builder.environment().put("REQUESTER_PASSWORD", RequesterMailResource.REQUESTER_PASSWORD);
        Process run = builder.start();
        // Through System.out, which the test runner captures (a child writing to the inherited
        // descriptor would corrupt the runner's channel).
        Thread copier = new Thread(() -> new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(System.out::println));
        copier.start();
        if (!run.waitFor(10, TimeUnit.MINUTES)) {
            run.destroyForcibly();
            fail("The browser tests took more than 10 minutes");
        }
        copier.join(5000);
        assertEquals(0, run.exitValue(), "The browser tests failed (their output is above; screenshots in target/e2e)");
    }
}
