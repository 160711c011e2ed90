package org.factdesk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries to a local receiver: signed, retried, visible, re-sendable; private targets refused by
 * default; only active endpoints; a slow receiver never holds up the others; only the lease holder records.
 */
@QuarkusTest
class WebhookTest {

    record Received(Map<String, String> headers, String body) {
    }

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToGo = new AtomicInteger();
    final AtomicInteger statusWhenFailing = new AtomicInteger(500);
    HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 204;
            if (failuresToGo.getAndDecrement() > 0) {
                status = statusWhenFailing.get();
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            } else {
                received.add(new Received(Map.of(
                        "webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature")), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        desk.allowPrivateTargets(true);
        drain(); // deliveries other tests left due
        received.clear();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        sql("UPDATE webhook_endpoint SET active = false");
        desk.allowPrivateTargets(false);
    }

    @Test
    void aPublicationIsDeliveredSignedTheStandardWebhooksWay() throws Exception {
        var endpoint = register(List.of("fact-check.published", "fact-check.retracted"));
        long ticket = publishedTicket();
        drain();

        assertEquals(1, received.size());
        Received message = received.get(0);
        JsonNode body = new ObjectMapper().readTree(message.body());
        assertEquals("fact-check.published", body.path("type").asText());
        assertEquals(ticket, body.path("data").path("id").asLong());
        String expected = "v1," + hmac(endpoint.getString("secret"),
                message.headers().get("webhook-id") + "." + message.headers().get("webhook-timestamp") + "." + message.body());
        assertEquals(expected, message.headers().get("webhook-signature"));

        desk.act(desk.carol, ticket, "retract", Map.of("reason", "Forged source")).statusCode(200);
        drain();
        assertEquals(2, received.size());
        assertEquals("fact-check.retracted", new ObjectMapper().readTree(received.get(1).body()).path("type").asText());
        desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", endpoint.getLong("id")).then().statusCode(200)
                .body("items.status", equalTo(List.of("DELIVERED", "DELIVERED")));
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameIdAndRedirectsAreNotFollowed() {
        var endpoint = register(List.of("fact-check.published"));
        failuresToGo.set(2);
        statusWhenFailing.set(302);
        publishedTicket();
        drain();
        var deliveries = desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", endpoint.getLong("id")).then()
                .body("items[0].status", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatus", equalTo(302)).body("items[0].lastError", equalTo("HTTP 302"))
                .extract().jsonPath();
        assertEquals(0, received.size());

        statusWhenFailing.set(500);
        makeDue();
        drain();
        desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", endpoint.getLong("id")).then()
                .body("items[0].attempts", equalTo(2)).body("items[0].lastStatus", equalTo(500));
        makeDue();
        drain();
        assertEquals(1, received.size());
        assertEquals(deliveries.getString("items[0].messageId"), received.get(0).headers().get("webhook-id"));

        // An admin can send it again; the receiver sees the same id and can drop the repeat.
        desk.as(desk.dave).post("/api/webhooks/deliveries/{id}/resend", deliveries.getLong("items[0].id")).then().statusCode(200)
                .body("status", equalTo("PENDING"));
        drain();
        assertEquals(2, received.size());
        assertEquals(received.get(0).headers().get("webhook-id"), received.get(1).headers().get("webhook-id"));
    }

    @Test
    void deliveriesWaitingInTheOutboxSurviveADownReceiverAndACrashedSender() {
        register(List.of("fact-check.published"));
        receiver.stop(0); // the partner is down when the fact-check is published
        publishedTicket();
        drain();
        assertEquals(0, received.size());
        try {
            startReceiverOn(receiver.getAddress().getPort());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // A replica leased it and died mid-send: nobody else sends it until the lease runs out, then one does.
        sql("UPDATE webhook_delivery SET next_attempt_at = now(), lease_until = now() + interval '1 minute' WHERE status = 'PENDING'");
        drain();
        assertEquals(0, received.size());
        sql("UPDATE webhook_delivery SET lease_until = now() - interval '1 second' WHERE status = 'PENDING'");
        drain();
        assertEquals(1, received.size());
    }

    @Test
    void privateAndLoopbackTargetsAreRefusedUnlessTheDeskAllowsThem() {
        desk.allowPrivateTargets(false);
        for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
                // carrier-grade NAT, benchmarking, NAT64, 6to4 and IPv4-compatible forms of internal addresses
                "http://100.64.0.1/hook", "http://198.18.0.1/hook", "http://[64:ff9b::7f00:1]/hook",
                "http://[2002:7f00:1::1]/hook", "http://[::127.0.0.1]/hook")) {
            desk.as(desk.dave).body(Map.of("url", url, "events", List.of("fact-check.published")))
                    .post("/api/webhooks").then().statusCode(400).body("detail", containsString("refused"));
        }
        // The refusal names the host as typed, never the address it resolved to.
        desk.as(desk.dave).body(Map.of("url", "http://localhost:8/hook", "events", List.of("fact-check.published")))
                .post("/api/webhooks").then().statusCode(400)
                .body("detail", equalTo("Field 'url' is refused: the address of this host is not allowed (localhost)."));
        desk.as(desk.dave).body(Map.of("url", "http://example.org/hook", "events", List.of("fact-check.exploded")))
                .post("/api/webhooks").then().statusCode(400);
        desk.as(desk.carol).body(Map.of("url", "http://example.org/hook", "events", List.of("fact-check.published")))
                .post("/api/webhooks").then().statusCode(403);
        desk.as(desk.carol).get("/api/webhooks").then().statusCode(403);
    }

    @Test
    void aReceiverThatTricklesItsAnswerDoesNotHoldUpAFastOne() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 1800 && !stop.get(); i++) { // three minutes, a byte at a time
                    body.write('.');
                    body.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the sender hung up
            }
            exchange.close();
        });
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.start();
        try {
            long slowId = desk.as(desk.dave).body(Map.of("url", "http://127.0.0.1:" + slow.getAddress().getPort() + "/hook",
                    "events", List.of("fact-check.published"))).post("/api/webhooks").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            register(List.of("fact-check.published"));
            publishedTicket();

            Instant start = Instant.now();
            List<CompletableFuture<Void>> sending = dispatcher.dispatch(false);
            awaitTrue(Duration.ofSeconds(4), () -> received.size() == 1);
            Duration fast = Duration.between(start, Instant.now());

            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            Duration all = Duration.between(start, Instant.now());
            assertTrue(all.toSeconds() < 5 + 4, "the trickling receiver was cut at the 5 s deadline, not after " + all);
            desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", slowId).then()
                    .body("items[0].status", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                    .body("items[0].lastError", equalTo("no complete answer from 127.0.0.1 within the time limit"));
            assertTrue(fast.toMillis() < 4000, "the fast receiver waited " + fast);
        } finally {
            stop.set(true);
            slow.stop(0);
        }
    }

    @Test
    void aSenderThatLostItsLeaseRecordsNothing() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch answerFirst = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        HttpServer gate = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gate.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = 204;
            if (calls.incrementAndGet() == 1) {
                firstArrived.countDown();
                try {
                    answerFirst.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gate.setExecutor(Executors.newCachedThreadPool());
        gate.start();
        try {
            long endpoint = desk.as(desk.dave).body(Map.of("url", "http://127.0.0.1:" + gate.getAddress().getPort() + "/hook",
                    "events", List.of("fact-check.published"))).post("/api/webhooks").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            publishedTicket();
            List<CompletableFuture<Void>> first = dispatcher.dispatch(false);
            assertTrue(firstArrived.await(10, TimeUnit.SECONDS));

            // The first sender stalls past its lease (a long pause); another sender takes the delivery over.
            sql("UPDATE webhook_delivery SET lease_until = now() - interval '1 second' WHERE endpoint_id = " + endpoint);
            drain();
            desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", endpoint).then()
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                    .body("items[0].lastStatus", equalTo(204));

            // The first sender's answer (500) comes in late: it no longer holds the lease and records nothing.
            answerFirst.countDown();
            CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertEquals(2, calls.get());
            desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", endpoint).then()
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                    .body("items[0].lastStatus", equalTo(204)).body("items[0].lastError", equalTo(null));
        } finally {
            answerFirst.countDown();
            gate.stop(0);
        }
    }

    @Test
    void aDeactivatedEndpointGetsNoRetriesAndNoResends() {
        var endpoint = register(List.of("fact-check.published"));
        long id = endpoint.getLong("id");
        failuresToGo.set(1);
        publishedTicket();
        drain();
        long delivery = desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", id).then()
                .body("items[0].status", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                .extract().jsonPath().getLong("items[0].id");

        desk.as(desk.dave).delete("/api/webhooks/{id}", id).then().statusCode(204);
        makeDue();
        drain();
        assertEquals(0, received.size());
        desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", id).then().body("items[0].attempts", equalTo(1));
        desk.as(desk.dave).post("/api/webhooks/deliveries/{id}/resend", delivery).then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Endpoint deactivated"));
        drain();
        assertEquals(0, received.size());
    }

    static void awaitTrue(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + limit);
            Thread.sleep(20);
        }
    }

    io.restassured.path.json.JsonPath register(List<String> events) {
        return desk.as(desk.dave).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "events", events)).post("/api/webhooks").then().statusCode(201)
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_")).extract().jsonPath();
    }

    void startReceiverOn(int port) throws Exception {
        HttpServer old = receiver;
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.of("webhook-id", exchange.getRequestHeaders().getFirst("webhook-id")), body));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        old.stop(0);
    }

    long publishedTicket() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);
        return ticket;
    }

    void drain() {
        while (dispatcher.deliverDue() > 0) {
            // send everything due
        }
    }

    void makeDue() {
        sql("UPDATE webhook_delivery SET next_attempt_at = now() WHERE status = 'PENDING'");
    }


    void sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
