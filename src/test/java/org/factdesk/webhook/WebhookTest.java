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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deliveries to a local receiver: signed, retried, visible, re-sendable; private targets refused by default. */
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
                .body("status", equalTo(List.of("DELIVERED", "DELIVERED")));
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameIdAndRedirectsAreNotFollowed() {
        var endpoint = register(List.of("fact-check.published"));
        failuresToGo.set(2);
        statusWhenFailing.set(302);
        publishedTicket();
        drain();
        var deliveries = desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", endpoint.getLong("id")).then()
                .body("[0].status", equalTo("PENDING")).body("[0].attempts", equalTo(1))
                .body("[0].lastStatus", equalTo(302)).body("[0].lastError", equalTo("HTTP 302"))
                .extract().jsonPath();
        assertEquals(0, received.size());

        statusWhenFailing.set(500);
        makeDue();
        drain();
        desk.as(desk.dave).get("/api/webhooks/{id}/deliveries", endpoint.getLong("id")).then()
                .body("[0].attempts", equalTo(2)).body("[0].lastStatus", equalTo(500));
        makeDue();
        drain();
        assertEquals(1, received.size());
        assertEquals(deliveries.getString("[0].messageId"), received.get(0).headers().get("webhook-id"));

        // An admin can send it again; the receiver sees the same id and can drop the repeat.
        desk.as(desk.dave).post("/api/webhooks/deliveries/{id}/resend", deliveries.getLong("[0].id")).then().statusCode(200)
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
                "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook")) {
            desk.as(desk.dave).body(Map.of("url", url, "events", List.of("fact-check.published")))
                    .post("/api/webhooks").then().statusCode(400).body("detail", containsString("refused"));
        }
        desk.as(desk.dave).body(Map.of("url", "http://example.org/hook", "events", List.of("fact-check.exploded")))
                .post("/api/webhooks").then().statusCode(400);
        desk.as(desk.carol).body(Map.of("url", "http://example.org/hook", "events", List.of("fact-check.published")))
                .post("/api/webhooks").then().statusCode(403);
        desk.as(desk.carol).get("/api/webhooks").then().statusCode(403);
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
