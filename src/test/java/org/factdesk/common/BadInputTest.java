package org.factdesk.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Bad input gets a 4xx problem+json that says what is wrong — never a 500, never a stack trace. */
@QuarkusTest
class BadInputTest {

    final Desk desk = new Desk();

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    @Test
    void malformedJson() {
        problem(desk.as(desk.carol).body("{\"text\": \"unterminated").post("/api/claims").then(), 400);
        problem(desk.as(desk.carol).body("[1,2]").post("/api/claims").then(), 400);
    }

    @Test
    void wrongJsonTypesNameTheField() {
        problem(desk.as(desk.carol).body(Map.of("text", Map.of("nested", true), "language", "en")).post("/api/claims").then(), 400)
                .body("detail", containsString("text"));
        problem(desk.as(desk.carol).body(Map.of("text", "t", "language", "en", "priority", "SOON")).post("/api/claims").then(), 400)
                .body("detail", containsString("priority"));
        problem(desk.as(desk.carol).body(Map.of("text", "t", "language", "en", "deadline", "next tuesday")).post("/api/claims").then(), 400)
                .body("detail", containsString("deadline"));
    }

    @Test
    void unknownAndReadOnlyFieldsAreRefusedByName() {
        for (String field : List.of("id", "status", "assignee", "ticketId", "createdBy", "createdAt", "duplicateOf", "colour")) {
            problem(desk.as(desk.carol).body(Map.of("text", "t", "language", "en", field, "x")).post("/api/claims").then(), 400)
                    .body("detail", containsString("'" + field + "'"))
                    .body("field", equalTo(field));
        }
        long ticket = desk.newTicket("LOW");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        problem(desk.as(desk.alice).body(Map.of("url", "https://x.example", "title", "t", "sourceKind", "MEDIA",
                "stance", "CONTEXT", "accessedOn", "2024-01-01", "ticketId", 1)).post("/api/tickets/{id}/evidence", ticket).then(), 400)
                .body("field", equalTo("ticketId"));
        problem(desk.act(desk.carol, ticket, "assign", Map.of("assignee", desk.erin, "status", "PUBLISHED")), 400)
                .body("field", equalTo("status"));
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("status", equalTo("IN_PROGRESS"))
                .body("assignee", equalTo(desk.alice));
    }

