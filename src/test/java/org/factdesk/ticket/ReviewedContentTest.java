package org.factdesk.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.factdesk.support.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is published is exactly what was reviewed: the reviewed content is frozen in review and after approval. */
@QuarkusTest
class ReviewedContentTest {

    private final Desk desk = new Desk();

    @Inject
    AgroalDataSource dataSource;

    private Map<String, Object> claimEdit(long ticket, String text) {
        JsonPath claim = desk.as(desk.carol).get("/api/claims/{id}", claimOf(ticket)).then().statusCode(200).extract().jsonPath();
        return Map.of("text", text, "claimant", "Someone else", "language", "en", "version", claim.getLong("version"));
    }

    private long claimOf(long ticket) {
        return desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().statusCode(200).extract().jsonPath().getLong("claim.id");
    }

    @Test
    void theClaimIsFrozenInReviewAndAfterApprovalAndTheAnswerNamesTheWayBack() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.as(desk.alice).body(claimEdit(ticket, "Rewritten in review")).put("/api/claims/{id}", claimOf(ticket))
                .then().statusCode(409).body("detail", containsString("'request-changes'")).body("currentState", equalTo("IN_REVIEW"));
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        for (String who : List.of(desk.alice, desk.carol)) {
            desk.as(who).body(claimEdit(ticket, "Rewritten after approval")).put("/api/claims/{id}", claimOf(ticket))
                    .then().statusCode(409).body("detail", containsString("'withdraw-approval'"));
        }
        desk.addEvidenceExpecting(desk.carol, ticket, 409);
        desk.act(desk.carol, ticket, "publish").statusCode(200);
        given().get("/fact-checks/{id}/x", ticket).then().body(not(containsString("Rewritten")));
    }

    @Test
    void withdrawingAnApprovalNeedsAReasonCancelsTheScheduleAndReopensTheWork() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish", Map.of("publishAt", OffsetDateTime.now().plusDays(1).toString()))
                .statusCode(200).body("status", equalTo("APPROVED")).body("publishAt", not(nullValue()));
        desk.act(desk.alice, ticket, "withdraw-approval", Map.of("reason", "mine")).statusCode(403);
        desk.act(desk.bob, ticket, "withdraw-approval").statusCode(400).body("detail", containsString("reason"));
        desk.act(desk.bob, ticket, "withdraw-approval", Map.of("reason", "The claimant was misquoted"))
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("publishAt", nullValue())
                .body("assignee", equalTo(desk.alice)).body("permissions.actions", not(hasItem("withdraw-approval")));
        desk.as(desk.alice).body(claimEdit(ticket, "Corrected quote")).put("/api/claims/{id}", claimOf(ticket)).then().statusCode(200);
        desk.as(desk.alice).get("/api/tickets/{id}/comments", ticket).then()
                .body("items.body", hasItem("The claimant was misquoted"));
        List<Map<String, Object>> history = desk.as(desk.alice).get("/api/tickets/{id}/history", ticket).then()
                .extract().jsonPath().getList("items.reverse()");
        assertTrue(history.stream().anyMatch(e -> "ticket.withdraw-approval".equals(e.get("action"))), history.toString());
    }

    @Test
    void changingTheClaimIsWorkForFourEyes() {
        String editorReviewer = Desk.unique("eve");
        String token = Tokens.of(editorReviewer, "editor", "reviewer");
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body(claimEdit(ticket, "Reworded by the editor"))
                .put("/api/claims/{id}", claimOf(ticket)).then().statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", "H", "summary", "S",
                "explanation", "E", "evidenceIds", List.of(evidence))).put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        Map<String, Object> read = given().auth().oauth2(token).get("/api/tickets/{id}", ticket).then()
                .body("permissions.actions", not(hasItem("approve"))).extract().jsonPath().getMap("");
        // The list reads its page as rows and the reviewer's past work in one query for the page: the same answer.
        List<Map<String, Object>> listed = given().auth().oauth2(token).queryParam("status", "IN_REVIEW")
                .queryParam("sort", "-created").queryParam("size", 200).get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(List.of(read), listed.stream().filter(item -> read.get("id").equals(item.get("id"))).toList());
        given().auth().oauth2(token).contentType("application/json").post("/api/tickets/{id}/approve", ticket)
                .then().statusCode(403).body("detail", containsStringIgnoringCase("four-eyes"));
        desk.act(desk.bob, ticket, "approve").statusCode(200);
    }

    @Test
    void anAppearanceFoundAfterPublicationWaitsForTheNextRoundAndChangesNoPublicPage() {
        String topic = Desk.unique("topic");
        long ticket = desk.publish(Map.of("text", "Published claim " + Desk.unique("p"), "language", "en",
                "claimant", "A politician", "topics", List.of(topic),
                "appearances", List.of(Map.of("url", "https://news.example.org/first"))), "False", "Headline");
        Response feed = given().get("/feeds/claimreview.json?topic=" + topic);
        String etag = feed.header("ETag");
        String page = given().redirects().follow(true).get("/fact-checks/{id}/x", ticket).asString();
        assertTrue(page.contains("https://news.example.org/first"));

        long repeat = desk.as(desk.carol).body(Map.of("text", "The same claim again", "language", "en",
                        "appearances", List.of(Map.of("url", "https://news.example.org/repeat"))))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("id");
        desk.as(desk.carol).body(Map.of("duplicateOf", claimOf(ticket))).post("/api/claims/{id}/mark-duplicate", repeat)
                .then().statusCode(200);

        JsonPath claim = desk.as(desk.carol).get("/api/claims/{id}", claimOf(ticket)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("https://news.example.org/first"), claim.getList("appearances.url"));
        assertEquals(List.of("https://news.example.org/repeat"), claim.getList("laterAppearances.url"));
        assertFalse(given().redirects().follow(true).get("/fact-checks/{id}/x", ticket).asString()
                .contains("https://news.example.org/repeat"));
        given().header("If-None-Match", etag).get("/feeds/claimreview.json?topic=" + topic).then().statusCode(304);
        given().get("/feeds/claimreview.json?topic=" + topic).then()
                .body(not(containsString("https://news.example.org/repeat")));

        desk.act(desk.carol, ticket, "correct").statusCode(200);
        claim = desk.as(desk.carol).get("/api/claims/{id}", claimOf(ticket)).then().extract().jsonPath();
        assertEquals(List.of("https://news.example.org/first", "https://news.example.org/repeat"), claim.getList("appearances.url"));
        assertEquals(List.of(), claim.getList("laterAppearances"));
    }

    @Test
    void factCheckersCannotSetPriorityOrDeadlineWhichEditorsTriage() {
        desk.as(desk.alice).body(Map.of("text", "Jump the queue", "language", "en", "priority", "URGENT"))
                .post("/api/claims").then().statusCode(403).body("detail", containsString("priority"));
        desk.as(desk.alice).body(Map.of("text", "Jump the queue", "language", "en", "deadline", "2020-01-01T00:00:00Z"))
                .post("/api/claims").then().statusCode(403);
        long ticket = desk.as(desk.alice).body(Map.of("text", "Ordinary " + Desk.unique("c"), "language", "en"))
                .post("/api/claims").then().statusCode(201).body("priority", equalTo("NORMAL"))
                .extract().jsonPath().getLong("ticketId");

        long version = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("version");
        desk.as(desk.alice).body(Map.of("priority", "URGENT", "version", version)).put("/api/tickets/{id}/triage", ticket)
                .then().statusCode(403);
        desk.as(desk.carol).body(Map.of("priority", "HIGH", "deadline", "2030-01-01T09:00:00Z", "version", version))
                .put("/api/tickets/{id}/triage", ticket).then().statusCode(200)
                .body("claim.priority", equalTo("HIGH")).body("deadline", equalTo("2030-01-01T09:00:00Z"));
        desk.as(desk.carol).body(Map.of("priority", "LOW", "version", version)).put("/api/tickets/{id}/triage", ticket)
                .then().statusCode(409).body("title", equalTo("Stale version"));

        desk.act(desk.alice, ticket, "claim").statusCode(200);
        JsonPath claim = desk.as(desk.alice).get("/api/claims/{id}", claimOf(ticket)).then().extract().jsonPath();
        desk.as(desk.alice).body(Map.of("text", "Ordinary", "language", "en", "priority", "URGENT", "version", claim.getLong("version")))
                .put("/api/claims/{id}", claimOf(ticket)).then().statusCode(400).body("detail", containsString("triage"));
        assertEquals("HIGH", desk.as(desk.alice).get("/api/claims/{id}", claimOf(ticket)).then().extract().path("priority"));
    }

    @Test
    void aCorrectionRespectsThePerPersonLimit() {
        long published = desk.publish(Map.of("text", "To correct " + Desk.unique("c"), "language", "en"), "False", "H");
        long settingsVersion = desk.as(desk.dave).get("/api/settings").then().extract().jsonPath().getLong("version");
        desk.as(desk.dave).body(Map.of("timeZone", "UTC", "maxInProgress", 1, "version", settingsVersion))
                .put("/api/settings").then().statusCode(200);
        try {
            long other = desk.newTicket("NORMAL");
            desk.act(desk.alice, other, "claim").statusCode(200);
            desk.act(desk.carol, published, "correct").statusCode(409).body("title", equalTo("Limit reached"));
            desk.act(desk.carol, published, "correct", Map.of("assignee", desk.erin)).statusCode(200);
        } finally {
            long version = desk.as(desk.dave).get("/api/settings").then().extract().jsonPath().getLong("version");
            desk.as(desk.dave).body(Map.of("timeZone", "UTC", "maxInProgress", 0, "version", version))
                    .put("/api/settings").then().statusCode(200);
        }
    }

    @Test
    void claimNextAndClaimWriteTheSameRowsAndEvents() throws SQLException {
        long byClaim = urgentTicket();
        desk.act(desk.erin, byClaim, "claim").statusCode(200);
        long byNext = urgentTicket();
        long next = desk.as(desk.erin).post("/api/tickets/claim-next").then().statusCode(200).extract().jsonPath().getLong("id");
        assertEquals(byNext, next, "claim-next takes the most urgent open ticket");

        assertEquals(row(byClaim), row(byNext));
        assertEquals(lastEvent(byClaim), lastEvent(byNext));
        Object nextPermissions = desk.as(desk.erin).get("/api/tickets/{id}", byNext).then().extract().path("permissions");
        Object claimPermissions = desk.as(desk.erin).get("/api/tickets/{id}", byClaim).then().extract().path("permissions");
        assertEquals(claimPermissions, nextPermissions);
    }

    /** URGENT with the earliest possible deadline, so that claim-next takes it before anything else open. */
    private long urgentTicket() {
        return desk.as(desk.carol).body(Map.of("text", "Most urgent " + Desk.unique("c"), "language", "en",
                        "priority", "URGENT", "deadline", "1970-01-02T00:00:00Z"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
    }

    /** The columns a transition writes, besides times and hashes that differ by nature. */
    private List<Object> row(long ticket) throws SQLException {
        return query("""
                SELECT status, assignee, publish_at, reason, audit_seq, version, priority_rank, published_versions
                FROM ticket WHERE id = ?""", ticket);
    }

    private List<Object> lastEvent(long ticket) throws SQLException {
        return query("""
                SELECT stream = 'ticket:' || ticket_id, seq, actor, action, from_status, to_status, changes::text
                FROM audit_event WHERE ticket_id = ? ORDER BY seq DESC LIMIT 1""", ticket);
    }

    private List<Object> query(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    values.add(r.getObject(i));
                }
                return values;
            }
        }
    }
}
