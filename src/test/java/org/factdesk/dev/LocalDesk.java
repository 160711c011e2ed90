package org.factdesk.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The local run ({@code ./mvnw -Prun -DskipTests package}): a real Keycloak with the demo users,
 * then the packaged server (which starts its embedded PostgreSQL) with demo content. Ctrl-C stops
 * all of it.
 */
public final class LocalDesk {

    /** The server's default management port (health, metrics, the OpenAPI document). */
    static final int MANAGEMENT_PORT = 9000;

    private LocalDesk() {
    }

    public static void main(String[] args) throws Exception {
        Path project = KeycloakLauncher.projectDir();
        Path jar = project.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the server first: ./mvnw -DskipTests package");
        }
        log("starting Keycloak " + KeycloakLauncher.VERSION + " on " + KeycloakLauncher.URL
                + " (the first start fetches and builds it: a minute or two)");
        KeycloakLauncher keycloak = KeycloakLauncher.start();
        log("Keycloak is ready (admin console " + KeycloakLauncher.URL + "/admin, admin/admin)");

        LocalMail mail = null;
        try {
            mail = LocalMail.start(project);
            log("catching the desk's mail: SMTP 127.0.0.1:" + LocalMail.SMTP_PORT + ", read it over IMAP at 127.0.0.1:"
                    + LocalMail.IMAP_PORT + " (demo user and password) or in .factdesk/mail/*.eml");
        } catch (RuntimeException | IOException e) {
            log("no mail catcher (" + e.getMessage() + "): the desk runs without notification mail");
        }

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).directory(project.toFile()).inheritIO();
        builder.environment().put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakLauncher.REALM_URL);
        builder.environment().put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", KeycloakLauncher.URL);
        builder.environment().put("FACTDESK_SERVER_CLIENT_SECRET", KeycloakLauncher.DEV_SERVER_CLIENT_SECRET);
        builder.environment().put("FACTDESK_DEMO_ENABLED", "true");
        builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"); // for people, not a log collector
        if (mail != null) {
            builder.environment().putAll(LocalMail.serverEnvironment());
        }
        Process server = builder.start();
        LocalMail caught = mail;

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping the server and Keycloak");
            stop(server);
            keycloak.close();
            if (caught != null) {
                caught.close();
            }
        }));

        if (awaitReady(server, MANAGEMENT_PORT, Duration.ofMinutes(2))) {
            log("""
                    Factdesk is running: open http://localhost:8080 (API under /api).
                      Health, metrics and the OpenAPI document: http://localhost:9000/q/health, /q/metrics, /q/openapi.
                      Sign in through Keycloak with a demo user (password = user name, local use only):
                      alice, erin (fact-checkers), bob (reviewer), carol (editor), dave (admin).
                      A token for scripts: curl -s -d grant_type=password -d client_id=factdesk-web \\
                        -d username=alice -d password=alice %s/protocol/openid-connect/token
                      Notification mail is caught here: .factdesk/mail/*.eml, or IMAP 127.0.0.1:%d (e.g. alice/alice).
                      Mail to %s@%s (SMTP 127.0.0.1:%d) becomes a tip within seconds.
                      Ctrl-C stops everything.""".formatted(KeycloakLauncher.REALM_URL, LocalMail.IMAP_PORT,
                    LocalMail.TIPS_USER, LocalMail.DEMO_DOMAIN, LocalMail.SMTP_PORT));
        }
        int exit = server.waitFor();
        log("the server exited with " + exit);
        keycloak.close();
        if (caught != null) {
            caught.close();
        }
    }

    /** Waits until a server process started here answers ready on its management port; false if it died or took too long. */
    public static boolean awaitReady(Process server, int managementPort, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (server.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String message) {
        System.out.println("[factdesk] " + message);
    }
}
