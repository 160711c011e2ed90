package org.factdesk.common;

import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/** Role (BFLA), ownership (BOLA) and four-eyes rules, endpoint by endpoint. */
@QuarkusTest
class AccessControlTest {

    final Desk desk = new Desk();

    record Call(String method, String path, Map<String, ?> body) {
    }

    List<Call> everyApiEndpoint(long ticket, long claim, long article, long evidence, long scale) {
        Map<String, Object> evidenceBody = Map.of("url", "https://e.example/x", "title", "t", "sourceKind", "MEDIA",
                "stance", "CONTEXT", "accessedOn", LocalDate.now().toString());
        return List.of(
                new Call("GET", "/api/articles", null),
                new Call("POST", "/api/articles", Map.of("url", "https://news.example/a")),
                new Call("GET", "/api/articles/" + article, null),
                new Call("PUT", "/api/articles/" + article, Map.of("url", "https://news.example/a", "version", 0)),
                new Call("GET", "/api/articles/" + article + "/sentences", null),
                new Call("GET", "/api/articles/" + article + "/candidates", null),
                new Call("POST", "/api/articles/" + article + "/candidates/accept", Map.of("items", List.of(Map.of("position", 0)))),
                new Call("POST", "/api/articles/" + article + "/candidates/dismiss", Map.of("positions", List.of(0))),
                new Call("GET", "/api/similar?text=x", null),
                new Call("GET", "/api/claims/" + claim + "/similar", null),
                new Call("GET", "/api/prior-reviews", null),
                new Call("GET", "/api/prior-reviews/1", null),
                new Call("POST", "/api/prior-reviews/import", Map.of("@type", "ClaimReview")),
                new Call("POST", "/api/prior-reviews/import-url", Map.of("url", "https://factchecker.example/feed.json")),
                new Call("GET", "/api/claims", null),
                new Call("POST", "/api/claims", Map.of("text", "t", "language", "en")),
                new Call("GET", "/api/claims/" + claim, null),
                new Call("PUT", "/api/claims/" + claim, Map.of("text", "t", "language", "en", "version", 0)),
                new Call("POST", "/api/claims/" + claim + "/mark-duplicate", Map.of("duplicateOf", claim)),
                new Call("GET", "/api/tickets", null),
                new Call("GET", "/api/tickets/" + ticket, null),
                new Call("POST", "/api/tickets/claim-next", null),
                new Call("POST", "/api/tickets/" + ticket + "/approve", Map.of()),
                new Call("GET", "/api/tickets/" + ticket + "/history", null),
                new Call("GET", "/api/tickets/" + ticket + "/evidence", null),
                new Call("POST", "/api/tickets/" + ticket + "/evidence", evidenceBody),
                new Call("PUT", "/api/tickets/" + ticket + "/evidence/" + evidence, evidenceBody),
                new Call("DELETE", "/api/tickets/" + ticket + "/evidence/" + evidence, null),
                new Call("GET", "/api/tickets/" + ticket + "/verdict", null),
                new Call("PUT", "/api/tickets/" + ticket + "/verdict", Map.of("headline", "h")),
                new Call("GET", "/api/tickets/" + ticket + "/comments", null),
                new Call("POST", "/api/tickets/" + ticket + "/comments", Map.of("body", "b")),
                new Call("GET", "/api/rating-scales", null),
                new Call("GET", "/api/rating-scales/" + scale, null),
                new Call("POST", "/api/rating-scales", Map.of("name", "n", "ratings", List.of())),
                new Call("POST", "/api/rating-scales/" + scale + "/activate", null),
                new Call("GET", "/api/settings", null),
                new Call("PUT", "/api/settings", Map.of("timeZone", "UTC", "maxInProgress", 0, "version", 0)),
                new Call("GET", "/api/audit/verify", null),
                new Call("GET", "/api/audit/checkpoints", null),
                new Call("POST", "/api/audit/checkpoints", null),
                new Call("GET", "/api/erasures", null),
                new Call("POST", "/api/erasures", Map.of("kind", "comment", "id", 1, "reason", "r")),
                new Call("GET", "/api/people", null),
                new Call("GET", "/api/metrics", null),
                new Call("GET", "/api/metrics/tickets?figure=published", null),
                new Call("GET", "/api/notifications", null),
                new Call("GET", "/api/notifications/unread-count", null),
                new Call("POST", "/api/notifications/1/read", null),
                new Call("POST", "/api/notifications/read-all", null),
                new Call("GET", "/api/webhooks", null),
                new Call("POST", "/api/webhooks", Map.of("url", "https://partner.example/hook", "events", List.of("fact-check.published"))),
                new Call("DELETE", "/api/webhooks/1", null),
                new Call("GET", "/api/webhooks/1/deliveries", null),
                new Call("POST", "/api/webhooks/deliveries/1/resend", null));
    }

