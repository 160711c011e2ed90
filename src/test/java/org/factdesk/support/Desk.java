package org.factdesk.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The people of a test desk and short-hands for the requests tests repeat. Subjects are unique per
 * test run so that tests do not see each other's tickets as their own.
 */
public final class Desk {

    public final String alice = unique("alice");   // fact-checker
    public final String erin = unique("erin");     // second fact-checker
    public final String bob = unique("bob");       // reviewer
    public final String carol = unique("carol");   // editor
    public final String dave = unique("dave");     // admin
    public final String rita = unique("rita");     // reviewer who is also a fact-checker

    private final Map<String, String> tokens = Map.of(
            alice, Tokens.of(alice, "factchecker"),
            erin, Tokens.of(erin, "factchecker"),
            bob, Tokens.of(bob, "reviewer"),
            carol, Tokens.of(carol, "editor"),
            dave, Tokens.of(dave, "admin"),
            rita, Tokens.of(rita, "reviewer", "factchecker"));

    public RequestSpecification as(String who) {
        return given().auth().oauth2(tokens.get(who)).contentType(ContentType.JSON);
    }

    /** The access token of one of the desk's people. */
    public String token(String who) {
        return tokens.get(who);
    }

    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a claim (as the editor) and answers its ticket id. */
    public long newTicket(String priority) {
        return as(carol).body(Map.of("text", "Claim " + UUID.randomUUID(), "language", "en", "priority", priority,
                        "claimant", "A politician", "topics", java.util.List.of("economy")))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
    }

    public ValidatableResponse act(String who, long ticket, String action, Map<String, ?> body) {
        return as(who).body(body).post("/api/tickets/{id}/{action}", ticket, action).then();
    }

    public ValidatableResponse act(String who, long ticket, String action) {
        return act(who, ticket, action, Map.of());
    }

    public long addEvidence(String who, long ticket) {
        return addEvidenceExpecting(who, ticket, 201).extract().jsonPath().getLong("id");
    }

    public ValidatableResponse addEvidenceExpecting(String who, long ticket, int status) {
        return as(who).body(Map.of("url", "https://stats.example.org/report", "title", "Official statistics",
                        "excerpt", "Unemployment was 5.1%", "sourceKind", "OFFICIAL_RECORD", "stance", "REFUTES",
                        "accessedOn", LocalDate.now().toString()))
                .post("/api/tickets/{id}/evidence", ticket).then().statusCode(status);
    }

    public long ratingId(String label) {
        return as(alice).get("/api/rating-scales?size=200").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.active }.ratings.find { it.label == '" + label + "' }.id");
    }

    /** Creates the claim (as the editor) and takes its ticket all the way to PUBLISHED. */
    public long publish(Map<String, ?> claim, String rating, String headline) {
        long ticket = as(carol).body(claim).post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
        act(alice, ticket, "claim").statusCode(200);
        long evidence = addEvidence(alice, ticket);
        as(alice).body(Map.of("ratingId", ratingId(rating), "headline", headline, "summary", "Summary.",
                        "explanation", "First paragraph.\n\nSecond paragraph.", "evidenceIds", java.util.List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        act(alice, ticket, "submit").statusCode(200);
        act(bob, ticket, "approve").statusCode(200);
        act(carol, ticket, "publish").statusCode(200);
        return ticket;
    }

    /** A ticket claimed by alice with evidence and a complete draft, ready to submit. */
    public long readyForReview() {
        long ticket = newTicket("NORMAL");
        act(alice, ticket, "claim").statusCode(200);
        long evidence = addEvidence(alice, ticket);
        as(alice).body(Map.of("ratingId", ratingId("False"), "headline", "No, unemployment did not double",
                        "summary", "Official figures show a small rise.", "explanation", "The statistics office ...",
                        "evidenceIds", java.util.List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        return ticket;
    }

    /**
     * Waits until the capture of each of the ticket's sources has had its first attempt (a server that
     * captures on entry holds a submission until then), at most 30 s.
     */
    public void awaitCaptureAttempts(long ticket) {
        long until = System.currentTimeMillis() + 30_000;
        while (as(alice).get("/api/tickets/{id}/captures", ticket).then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.state == 'PENDING' && it.attempts == 0 }").size() > 0) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the captures of ticket " + ticket + " were not attempted within 30 s");
            }
            TestNet.sleep(200);
        }
    }

    /** The desk setting that lets outgoing calls (webhooks, imports) reach loopback, as tests need. */
    public void allowPrivateTargets(boolean allow) {
        long version = as(dave).get("/api/settings").then().extract().jsonPath().getLong("version");
        as(dave).body(Map.of("timeZone", "UTC", "maxInProgress", 0, "allowPrivateWebhookTargets", allow,
                "version", version)).put("/api/settings").then().statusCode(200);
    }
}
