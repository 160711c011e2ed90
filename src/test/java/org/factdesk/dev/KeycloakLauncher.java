package org.factdesk.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a real Keycloak for local runs and integration tests, without Docker: the server
 * distribution comes from Maven Central (through the project's Maven wrapper) and is unpacked
 * once under {@code ~/.cache/factdesk}; each start imports the project's realm and demo users.
 */
public final class KeycloakLauncher implements AutoCloseable {

    public static final String VERSION = "26.5.6";
    public static final int PORT = 8180;
    public static final int MANAGEMENT_PORT = 9180;
    /** The token issuer follows the request's host name: use this one everywhere. */
    public static final String URL = "http://localhost:" + PORT;
    public static final String REALM_URL = URL + "/realms/factdesk";
    /** Secret of the server's service-account client, for local use only. */
    public static final String DEV_SERVER_CLIENT_SECRET = "factdesk-local-dev-secret";

    private static final String PRODUCTION_REALM = "src/main/keycloak/factdesk-realm.json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final Process process;
    private final Path log;

    private KeycloakLauncher(Path home, Process process, Path log) {
        this.home = home;
        this.process = process;
        this.log = log;
    }

    /** Runs Keycloak until this process is stopped (the benchmark uses it). */
    public static void main(String[] args) throws InterruptedException {
        KeycloakLauncher keycloak = start();
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        System.out.println("Keycloak is ready on " + URL + " (log: " + keycloak.log() + ")");
        Thread.currentThread().join();
    }

    /** Starts Keycloak and waits until it is ready; reuses one that already answers on the port. */
    public static KeycloakLauncher start() {
        if (isReady()) {
            return new KeycloakLauncher(null, null, null);
        }
        Path project = projectDir();
        Path home = install(project);
        try {
            prepareImport(project, home);
            Path log = home.resolve("factdesk-keycloak.log");
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + PORT, "--hostname=" + URL,
                    "--http-management-port=" + MANAGEMENT_PORT, "--health-enabled=true", "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("FACTDESK_SERVER_CLIENT_SECRET", DEV_SERVER_CLIENT_SECRET);
            builder.environment().put("FACTDESK_PUBLIC_URL", "http://localhost:8080");
            KeycloakLauncher keycloak = new KeycloakLauncher(home, builder.start(), log);
            keycloak.awaitReady(Duration.ofMinutes(4));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /** Whether a Keycloak with the factdesk realm answers on the port. */
    public static boolean isReady() {
        try {
            HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            if (health.statusCode() != 200) {
                return false;
            }
            HttpResponse<Void> realm = HTTP.send(HttpRequest.newBuilder(URI.create(REALM_URL + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return realm.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("Keycloak was not ready after " + timeout + "; see " + log);
            }
            sleep(500);
        }
    }

    /** Stops Keycloak if this launcher started it: SIGTERM to kc.sh, which forwards it. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path log() {
        return log;
    }

    /** The unpacked distribution, fetched from Maven Central the first time. */
    static Path install(Path project) {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "factdesk");
        Path home = cache.resolve("keycloak-" + VERSION);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        try {
            Files.createDirectories(cache);
            Process maven = new ProcessBuilder(project.resolve("mvnw").toString(), "-B", "-q",
                    "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack",
                    "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip",
                    "-DoutputDirectory=" + cache)
                    .directory(project.toFile()).inheritIO().start();
            if (maven.waitFor() != 0 || !Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("Could not fetch Keycloak " + VERSION + " from Maven Central");
            }
            try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fresh development database, and the realm with the local-only settings: no password
     * policy and Keycloak's default sign-in flows (the demo users' passwords are their names, and
     * nobody is asked for a one-time code), direct access grants (password logins from tests and
     * scripts), hour-long access tokens (a benchmark mints them once), the web app on any port of
     * localhost, and the demo users.
     */
    private static void prepareImport(Path project, Path home) throws IOException {
        deleteTree(home.resolve("data/h2"));
        Path imports = home.resolve("data/import");
        deleteTree(imports);
        Files.createDirectories(imports);
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(project.resolve(PRODUCTION_REALM).toFile());
        realm.remove(List.of("passwordPolicy", "browserFlow", "directGrantFlow", "authenticationFlows", "authenticatorConfig"));
        realm.put("accessTokenLifespan", 3600);
        for (var client : (ArrayNode) realm.get("clients")) {
            if ("factdesk-web".equals(client.get("clientId").asText())) {
                ObjectNode web = (ObjectNode) client;
                web.put("directAccessGrantsEnabled", true);
                // The browser tests serve the web app on a random port of localhost.
                web.putArray("redirectUris").add("http://localhost:*");
                web.putArray("webOrigins").add("*");
                ((ObjectNode) web.get("attributes")).put("post.logout.redirect.uris", "http://localhost:*");
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(imports.resolve("factdesk-realm.json").toFile(), realm);
        Files.copy(project.resolve("src/main/keycloak/demo/factdesk-users-0.json"), imports.resolve("factdesk-users-0.json"));
    }

    /** The realm production imports (k8s/ carries a copy), with its ${PLACEHOLDERS}. */
    public static Path productionRealm() {
        return projectDir().resolve(PRODUCTION_REALM);
    }

    /** The folder holding the Maven wrapper, from the working directory up. */
    static Path projectDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("src/main/keycloak"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from the Factdesk project folder");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
