package org.factdesk.webhook;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import org.factdesk.db.EmbeddedDatabase;
import org.factdesk.dev.LocalDesk;
import org.factdesk.support.Tokens;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server is killed (SIGKILL) right after a publication it never delivered; a new
 * server on the same database delivers the webhook from the outbox.
 */
class WebhookRestartIT {

    final List<String> received = new CopyOnWriteArrayList<>();
    EmbeddedDatabase database;
    HttpServer receiver;
    Process server;

    @AfterEach
    void stopAll() {
        RestAssured.reset();
        if (server != null) {
            server.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aWebhookWrittenBeforeACrashIsDeliveredAfterTheRestart() throws Exception {
        database = EmbeddedDatabase.startTemporary();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        int port = freePort();
        int managementPort = freePort();
        RestAssured.port = port;

        server = start(port, managementPort, "off"); // this server never sends webhooks
        Desk desk = new Desk();
        long version = desk.as(desk.dave).get("/api/settings").then().statusCode(200).extract().jsonPath().getLong("version");
        desk.as(desk.dave).body(Map.of("timeZone", "UTC", "maxInProgress", 0, "allowPrivateWebhookTargets", true,
                "version", version)).put("/api/settings").then().statusCode(200);
        desk.as(desk.dave).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "events", List.of("fact-check.published"))).post("/api/webhooks").then().statusCode(201);
        long ticket = desk.readyForReview();
        desk.awaitCaptureAttempts(ticket);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);
        server.destroyForcibly().waitFor();
        assertTrue(received.isEmpty());

        server = start(port, managementPort, "1s");
        Instant deadline = Instant.now().plusSeconds(30);
        while (received.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(1, received.size());
        assertTrue(received.get(0).contains("\"id\":" + ticket));
    }

    Process start(int port, int managementPort, String webhookPoll) throws IOException, InterruptedException {
        String publicKey = Tokens.publicKey();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/webhook-restart-it-" + webhookPoll + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.datasourceProperties().get("quarkus.datasource.jdbc.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        env.put("QUARKUS_OIDC_PUBLIC_KEY", publicKey);
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", org.factdesk.support.Tokens.ISSUER);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("FACTDESK_WEBHOOKS_POLL_EVERY", webhookPoll);
        env.put("FACTDESK_AUDIT_CHECKPOINT_EVERY", "off");
        Process process = builder.start();
        if (LocalDesk.awaitReady(process, managementPort, Duration.ofSeconds(60))) {
            return process;
        }
        throw new IllegalStateException("the server did not start; see target/webhook-restart-it-" + webhookPoll + ".log");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
