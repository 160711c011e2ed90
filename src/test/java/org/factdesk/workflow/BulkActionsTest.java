package org.factdesk.workflow;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /api/tickets/bulk: each ticket through the door in its own transaction, a refusal reported
 * for its ticket alone, one audit event per ticket done, bounded, editors only.
 */
@QuarkusTest
class BulkActionsTest {

    final Desk desk = new Desk();

    @Test
    void assignsEachTicketItCanAndReportsTheOthersProblems() {
        long open = desk.newTicket("LOW");
        long published = desk.publish(Map.of("text", "Bulk " + Desk.unique("p"), "language", "en", "priority", "LOW"),
                "False", "No");
        long other = desk.newTicket("LOW");
        JsonPath answer = bulk(desk.carol, Map.of("ticketIds", List.of(open, published, 999_999_999L, other),
                "action", "ASSIGN", "assignee", desk.alice)).statusCode(200)
                .body("done", equalTo(2)).body("refused", equalTo(2))
                .body("results.ticketId", equalTo(List.of((int) open, (int) published, 999_999_999, (int) other)))
                .extract().jsonPath();
        assertEquals(List.of(true, false, false, true), answer.getList("results.ok"));
        assertEquals("IN_PROGRESS", answer.getString("results[0].ticket.status"));
        assertEquals(desk.alice, answer.getString("results[3].ticket.assignee"));
        assertEquals(409, answer.getInt("results[1].problem.status"));
        assertEquals(404, answer.getInt("results[2].problem.status"));
        org.junit.jupiter.api.Assertions.assertNull(answer.get("results[1].ticket"));
        // The refused ones are as they were; the others carry one audit event each.
        desk.as(desk.carol).get("/api/tickets/{id}", published).then().body("status", equalTo("PUBLISHED"));
        assertEquals(1, events(open, "ticket.assign"));
        assertEquals(1, events(other, "ticket.assign"));
        assertEquals(0, events(published, "ticket.assign"));
    }

    @Test
    void setsPriorityKeepingTheDeadlineAndDiscardsWithAReason() {
        long first = desk.newTicket("LOW");
        long second = desk.newTicket("NORMAL");
        String deadline = "2031-01-01T00:00:00Z";
        long version = desk.as(desk.carol).get("/api/tickets/{id}", second).then().extract().jsonPath().getLong("version");
        desk.as(desk.carol).body(Map.of("priority", "NORMAL", "deadline", deadline, "version", version))
                .put("/api/tickets/{id}/triage", second).then().statusCode(200);
        bulk(desk.carol, Map.of("ticketIds", List.of(first, second), "action", "PRIORITY", "priority", "URGENT"))
                .statusCode(200).body("done", equalTo(2))
                .body("results[0].ticket.claim.priority", equalTo("URGENT"))
                .body("results[1].ticket.claim.priority", equalTo("URGENT"));
        desk.as(desk.carol).get("/api/tickets/{id}", second).then().body("deadline", equalTo(deadline));
        assertEquals(1, events(first, "ticket.triaged"));
        assertEquals(2, events(second, "ticket.triaged"));

        bulk(desk.carol, Map.of("ticketIds", List.of(first), "action", "DISCARD")).statusCode(400)
                .contentType("application/problem+json");
        bulk(desk.carol, Map.of("ticketIds", List.of(first), "action", "DISCARD", "reason", "  ")).statusCode(400);
        bulk(desk.carol, Map.of("ticketIds", List.of(first, second), "action", "DISCARD", "reason", "Out of scope"))
                .statusCode(200).body("done", equalTo(2)).body("results[1].ticket.status", equalTo("DISCARDED"));
        assertEquals(1, events(first, "ticket.discard"));
        // Discarded now: a second discard is refused per ticket, nothing else happens.
        bulk(desk.carol, Map.of("ticketIds", List.of(first), "action", "DISCARD", "reason", "Again"))
                .statusCode(200).body("done", equalTo(0)).body("results[0].problem.status", equalTo(409))
                .body("results[0].ticket", nullValue());
        assertEquals(1, events(first, "ticket.discard"));
    }

    @Test
    void badRequestsAreRefusedWhole() {
        long ticket = desk.newTicket("LOW");
        List<Long> tooMany = new ArrayList<>(LongStream.rangeClosed(1, 101).boxed().toList());
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("ticketIds", tooMany, "action", "PRIORITY", "priority", "LOW"),
                Map.of("ticketIds", List.of(), "action", "PRIORITY", "priority", "LOW"),
                Map.of("ticketIds", List.of(ticket, ticket), "action", "PRIORITY", "priority", "LOW"),
                Map.of("ticketIds", List.of(0), "action", "PRIORITY", "priority", "LOW"),
                Map.of("ticketIds", List.of(ticket), "action", "PRIORITY"),
                Map.of("ticketIds", List.of(ticket), "action", "PRIORITY", "priority", "SOON"),
                Map.of("ticketIds", List.of(ticket), "action", "ASSIGN"),
                Map.of("ticketIds", List.of(ticket), "action", "EXPLODE"),
                Map.of("ticketIds", List.of(ticket)))) {
            bulk(desk.carol, body).statusCode(400).contentType("application/problem+json");
        }
        Map<String, Object> hundred = new HashMap<>(Map.of("action", "PRIORITY", "priority", "LOW"));
        hundred.put("ticketIds", LongStream.rangeClosed(999_000_001L, 999_000_100L).boxed().toList());
        bulk(desk.carol, hundred).statusCode(200).body("refused", equalTo(100));
        assertEquals(0, events(ticket, "ticket.triaged"));
    }

    @Test
    void onlyThoseWhoseRolesMayTakeTheActionMayAskAndNothingIsTouchedOtherwise() {
        long ticket = desk.newTicket("LOW");
        for (String who : List.of(desk.alice, desk.bob, desk.dave)) {
            bulk(who, Map.of("ticketIds", List.of(ticket), "action", "PRIORITY", "priority", "URGENT")).statusCode(403)
                    .contentType("application/problem+json");
            bulk(who, Map.of("ticketIds", List.of(ticket), "action", "DISCARD", "reason", "No")).statusCode(403);
            bulk(who, Map.of("ticketIds", List.of(ticket), "action", "ASSIGN", "assignee", desk.alice)).statusCode(403);
        }
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("status", equalTo("OPEN"))
                .body("claim.priority", equalTo("LOW"));
    }

    private io.restassured.response.ValidatableResponse bulk(String who, Map<String, ?> body) {
        return desk.as(who).body(body).post("/api/tickets/bulk").then();
    }

    private int events(long ticket, String action) {
        return desk.as(desk.carol).get("/api/tickets/{id}/history?size=200", ticket).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.action == '" + action + "' }").size();
    }
}