    @Test
    void validationFailuresListEachField() {
        problem(desk.as(desk.carol).body(Map.of("text", "", "language", "english!", "appearances",
                List.of(Map.of("url", "javascript:alert(1)")))).post("/api/claims").then(), 400)
                .body("violations.field", hasItem(containsString("text")))
                .body("violations.field", hasItem(containsString("language")))
                .body("violations.field", hasItem(containsString("url")));
        long ticket = desk.newTicket("LOW");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        for (String url : List.of("ftp://files.example/x", "file:///etc/passwd", "data:text/html,hi", "not a url", "https://")) {
            problem(desk.as(desk.alice).body(Map.of("url", url, "title", "t", "sourceKind", "MEDIA", "stance", "CONTEXT",
                    "accessedOn", "2024-01-01")).post("/api/tickets/{id}/evidence", ticket).then(), 400);
        }
        desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).then().body("items.size()", equalTo(0));
    }

    @Test
    void emptyBodies() {
        problem(desk.as(desk.carol).post("/api/claims").then(), 400);
        problem(desk.as(desk.carol).body("").post("/api/articles").then(), 400);
        problem(desk.as(desk.dave).body("").put("/api/settings").then(), 400);
    }

    @Test
    void oversizeBodies() {
        String big = "x".repeat(1_100_000);
        problem(desk.as(desk.carol).body(Map.of("url", "https://news.example/a", "text", big)).post("/api/articles").then(), 413);
    }

    @Test
    void nulCharactersAreRefusedNotStored() {
        problem(desk.as(desk.carol).body("{\"text\": \"a\\u0000b\", \"language\": \"en\"}").post("/api/claims").then(), 400)
                .body("detail", containsString("text"));
    }

    @Test
    void untrustedTextIsStoredExactly() {
        String text = "<script>alert('x')</script> ]]> \"quoted\" émoji 🧐";
        long ticket = desk.as(desk.carol).body(Map.of("text", text, "language", "en")).post("/api/claims").then()
                .statusCode(201).extract().jsonPath().getLong("ticketId");
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("claim.text", equalTo(text));
    }

    /** Java's dates reach year ±999,999,999, PostgreSQL's 4713 BC to 294276 AD: the rest is a 400, not a 500. */
    @Test
    void datesBeyondWhatTheDatabaseHoldsAreBadRequests() {
        String text = "Claim with a deadline in year " + Desk.unique("-999999999");
        problem(desk.as(desk.carol).body(Map.of("text", text, "language", "en", "deadline", "-999999999-01-01T00:00:00Z"))
                .post("/api/claims").then(), 400).body("violations.field", hasItem(containsString("deadline")));
        problem(desk.as(desk.carol).body(Map.of("text", text, "language", "en", "deadline", "+999999999-12-31T23:59:59Z"))
                .post("/api/claims").then(), 400);
        desk.as(desk.carol).queryParam("q", text).get("/api/claims").then().statusCode(200).body("total", equalTo(0));

        long ticket = desk.newTicket("LOW");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        problem(desk.as(desk.alice).body(Map.of("url", "https://x.example", "title", "t", "sourceKind", "MEDIA",
                "stance", "CONTEXT", "accessedOn", "-999999999-01-01")).post("/api/tickets/{id}/evidence", ticket).then(), 400);
        desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).then().body("items.size()", equalTo(0));

        problem(desk.as(desk.carol).queryParam("to", "-999999999-01-01").get("/feeds/claimreview.json").then(), 400);
        problem(desk.as(desk.carol).queryParam("to", "+999999999-12-31").get("/feeds/claimreview.json").then(), 400);
        problem(desk.as(desk.carol).queryParam("from", "+999999-12-31").get("/feeds/atom.xml").then(), 400);

        String review = "https://checker.example/far-future-" + Desk.unique("r");
        desk.as(desk.carol).body(Map.of("@type", "ClaimReview", "url", review, "claimReviewed", "A claim from the far future",
                        "datePublished", "+999999-01-01T00:00:00Z", "reviewRating", Map.of("alternateName", "False")))
                .post("/api/prior-reviews/import").then().statusCode(200)
                .body("warnings[0].detail", containsString("datePublished is not between the years 1 and 9999"));
        desk.as(desk.alice).queryParam("q", "A claim from the far future").get("/api/prior-reviews").then()
                .body("items.find { it.reviewUrl == '" + review + "' }.reviewedAt", equalTo(null));
    }

    /**
     * Quarkus REST reads Accept only to write the answer, after the method ran and committed: a
     * malformed one answered 500 for a comment that was stored (found by the fuzzer).
     */
    @Test
    void aMalformedAcceptHeaderIsRefusedBeforeAnythingHappens() {
        long ticket = desk.newTicket("LOW");
        for (String accept : List.of(";;;", "application/json, ;", "garbage")) {
            problem(desk.as(desk.carol).header("Accept", accept).body(Map.of("body", "Stored or not?"))
                    .post("/api/tickets/{id}/comments", ticket).then(), 400).body("detail", containsString("Accept"));
        }
        desk.as(desk.carol).get("/api/tickets/{id}/comments", ticket).then().statusCode(200).body("items.size()", equalTo(0));
        problem(desk.as(desk.carol).header("Accept", ";;;").get("/api/tickets/{id}", ticket).then(), 400);
        desk.as(desk.carol).header("Accept", "application/json;q=0.9, */*;q=0.1").get("/api/tickets/{id}", ticket).then()
                .statusCode(200);
    }

    /** Quarkus REST parsed it while choosing between the transition's JSON and body-less methods: a 500. */
    @Test
    void aMalformedContentTypeIsABadRequest() {
        long ticket = desk.newTicket("LOW");
        for (String type : List.of("garbage", "json", ";;;")) {
            problem(desk.as(desk.alice).contentType(type).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/tickets/{id}/claim", ticket).then(), 400)
                    .body("detail", containsString("Content-Type"));
        }
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("status", equalTo("OPEN"));
    }

    @Test
    void badIdsAndUnknownThings() {
        problem(desk.as(desk.carol).get("/api/tickets/not-a-number").then(), 404);
        problem(desk.as(desk.carol).get("/api/tickets/999999999").then(), 404).body("detail", containsString("999999999"));
        problem(desk.as(desk.carol).get("/api/claims/-1").then(), 400); // below the documented minimum id
        problem(desk.act(desk.carol, 999999999L, "publish"), 404);
        long ticket = desk.newTicket("LOW");
        problem(desk.act(desk.carol, ticket, "teleport"), 404);
    }

    @Test
    void badQueryParameters() {
        problem(desk.as(desk.carol).get("/api/tickets?status=LOST").then(), 400).body("detail", containsString("LOST"));
        problem(desk.as(desk.carol).get("/api/tickets?status=,").then(), 400).body("detail", containsString("names no status"));
        problem(desk.as(desk.carol).get("/api/tickets?sort=colour").then(), 400);
        problem(desk.as(desk.carol).get("/api/tickets?size=100000").then(), 400);
        problem(desk.as(desk.carol).get("/api/tickets?page=-1").then(), 400);
    }

    @Test
    void illegalTransitionNamesStateAndAllowedActions() {
        long ticket = desk.newTicket("LOW");
        problem(desk.act(desk.carol, ticket, "publish"), 409)
                .body("currentState", equalTo("OPEN"))
                .body("allowedActions", equalTo(List.of("claim", "assign", "discard")))
                .body("detail", containsString("OPEN"));
    }

    @Test
    void staleVersionsAreConflictsAndNothingIsHalfWritten() {
        long ticket = desk.newTicket("LOW");
        var claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath();
        long claimId = claim.getLong("claim.id");
        long version = desk.as(desk.carol).get("/api/claims/{id}", claimId).then().extract().jsonPath().getLong("version");
        desk.as(desk.carol).body(Map.of("text", "First edit", "language", "en", "version", version))
                .put("/api/claims/{id}", claimId).then().statusCode(200);
        problem(desk.as(desk.carol).body(Map.of("text", "Second edit from an old read", "language", "en", "version", version))
                .put("/api/claims/{id}", claimId).then(), 409).body("currentVersion", equalTo((int) version + 1));
        problem(desk.as(desk.carol).body(Map.of("text", "No version", "language", "en"))
                .put("/api/claims/{id}", claimId).then(), 400);
        desk.as(desk.carol).get("/api/claims/{id}", claimId).then().body("text", equalTo("First edit"));
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items.reverse().action", equalTo(List.of("ticket.opened", "claim.updated")));
    }

    @Test
    void aFailedTransitionLeavesNoAuditEvent() {
        long ticket = desk.newTicket("LOW");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        problem(desk.act(desk.alice, ticket, "submit"), 409);
        problem(desk.as(desk.alice).body(Map.of("ratingId", 987654321)).put("/api/tickets/{id}/verdict", ticket).then(), 400);
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items.reverse().action", equalTo(List.of("ticket.opened", "ticket.claim")));
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().body("status", equalTo("IN_PROGRESS"));
    }
}
