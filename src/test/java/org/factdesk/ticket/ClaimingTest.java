package org.factdesk.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.factdesk.support.Desk;
import org.factdesk.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ClaimingTest {

    static final int CLIENTS = 24;
    final Desk desk = new Desk();

    @Test
    void manyPeopleClaimingOneTicketAtOnceExactlyOneWins() throws Exception {
        long ticket = desk.newTicket("NORMAL");
        List<Response> answers = inParallel(i -> given().auth().oauth2(Tokens.of("racer-" + i + "-" + ticket, "factchecker"))
                .post("/api/tickets/{id}/claim", ticket));

        long won = answers.stream().filter(r -> r.statusCode() == 200).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 409).count();
        assertEquals(1, won, "exactly one claim succeeds: " + answers.stream().map(r -> r.statusCode() + " " + r.asString()).distinct().toList());
        assertEquals(CLIENTS - 1, refused, "every other claimant gets 409");
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals("application/problem+json", r.contentType().split(";")[0]));
        String winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow()
                .jsonPath().getString("assignee");
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("assignee", equalTo(winner));
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items.findAll { it.action == 'ticket.claim' }.size()", equalTo(1));
    }

    @Test
    void claimNextUnderConcurrencyHandsEachTicketToOnePerson() throws Exception {
        for (int i = 0; i < CLIENTS; i++) {
            desk.newTicket("HIGH");
        }
        List<Response> answers = inParallel(i -> given().auth().oauth2(Tokens.of("next-" + i + "-" + Desk.unique("x"), "factchecker"))
                .post("/api/tickets/claim-next"));

        List<Long> claimed = new ArrayList<>();
        for (Response answer : answers) {
            assertEquals(200, answer.statusCode(), answer.asString());
            claimed.add(answer.jsonPath().getLong("id"));
        }
        assertEquals(CLIENTS, new HashSet<>(claimed).size(), "no ticket was handed out twice: " + claimed);
        // Each claim appended exactly one link to its ticket's chain, and every chain head on the rows is right.
        for (long id : claimed) {
            desk.as(desk.carol).get("/api/tickets/{id}/history", id).then()
                    .body("items.findAll { it.action == 'ticket.claim' }.size()", equalTo(1));
        }
        desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void claimNextAnswersWithTheTicketAsStoredAndRecordsWhoTookIt() {
        long ticket = createWithDeadline("URGENT", "2000-06-01T00:00:00Z"); // ahead of every other test's tickets
        Map<String, Object> answer = desk.as(desk.alice).post("/api/tickets/claim-next").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> stored = desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(((Number) answer.get("id")).longValue(), ticket);
        assertEquals(stored, answer);
        assertEquals("IN_PROGRESS", answer.get("status"));
        assertEquals(desk.alice, answer.get("assignee"));
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items[0].action", equalTo("ticket.claim"))
                .body("items[0].actor", equalTo(desk.alice))
                .body("items[0].fromStatus", equalTo("OPEN"))
                .body("items[0].toStatus", equalTo("IN_PROGRESS"))
                .body("items[0].changes.assignee.after", equalTo(desk.alice));
        // The entity path takes over from the stored row (and the ticket leaves the urgent queue).
        desk.act(desk.carol, ticket, "discard", Map.of("reason", "test cleanup")).statusCode(200)
                .body("version", equalTo(((Number) answer.get("version")).intValue() + 1));
    }

    @Test
    void claimNextKeepsTheChangesRequestedMarkOfWorkSentBackAndReleased() {
        long ticket = createWithDeadline("URGENT", "1999-06-01T00:00:00Z"); // ahead of every other test's tickets
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", "h", "summary", "s",
                        "explanation", "e", "evidenceIds", List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "request-changes", Map.of("comment", "Cite the 2024 figures.")).statusCode(200);
        desk.act(desk.alice, ticket, "release").statusCode(200).body("status", equalTo("OPEN"))
                .body("changesRequested", equalTo(true));
        // The fast path writes the row in plain SQL: the mark the plan keeps must survive it.
        desk.as(desk.erin).post("/api/tickets/claim-next").then().statusCode(200)
                .body("id", equalTo((int) ticket)).body("changesRequested", equalTo(true));
        desk.as(desk.erin).get("/api/tickets/{id}", ticket).then().body("changesRequested", equalTo(true));
        desk.act(desk.carol, ticket, "discard", Map.of("reason", "test cleanup")).statusCode(200)
                .body("changesRequested", equalTo(false));
    }

    @Test
    void claimNextTakesTheMostUrgentFirst() {
        // Deadlines in 2001 put these ahead of every other test's tickets of the same priority.
        long lowOld = createWithDeadline("LOW", "2001-01-01T00:00:00Z");
        long urgentLate = createWithDeadline("URGENT", "2001-03-01T00:00:00Z");
        long urgentEarly = createWithDeadline("URGENT", "2001-02-01T00:00:00Z");
        long urgentEarlyToo = createWithDeadline("URGENT", "2001-02-01T00:00:00Z"); // same deadline: older first

        assertEquals(urgentEarly, claimNext());
        assertEquals(urgentEarlyToo, claimNext());
        assertEquals(urgentLate, claimNext());
        desk.act(desk.carol, lowOld, "discard", Map.of("reason", "test cleanup")).statusCode(200);
    }

    @Test
    void theDeskCanLimitTicketsInProgressPerPerson() {
        Map<String, Object> settings = desk.as(desk.dave).get("/api/settings").then().statusCode(200).extract().jsonPath().getMap("");
        desk.as(desk.dave).body(Map.of("timeZone", "Europe/Berlin", "maxInProgress", 1, "version", settings.get("version")))
                .put("/api/settings").then().statusCode(200);
        try {
            long first = desk.newTicket("NORMAL");
            long second = desk.newTicket("NORMAL");
            desk.act(desk.erin, first, "claim").statusCode(200);
            desk.act(desk.erin, second, "claim").statusCode(409).body("title", equalTo("Limit reached"));
            desk.as(desk.erin).post("/api/tickets/claim-next").then().statusCode(409).body("title", equalTo("Limit reached"));
            desk.act(desk.carol, second, "assign", Map.of("assignee", desk.erin)).statusCode(409);
            desk.act(desk.erin, first, "release").statusCode(200);
            desk.act(desk.erin, second, "claim").statusCode(200);
        } finally {
            long version = desk.as(desk.dave).get("/api/settings").then().extract().jsonPath().getLong("version");
            desk.as(desk.dave).body(Map.of("timeZone", "UTC", "maxInProgress", 0, "version", version))
                    .put("/api/settings").then().statusCode(200);
        }
    }

    long createWithDeadline(String priority, String deadline) {
        return desk.as(desk.carol).body(Map.of("text", "Urgent claim " + Desk.unique("c"), "language", "en",
                        "priority", priority, "deadline", deadline))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
    }

    long claimNext() {
        return desk.as(desk.alice).post("/api/tickets/claim-next").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    interface Call {
        Response call(int client);
    }

    /** Fires the calls together: every client waits at a latch until all are ready. */
    static List<Response> inParallel(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.call(client);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
