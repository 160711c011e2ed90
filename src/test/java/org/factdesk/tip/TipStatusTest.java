package org.factdesk.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a requester sees of their tip, through the life of its group: the stage and its date, never the desk's work. */
@QuarkusTest
class TipStatusTest {

    final Desk desk = new Desk();

    @Test
    void aTipGoesFromReceivedToBeingCheckedToAnswered() {
        String token = Tips.sendText(Tips.uniqueText());
        JsonPath received = status(token);
        assertEquals("received", received.getString("stage"));
        assertNull(received.get("link"));
        assertEquals(Set.of("stage", "since", "link"), received.getMap("").keySet(), "nothing else is told");
        Instant receivedAt = Instant.parse(received.getString("since"));
        page(token).body(containsString("Received: it is waiting for our team."));

        // an editor attaches the group to a claim (the inbox's action, here in SQL)
        JsonPath claim = desk.as(desk.carol).body(Map.of("text", "Claim of a tip " + Tips.uniqueText(), "language", "en",
                "claimant", "A secret source")).post("/api/claims").then().statusCode(201).extract().jsonPath();
        long ticket = claim.getLong("ticketId");
        attach(token, claim.getLong("id"));
        JsonPath checking = status(token);
        assertEquals("being-checked", checking.getString("stage"));
        assertFalse(Instant.parse(checking.getString("since")).isBefore(receivedAt));
        page(token).body(containsString("Being checked.")).body(not(containsString("A secret source")))
                .body(not(containsString("Claim of a tip")));

        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", "No, the rumour of the tip is false",
                        "summary", "Summary.", "explanation", "Explanation.", "evidenceIds", java.util.List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        assertEquals("being-checked", status(token).getString("stage"));
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        assertEquals("being-checked", status(token).getString("stage"), "approved is not answered yet");
        desk.act(desk.carol, ticket, "publish").statusCode(200);

        String link = "http://localhost:8080/fact-checks/" + ticket + "/no-the-rumour-of-the-tip-is-false";
        JsonPath answered = status(token);
        assertEquals("answered", answered.getString("stage"));
        assertEquals(link, answered.getString("link"));
        page(token).body(containsString("Answered.")).body(containsString("href=\"" + link + "\""))
                .body(not(containsString(desk.alice))).body(not(containsString(desk.carol)));
        page(token + "?lang=es").body(containsString("Respondido.")).body(containsString("<html lang=\"es\">"));

        // a correction under way leaves the answer standing; a retraction still answers (its page says so)
        desk.act(desk.carol, ticket, "retract", Map.of("reason", "Retracted for the test.")).statusCode(200);
        JsonPath retracted = status(token);
        assertEquals("answered", retracted.getString("stage"));
        assertEquals(link, retracted.getString("link"));
    }

    @Test
    void aDismissedGroupAndADiscardedCheckAreNotTakenUp() {
        String dismissed = Tips.sendText(Tips.uniqueText());
        Tips.update("UPDATE tip_group SET dismissed_at = now(), dismissed_by = 'carol' WHERE id = "
                + "(SELECT group_id FROM tip WHERE token_hash = ?1)", ReceiptToken.hash(dismissed));
        assertEquals("not-taken-up", status(dismissed).getString("stage"));
        page(dismissed).body(containsString("Not taken up")).body(not(containsString("carol")));

        String discarded = Tips.sendText(Tips.uniqueText());
        JsonPath claim = desk.as(desk.carol).body(Map.of("text", "Claim " + Tips.uniqueText(), "language", "en"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath();
        attach(discarded, claim.getLong("id"));
        assertEquals("being-checked", status(discarded).getString("stage"));
        desk.act(desk.carol, claim.getLong("ticketId"), "discard", Map.of("reason", "Not checkable.")).statusCode(200);
        JsonPath notTaken = status(discarded);
        assertEquals("not-taken-up", notTaken.getString("stage"));
        assertNull(notTaken.get("link"));
    }

    @Test
    void aTipTheDeskAnsweredByItselfIsAnswered() {
        long ticket = desk.publish(Map.of("text", "Published claim " + Tips.uniqueText(), "language", "en"), "False",
                "An answer given at once");
        long claim = Tips.count("SELECT claim_id FROM ticket WHERE id = ?1", ticket);
        String token = Tips.sendText(Tips.uniqueText());
        assertEquals("received", status(token).getString("stage"));
        Tips.update("UPDATE tip SET auto_answered_claim_id = ?1, auto_answered_similarity = 0.9 WHERE token_hash = ?2",
                claim, ReceiptToken.hash(token));
        JsonPath answered = status(token);
        assertEquals("answered", answered.getString("stage"));
        assertEquals("http://localhost:8080/fact-checks/" + ticket + "/an-answer-given-at-once", answered.getString("link"));
    }

    @Test
    void aWrongOrMalformedTokenIsThePlainSame404() {
        String unknown = ReceiptToken.newToken();
        String[] tokens = {unknown, "short", unknown + "x", unknown.substring(1) + "!"};
        ExtractableResponse<Response> first = given().get("/public/tips/{token}", unknown).then().statusCode(404).extract();
        ExtractableResponse<Response> firstPage = given().get("/tips/{token}", unknown).then().statusCode(404).extract();
        for (String token : tokens) {
            ExtractableResponse<Response> json = given().urlEncodingEnabled(!token.startsWith("%"))
                    .get("/public/tips/" + token).then().statusCode(404).extract();
            assertEquals(first.asString(), json.asString(), token);
            assertEquals(first.contentType(), json.contentType(), token);
            ExtractableResponse<Response> html = given().urlEncodingEnabled(!token.startsWith("%"))
                    .get("/tips/" + token).then().statusCode(404).extract();
            assertEquals(firstPage.asString(), html.asString(), token);
            assertEquals("no-store", html.header("Cache-Control"), token);
        }
        assertTrue(first.contentType().startsWith("application/problem+json"));
        assertTrue(firstPage.asString().contains("Tip not found"));
    }

    @Test
    void statusAnswersAreNeverStoredNorSentOnAsReferrer() {
        String token = Tips.sendText(Tips.uniqueText());
        for (String path : new String[] {"/public/tips/" + token, "/tips/" + token}) {
            given().get(path).then().statusCode(200)
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    JsonPath status(String token) {
        return given().get("/public/tips/{token}", token).then().statusCode(200).header("Cache-Control", "no-store")
                .extract().jsonPath();
    }

    io.restassured.response.ValidatableResponse page(String tokenAndQuery) {
        return given().urlEncodingEnabled(false).get("/tips/" + tokenAndQuery).then().statusCode(200)
                .contentType(containsString("text/html"));
    }

    static void attach(String token, long claimId) {
        assertEquals(1, Tips.update("UPDATE tip_group SET claim_id = ?1, attached_at = now(), attached_by = 'carol' WHERE id = "
                + "(SELECT group_id FROM tip WHERE token_hash = ?2)", claimId, ReceiptToken.hash(token)));
    }
}
