package org.factdesk.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.db.EmbeddedDatabase;
import org.factdesk.support.TestNet;
import org.factdesk.support.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server inside an image's root file system: run in a chroot as the image's user, with the image's own JVM,
 * against an embedded PostgreSQL, trusting the key the tests sign with. Needs root (chroot, mounts).
 */
final class ImageServer implements AutoCloseable {

    private final Path root;
    private final EmbeddedDatabase database;
    private final Process process;
    private final int http;
    private final HttpClient client = HttpClient.newHttpClient();
    final long readyMillis;

    /** Starts the command in the root (its /proc and /dev mounted) and waits until the server is ready. */
    static ImageServer start(Path root, List<String> command, Map<String, String> environment) throws Exception {
        run("mount", "-t", "proc", "proc", root.resolve("proc").toString());
        run("mount", "--bind", "/dev", root.resolve("dev").toString());
        try {
            return new ImageServer(root, command, environment);
        } catch (Exception | AssertionError e) {
            unmount(root);
            throw e;
        }
    }

    private ImageServer(Path root, List<String> command, Map<String, String> environment) throws Exception {
        this.root = root;
        database = EmbeddedDatabase.startTemporary();
        http = TestNet.freePort();
        int management = TestNet.freePort();
        ProcessBuilder server = new ProcessBuilder(concat(List.of("chroot", "--userspec=" + ImageAssembly.USER,
                root.toString()), command)).redirectErrorStream(true).redirectOutput(root.resolve("tmp/server.log").toFile());
        Map<String, String> env = server.environment();
        database.datasourceProperties().forEach((key, value) ->
                env.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        env.putAll(Map.of("QUARKUS_HTTP_PORT", String.valueOf(http), "QUARKUS_MANAGEMENT_PORT", String.valueOf(management),
                "QUARKUS_OIDC_AUTH_SERVER_URL", "", "QUARKUS_OIDC_PUBLIC_KEY", Tokens.publicKey(),
                "QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER, "DJL_CACHE_DIR", "/tmp/djl",
                "FACTDESK_AUDIT_CHECKPOINT_EVERY", "off", "FACTDESK_PUBLISHING_POLL_EVERY", "off",
                "FACTDESK_WEBHOOKS_POLL_EVERY", "off"));
        env.putAll(environment);
        long start = System.nanoTime();
        process = server.start();
        int ready = 0;
        while (ready != 200 && process.isAlive() && System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
            ready = status(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/q/health/ready")));
            Thread.sleep(50);
        }
        readyMillis = (System.nanoTime() - start) / 1_000_000;
        if (ready != 200) {
            close();
            throw new AssertionError("the image's server did not become ready; its log:\n" + log());
        }
    }

    /** The status of a request to the public port, as an editor. */
    int status(String method, String path, String json) throws InterruptedException {
        return status(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + path))
                .header("Authorization", "Bearer " + Tokens.of("image-check", "editor"))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** What a desk's first minutes do, so that the classes they load are in the ahead-of-time cache. */
    void train() throws Exception {
        String article = Files.readString(Path.of("src/main/resources/demo/sample-article.txt"));
        String[][] requests = {
                {"GET", "/api/tickets?status=OPEN&size=20", null},
                {"POST", "/api/articles", new ObjectMapper().writeValueAsString(Map.of(
                        "url", "https://news.example/training", "language", "en", "text", article))},
                {"GET", "/api/similar?text=" + URLEncoder.encode("The city spends twice as much on roads", StandardCharsets.UTF_8), null},
                {"POST", "/api/claims", "{\"text\":\"Aid convoys left the airbase\",\"language\":\"en\"}"},
                {"GET", "/api/tickets?size=20", null},
                {"GET", "/feeds/feed.json", null}};
        for (String[] request : requests) {
            int status = status(request[0], request[1], request[2]);
            if (status / 100 != 2) {
                throw new AssertionError(request[0] + " " + request[1] + ": " + status + "\n" + log());
            }
        }
    }

    String log() throws IOException {
        return Files.readString(root.resolve("tmp/server.log"));
    }

    /** Stops the server (SIGTERM: the JVM exits normally, writing an ahead-of-time cache if asked to) and its database. */
    @Override
    public void close() throws Exception {
        try {
            process.destroy();
            process.waitFor();
            database.close();
        } finally {
            unmount(root);
        }
    }

    private int status(HttpRequest.Builder request) throws InterruptedException {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYetListening) {
            return 0;
        }
    }

    private static void unmount(Path root) throws Exception {
        new ProcessBuilder("umount", root.resolve("proc").toString()).inheritIO().start().waitFor();
        new ProcessBuilder("umount", root.resolve("dev").toString()).inheritIO().start().waitFor();
    }

    static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
