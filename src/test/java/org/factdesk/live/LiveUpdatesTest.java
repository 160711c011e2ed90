package org.factdesk.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.factdesk.support.EventStream;
import org.factdesk.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open screens hear about every committed ticket change, from this replica or any other. */
@QuarkusTest
class LiveUpdatesTest {

    @TestHTTPResource("/api/events")
    URL events;

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();
    EventStream stream;

    @AfterEach
    void close() throws Exception {
        if (stream != null) {
            stream.close();
        }
    }

    @Test
    void committedChangesReachTheStreamAndRolledBackOnesDoNot() throws Exception {
        long ticket = desk.newTicket("HIGH");
        listen(Tokens.of(Desk.unique("bob"), "reviewer"));

        desk.act(desk.bob, ticket, "approve").statusCode(409);          // refused: nothing committed
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        EventStream.Event event = next("ticket");
        assertTrue(event.data().contains("\"ticketId\":" + ticket), event.data());
        assertTrue(event.data().contains("\"action\":\"ticket.claim\""), event.data());
        assertTrue(event.data().contains("\"status\":\"IN_PROGRESS\""), event.data());

        desk.as(desk.alice).body(java.util.Map.of("body", "on it")).post("/api/tickets/{id}/comments", ticket)
                .then().statusCode(201);
        event = next("ticket");
        assertTrue(event.data().contains("\"ticketId\":" + ticket) && event.data().contains("comment"), event.data());
    }

    @Test
    void aChangeAnnouncedByAnotherReplicaReachesThisOnesStreams() throws Exception {
        listen(Tokens.of(Desk.unique("carol"), "editor"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('factdesk_tickets', '[{\"ticketId\": 987654, \"action\": \"ticket.release\", "
                    + "\"status\": \"OPEN\", \"actor\": \"someone\", \"occurredAt\": \"2026-01-01T00:00:00Z\"}, "
                    + "{\"ticketId\": 987655, \"action\": \"ticket.claim\", \"status\": \"IN_PROGRESS\", "
                    + "\"actor\": \"someone\", \"occurredAt\": \"2026-01-01T00:00:01Z\"}]')");
        }
        assertTrue(next("ticket").data().contains("\"ticketId\":987654"));
        assertTrue(next("ticket").data().contains("\"ticketId\":987655"));
    }

    @Test
    void theStreamNeedsADeskMembersToken() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(401, http.send(HttpRequest.newBuilder(events.toURI()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertEquals(403, http.send(HttpRequest.newBuilder(events.toURI())
                        .header("Authorization", "Bearer " + Tokens.of(Desk.unique("outsider"), "offline_access")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void theWebAppLearnsWhereToSignIn() {
        given().get("/config.json").then().statusCode(200)
                .body("oidcClientId", equalTo("factdesk-web"))
                .body("publicBaseUrl", equalTo("http://localhost:8080"));
    }

    void listen(String token) throws Exception {
        stream = EventStream.open(events.toString(), token);
    }

    EventStream.Event next(String name) throws InterruptedException {
        return stream.next(name);
    }
}
