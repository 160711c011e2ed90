package org.factdesk.ticket;

import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class TicketLifecycleTest {

    final Desk desk = new Desk();

    @Test
    void oneTicketFromClaimToPublicationCorrectionAndRetraction() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200).body("status", equalTo("IN_REVIEW"));

        desk.act(desk.bob, ticket, "request-changes", Map.of("comment", "Cite the 2024 figures too."))
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("assignee", equalTo(desk.alice));
        desk.as(desk.bob).get("/api/tickets/{id}/comments", ticket).then().statusCode(200)
                .body("items.reverse().body", contains("Cite the 2024 figures too."));
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200).body("status", equalTo("APPROVED"));
        desk.act(desk.carol, ticket, "publish").statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedVersions", equalTo(1));

        desk.as(desk.carol).get("/api/tickets/{id}/verdict", ticket).then().statusCode(200)
                .body("draft", nullValue())
                .body("published", hasSize(1))
                .body("published[0].number", equalTo(1))
                .body("published[0].sources[0].title", equalTo("Official statistics"));

        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        long claimVersion = desk.as(desk.carol).get("/api/claims/{id}", claim).then().extract().jsonPath().getLong("version");
        desk.as(desk.carol).body(Map.of("text", "Rewritten after publication", "language", "en", "version", claimVersion))
                .put("/api/claims/{id}", claim).then().statusCode(409);

        // Correction: back to the fact-checker; the published version stays until the new one is out.
        desk.act(desk.carol, ticket, "correct").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("assignee", equalTo(desk.alice));
        long draftVersion = desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).then().statusCode(200)
                .body("draft.headline", equalTo("No, unemployment did not double"))
                .body("published", hasSize(1))
                .extract().jsonPath().getLong("draft.version");
        desk.act(desk.alice, ticket, "submit").statusCode(409); // a correction needs its public note
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("Mostly false"), "headline", "Unemployment rose, but did not double",
                        "summary", "s", "explanation", "e", "evidenceIds", List.of(evidenceOf(ticket)),
                        "correctionNote", "We misread the 2023 series.", "version", draftVersion))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200).body("publishedVersions", equalTo(2));
        desk.as(desk.carol).get("/api/tickets/{id}/verdict", ticket).then().statusCode(200)
                .body("published.number", contains(1, 2))
                .body("published[0].headline", equalTo("No, unemployment did not double"))
                .body("published[1].correctionNote", equalTo("We misread the 2023 series."));

        // Published once: it can no longer be discarded, only retracted.
        desk.act(desk.carol, ticket, "discard", Map.of("reason", "x")).statusCode(409)
                .body("currentState", equalTo("PUBLISHED"))
                .body("allowedActions", hasItems("correct", "retract"));
        desk.act(desk.carol, ticket, "retract").statusCode(400);
        desk.act(desk.carol, ticket, "retract", Map.of("reason", "The source document was forged."))
                .statusCode(200).body("status", equalTo("RETRACTED")).body("reason", equalTo("The source document was forged."));

        desk.as(desk.bob).get("/api/tickets/{id}/history", ticket).then().statusCode(200)
                .body("items.reverse().action", contains("ticket.opened", "ticket.claim", "evidence.added", "verdict.drafted",
                        "ticket.submit", "ticket.request-changes", "ticket.submit", "ticket.approve", "ticket.publish",
                        "ticket.correct", "verdict.drafted", "ticket.submit", "ticket.approve", "ticket.publish",
                        "ticket.retract"))
                .body("items.reverse().seq", contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
                .body("items.reverse()[1].actor", equalTo(desk.alice))
                .body("items.reverse()[14].fromStatus", equalTo("PUBLISHED"))
                .body("items.reverse()[14].toStatus", equalTo("RETRACTED"));
    }

    @Test
    void retractionIsPossibleWhileACorrectionIsUnderWay() {
        long ticket = publishedTicket();
        desk.act(desk.carol, ticket, "correct").statusCode(200);
        desk.act(desk.carol, ticket, "retract", Map.of("reason", "Withdrawn")).statusCode(200)
                .body("status", equalTo("RETRACTED"));
    }

    @Test
    void discardAndReopenANeverPublishedTicket() {
        long ticket = desk.newTicket("LOW");
        desk.act(desk.carol, ticket, "discard").statusCode(400);
        desk.act(desk.carol, ticket, "discard", Map.of("reason", "Not checkable")).statusCode(200)
                .body("status", equalTo("DISCARDED"));
        desk.act(desk.alice, ticket, "claim").statusCode(409).body("currentState", equalTo("DISCARDED"))
                .body("allowedActions", contains("reopen"));
        desk.act(desk.carol, ticket, "reopen").statusCode(200).body("status", equalTo("OPEN"))
                .body("reason", nullValue());
        desk.act(desk.carol, ticket, "retract", Map.of("reason", "x")).statusCode(409);
    }

    @Test
    void editorAssignsAndReassignsAndTheAssigneeReleases() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.carol, ticket, "assign").statusCode(400);
        desk.act(desk.carol, ticket, "assign", Map.of("assignee", desk.alice)).statusCode(200)
                .body("assignee", equalTo(desk.alice));
        desk.act(desk.carol, ticket, "assign", Map.of("assignee", desk.erin)).statusCode(200)
                .body("assignee", equalTo(desk.erin));
        desk.act(desk.alice, ticket, "release").statusCode(403);
        desk.act(desk.erin, ticket, "release").statusCode(200).body("status", equalTo("OPEN"))
                .body("assignee", nullValue());
    }

    /**
     * The transitions carried out on the row path (claim, assign, release, discard; claim-next) answer the ticket
     * exactly as a read afterwards shows it: every field, the claim's summary (an erased claimant included), the
     * version and what the caller may do next.
     */
    @Test
    void aTransitionAndTheListAnswerWhatAReadThenShows() {
        long ticket = desk.newTicket("NORMAL");
        long claim = desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        desk.as(desk.dave).body(Map.of("kind", "claimant", "id", claim, "reason", "Asked by the person"))
                .post("/api/erasures").then().statusCode(201);
        for (String[] step : List.of(new String[] {desk.alice, "claim"}, new String[] {desk.alice, "release"},
                new String[] {desk.carol, "assign"}, new String[] {desk.carol, "discard"})) {
            Map<String, ?> body = switch (step[1]) {
                case "assign" -> Map.of("assignee", desk.erin);
                case "discard" -> Map.of("reason", "Not check-worthy");
                default -> Map.of();
            };
            Map<String, Object> answered = desk.act(step[0], ticket, step[1], body).statusCode(200).extract().jsonPath().getMap("");
            assertEquals(desk.as(step[0]).get("/api/tickets/{id}", ticket).then().statusCode(200).extract().jsonPath()
                    .getMap(""), answered, step[1]);
        }
        assertNotNull(desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().extract().path("claim.claimantErased"));

        List<Map<String, Object>> listed = desk.as(desk.carol).queryParam("sort", "-updated").queryParam("size", 200)
                .get("/api/tickets").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of(desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getMap("")),
                listed.stream().filter(item -> ((Number) item.get("id")).longValue() == ticket).toList(), "listed");

        desk.newTicket("URGENT");
        Map<String, Object> next = desk.as(desk.erin).post("/api/tickets/claim-next").then().statusCode(200).extract()
                .jsonPath().getMap("");
        assertEquals(desk.as(desk.erin).get("/api/tickets/{id}", next.get("id")).then().extract().jsonPath().getMap(""), next);
    }

    @Test
    void submitNeedsEvidenceAndACompleteDraft() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(409).body("detail", org.hamcrest.Matchers.containsString("evidence"));
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("headline", "Half a verdict", "evidenceIds", List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(409)
                .body("detail", equalTo("The verdict draft is incomplete: rating, summary and explanation are missing."))
                .body("missing", contains("ratingId", "summary", "explanation"));
    }

    @Test
    void workSentBackIsFlaggedUntilSubmittedAgain() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200).body("changesRequested", equalTo(false));
        desk.act(desk.bob, ticket, "request-changes", Map.of("comment", "Cite the 2024 figures too."))
                .statusCode(200).body("changesRequested", equalTo(true));
        desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().statusCode(200).body("changesRequested", equalTo(true));
        desk.as(desk.alice).queryParam("assignee", desk.alice).get("/api/tickets").then().statusCode(200)
                .body("items.find { it.id == " + ticket + " }.changesRequested", equalTo(true));
        // Still flagged while it is worked on (here: handed back and claimed again)...
        desk.act(desk.alice, ticket, "release").statusCode(200).body("changesRequested", equalTo(true));
        desk.act(desk.alice, ticket, "claim").statusCode(200).body("changesRequested", equalTo(true));
        // ...until it is submitted again.
        desk.act(desk.alice, ticket, "submit").statusCode(200).body("changesRequested", equalTo(false));
        desk.as(desk.alice).queryParam("assignee", desk.alice).get("/api/tickets").then().statusCode(200)
                .body("items.find { it.id == " + ticket + " }.changesRequested", equalTo(false));
    }

    @Test
    void scheduledPublicationWaitsAndCanBeCancelled() {
        long ticket = approvedTicket();
        String later = java.time.OffsetDateTime.now().plusDays(1).toString();
        desk.act(desk.carol, ticket, "publish", Map.of("publishAt", later)).statusCode(200)
                .body("status", equalTo("APPROVED")).body("publishAt", org.hamcrest.Matchers.notNullValue());
        desk.act(desk.carol, ticket, "cancel-schedule").statusCode(200).body("publishAt", nullValue());
        desk.act(desk.carol, ticket, "cancel-schedule").statusCode(409);
        // The schedule endpoint itself needs a time to schedule for, in the future.
        desk.act(desk.carol, ticket, "schedule").statusCode(400).contentType("application/problem+json");
        desk.act(desk.carol, ticket, "schedule", Map.of("publishAt", java.time.OffsetDateTime.now().minusHours(1).toString()))
                .statusCode(400);
        desk.act(desk.carol, ticket, "schedule", Map.of("publishAt", later)).statusCode(200).body("status", equalTo("APPROVED"))
                .body("publishAt", org.hamcrest.Matchers.notNullValue());
    }

    long approvedTicket() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        return ticket;
    }

    long publishedTicket() {
        long ticket = approvedTicket();
        desk.act(desk.carol, ticket, "publish").statusCode(200);
        return ticket;
    }

    long evidenceOf(long ticket) {
        return desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }
}
