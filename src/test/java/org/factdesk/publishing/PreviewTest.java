package org.factdesk.publishing;

import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/tickets/{id}/preview: the public page an approved ticket would get, before publishing. */
@QuarkusTest
class PreviewTest {

    static final String HOSTILE_HEADLINE = "Aid did <b>not</b> double & \"figures\" show";
    static final String HOSTILE_SUMMARY = "Summary </p><script>alert(1)</script>";
    static final Pattern ARTICLE = Pattern.compile("<article>(.*)</article>", Pattern.DOTALL);
    /** The one line that differs: a preview is dated as if published when it was rendered. */
    static final Pattern PUBLISHED_LINE = Pattern.compile("<p class=\"meta\">Published .*?</p>");

    final Desk desk = new Desk();

    @Test
    void thePreviewIsThePagePublishingThenServesAndPublishesNothing() {
        long ticket = approved();
        long eventsBefore = historyTotal(ticket);

        String preview = desk.as(desk.carol).accept("text/html").get("/api/tickets/{id}/preview", ticket).then()
                .statusCode(200).contentType(containsString("text/html"))
                .header("X-Robots-Tag", containsString("noindex"))
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("Preview: not published"))
                .body(containsString("<meta name=\"robots\" content=\"noindex, nofollow\">"))
                .body(containsString("Aid did &lt;b&gt;not&lt;/b&gt; double"))
                .body(not(containsString("<b>not</b>")))
                .body(not(containsString("<script>alert(1)")))
                .extract().asString();

        // Previewing stored nothing: no public page, still approved, no new history event.
        given().get("/fact-checks/{id}/aid-did-not-double-figures-show", ticket).then().statusCode(404);
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(eventsBefore, historyTotal(ticket));

        desk.act(desk.carol, ticket, "publish").statusCode(200);
        String published = given().get("/fact-checks/{id}/aid-did-not-double-figures-show", ticket).then()
                .statusCode(200).body(not(containsString("Preview: not published")))
                .body(not(containsString("noindex"))).extract().asString();
        assertEquals(article(published), article(preview));
        assertTrue(article(preview).contains("Official statistics"), "the cited source is on the preview");
    }

    @Test
    void onlyThoseWhoMayPublishPreviewAndOnlyApprovedWork() {
        long ticket = approved();
        for (String refused : List.of(desk.alice, desk.bob, desk.dave)) {
            desk.as(refused).accept("text/html, application/problem+json").get("/api/tickets/{id}/preview", ticket)
                    .then().statusCode(403).contentType(containsString("application/problem+json"));
        }
        long inReview = desk.readyForReview();
        desk.act(desk.alice, inReview, "submit").statusCode(200);
        desk.as(desk.carol).accept("text/html, application/problem+json").get("/api/tickets/{id}/preview", inReview)
                .then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("currentState", equalTo("IN_REVIEW"));
        desk.as(desk.carol).accept("text/html, application/problem+json").get("/api/tickets/{id}/preview", 999_999_999L)
                .then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    void aCorrectionPreviewShowsTheCorrectionNoteBeforeItIsPublic() {
        long ticket = desk.publish(Map.of("text", "Corrected claim " + Desk.unique("c"), "language", "en"), "False", "First take");
        desk.act(desk.carol, ticket, "correct").statusCode(200);
        var verdict = desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).then().extract().jsonPath();
        long evidence = desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).then().extract().jsonPath().getLong("items[0].id");
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("Mostly false"), "headline", "Second take",
                "summary", "s2", "explanation", "e2", "evidenceIds", List.of(evidence),
                "correctionNote", "We misread the series.", "version", verdict.getLong("draft.version")))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);

        desk.as(desk.carol).accept("text/html").get("/api/tickets/{id}/preview", ticket).then().statusCode(200)
                .body(containsString("Second take"))
                .body(containsString("We misread the series."))
                .body(containsString("Rating changed from False to Mostly false"));
        given().get("/fact-checks/{id}/first-take", ticket).then().statusCode(200)
                .body(not(containsString("We misread the series.")));
    }

    long approved() {
        long ticket = desk.as(desk.carol).body(Map.of("text", "Aid doubled " + Desk.unique("p"), "claimant", "A <i>senator</i>",
                        "language", "en", "appearances", List.of(Map.of("url", "https://video.example/p"))))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", HOSTILE_HEADLINE,
                        "summary", HOSTILE_SUMMARY, "explanation", "First paragraph.\n\nSecond paragraph.",
                        "evidenceIds", List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        return ticket;
    }

    long historyTotal(long ticket) {
        return desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    static String article(String html) {
        Matcher m = ARTICLE.matcher(html);
        assertTrue(m.find(), "the page has its article");
        return PUBLISHED_LINE.matcher(m.group(1)).replaceAll("");
    }
}