    @Test
    void everyApiEndpointNeedsABearerToken() {
        long ticket = desk.newTicket("LOW");
        for (Call call : everyApiEndpoint(ticket, 1, 1, 1, 1)) {
            var request = given().contentType("application/json");
            if (call.body() != null) {
                request.body(call.body());
            }
            request.request(call.method(), call.path()).then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().auth().oauth2("not-a-jwt").get("/api/tickets").then().statusCode(401);
    }

    @Test
    void peopleWithoutADeskRoleAreRefusedEverywhere() {
        long ticket = desk.newTicket("LOW");
        String token = org.factdesk.support.Tokens.of(Desk.unique("outsider"), "offline_access");
        for (Call call : everyApiEndpoint(ticket, 1, 1, 1, 1)) {
            var request = given().auth().oauth2(token).contentType("application/json");
            if (call.body() != null) {
                request.body(call.body());
            }
            request.request(call.method(), call.path()).then().statusCode(403);
        }
    }

    @Test
    void roleRulesPerEndpoint() {
        // Editor-only and admin-only writes, refused to the other roles.
        long ticket = desk.newTicket("LOW");
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        for (String who : List.of(desk.alice, desk.bob, desk.dave)) {
            desk.as(who).body(Map.of("duplicateOf", claim)).post("/api/claims/{id}/mark-duplicate", claim).then().statusCode(403);
            desk.act(who, ticket, "discard", Map.of("reason", "r")).statusCode(403);
            desk.act(who, ticket, "assign", Map.of("assignee", desk.alice)).statusCode(403);
        }
        for (String who : List.of(desk.alice, desk.bob, desk.carol)) {
            desk.as(who).body(Map.of("timeZone", "UTC", "maxInProgress", 0, "version", 0)).put("/api/settings").then().statusCode(403);
            desk.as(who).body(Map.of("name", "x", "ratings", List.of(Map.of("label", "a", "definition", "d"))))
                    .post("/api/rating-scales").then().statusCode(403);
            desk.as(who).get("/api/audit/verify").then().statusCode(403);
        }
        // Claiming is for fact-checkers; reviewers and editors do not claim.
        desk.act(desk.bob, ticket, "claim").statusCode(403);
        desk.act(desk.carol, ticket, "claim").statusCode(403);
        desk.as(desk.bob).post("/api/tickets/claim-next").then().statusCode(403);
        desk.as(desk.bob).body(Map.of("text", "t", "language", "en")).post("/api/claims").then().statusCode(403);
        // Every desk role reads.
        for (String who : List.of(desk.alice, desk.bob, desk.carol, desk.dave)) {
            desk.as(who).get("/api/tickets/{id}", ticket).then().statusCode(200);
            desk.as(who).get("/api/claims/{id}", claim).then().statusCode(200);
        }
    }

    @Test
    void aFactCheckerCannotTouchAnotherFactCheckersTicket() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        long claim = desk.as(desk.alice).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");

        desk.addEvidenceExpecting(desk.erin, ticket, 403);
        desk.as(desk.erin).body(Map.of("url", "https://x.example", "title", "t", "sourceKind", "MEDIA", "stance", "CONTEXT",
                        "accessedOn", LocalDate.now().toString(), "version", 0))
                .put("/api/tickets/{t}/evidence/{e}", ticket, evidence).then().statusCode(403);
        desk.as(desk.erin).delete("/api/tickets/{t}/evidence/{e}", ticket, evidence).then().statusCode(403);
        desk.as(desk.erin).body(Map.of("headline", "mine now")).put("/api/tickets/{id}/verdict", ticket).then().statusCode(403);
        desk.as(desk.erin).body(Map.of("text", "changed", "language", "en", "version", 0)).put("/api/claims/{id}", claim).then().statusCode(403);
        desk.as(desk.erin).body(Map.of("body", "hi")).post("/api/tickets/{id}/comments", ticket).then().statusCode(403);
        desk.act(desk.erin, ticket, "release").statusCode(403);
        desk.act(desk.erin, ticket, "submit").statusCode(403);
        desk.act(desk.erin, ticket, "claim").statusCode(409);
        desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then()
                .body("items.actor", not(org.hamcrest.Matchers.hasItem(desk.erin)));

        // The assignee and editors may; reviewers may discuss.
        desk.as(desk.alice).body(Map.of("body", "working on it")).post("/api/tickets/{id}/comments", ticket).then().statusCode(201);
        desk.as(desk.bob).body(Map.of("body", "ping me")).post("/api/tickets/{id}/comments", ticket).then().statusCode(201);
        desk.addEvidenceExpecting(desk.carol, ticket, 201);
    }

    @Test
    void priorityAndDeadlineAreNotPartOfAClaimEdit() {
        long ticket = desk.newTicket("LOW");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        var claim = desk.as(desk.alice).get("/api/claims/{id}", claimOf(ticket)).then().extract().jsonPath();
        desk.as(desk.alice).body(Map.of("text", "Reworded", "language", "en", "priority", "URGENT", "version", claim.getLong("version")))
                .put("/api/claims/{id}", claim.getLong("id")).then().statusCode(400);
        desk.as(desk.alice).body(Map.of("text", "Reworded", "language", "en", "priority", "LOW", "version", claim.getLong("version")))
                .put("/api/claims/{id}", claim.getLong("id")).then().statusCode(200).body("text", equalTo("Reworded"));
    }

    @Test
    void fourEyesAReviewerWhoChangedTheWorkCannotApproveIt() {
        long ticket = desk.newTicket("NORMAL");
        desk.act(desk.rita, ticket, "claim").statusCode(200);
        desk.addEvidence(desk.rita, ticket);
        desk.act(desk.rita, ticket, "release").statusCode(200);
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("True"), "headline", "h", "summary", "s",
                "explanation", "e", "evidenceIds", List.of(evidence))).put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);

        desk.act(desk.rita, ticket, "approve").statusCode(403).body("detail", containsStringIgnoringCase("four-eyes"));
        desk.act(desk.alice, ticket, "approve").statusCode(403); // not a reviewer at all
        desk.as(desk.rita).get("/api/tickets/{id}", ticket).then().body("permissions.actions", not(org.hamcrest.Matchers.hasItem("approve")));
        desk.as(desk.bob).get("/api/tickets/{id}", ticket).then().body("permissions.actions", org.hamcrest.Matchers.hasItem("approve"));
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.alice, ticket, "publish").statusCode(403);
        desk.act(desk.bob, ticket, "publish").statusCode(oneOf(403));
    }

    long claimOf(long ticket) {
        return desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
    }
}
