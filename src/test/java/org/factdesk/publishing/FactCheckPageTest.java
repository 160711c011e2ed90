package org.factdesk.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FactCheckPageTest {

    static final String HOSTILE = "Aid \"doubled\" </script><script>alert(1)</script> & <b>bold</b> 🧐";
    static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    final Desk desk = new Desk();

    @Test
    void aPublishedFactCheckHasAPageWithOneClaimReview() throws Exception {
        long ticket = publish(HOSTILE, "False", "Aid did not double, figures show");
        given().redirects().follow(false).get("/fact-checks/{id}", ticket).then().statusCode(301)
                .header("Location", endsWith("/fact-checks/" + ticket + "/aid-did-not-double-figures-show"));
        given().redirects().follow(false).get("/fact-checks/{id}/old-slug", ticket).then().statusCode(301)
                .header("Location", endsWith("/fact-checks/" + ticket + "/aid-did-not-double-figures-show"));

        String html = given().get("/fact-checks/{id}/aid-did-not-double-figures-show", ticket).then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Aid did not double, figures show"))
                .body(containsString("The claim is not accurate."))
                .body(containsString("Official statistics"))
                .body(not(containsString("<script>alert(1)")))
                .body(not(containsString("<b>bold</b>")))
                .extract().asString();
        Matcher blocks = JSON_LD.matcher(html);
        assertTrue(blocks.find());
        JsonNode review = new ObjectMapper().readTree(blocks.group(1));
        assertFalse(blocks.find(), "exactly one JSON-LD block");

        assertEquals("ClaimReview", review.path("@type").asText());
        assertEquals("https://schema.org", review.path("@context").asText());
        assertEquals(HOSTILE, review.path("claimReviewed").asText());
        assertEquals("http://localhost:8080/fact-checks/" + ticket + "/aid-did-not-double-figures-show", review.path("url").asText());
        assertEquals("Organization", review.path("author").path("@type").asText());
        assertEquals("Factdesk", review.path("author").path("name").asText());
        assertTrue(review.path("author").has("url"));
        assertTrue(review.path("datePublished").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        assertFalse(review.has("dateModified"));
        JsonNode rating = review.path("reviewRating");
        assertEquals(1, rating.path("ratingValue").asInt());
        assertTrue(rating.path("ratingValue").isNumber());
        assertEquals(5, rating.path("bestRating").asInt());
        assertEquals(1, rating.path("worstRating").asInt());
        assertEquals("False", rating.path("alternateName").asText());
        assertEquals("False", rating.path("name").asText());
        JsonNode claim = review.path("itemReviewed");
        assertEquals("Claim", claim.path("@type").asText());
        assertEquals("A senator", claim.path("author").path("name").asText());
        assertEquals("2026-11-20T09:00:00Z", claim.path("datePublished").asText());
        assertEquals("https://video.example/first", claim.path("firstAppearance").path("url").asText());
        assertEquals(2, claim.path("appearance").size());
    }

    /** Google recommends itemReviewed.datePublished on every Claim: without a dated appearance, the day the desk took it up. */
    @Test
    void aClaimWithoutADatedAppearanceIsDatedWhenTheDeskTookItUpAndTheReviewCarriesItsLanguage() throws Exception {
        long ticket = desk.publish(Map.of("text", "Undated claim " + Desk.unique("d"), "language", "fr",
                "appearances", List.of(Map.of("url", "https://video.example/undated"))), "False", "Undated claim checked");
        String opened = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().statusCode(200)
                .extract().jsonPath().getString("createdAt");
        JsonNode review = claimReview(ticket, "undated-claim-checked");
        JsonNode claim = review.path("itemReviewed");
        assertEquals(java.time.Instant.parse(opened).toString(), claim.path("datePublished").asText());
        assertEquals("https://video.example/undated", claim.path("firstAppearance").path("url").asText());
        assertFalse(claim.path("firstAppearance").has("datePublished"));
        assertEquals("fr", review.path("inLanguage").asText());
    }

    @Test
    void offScaleRatingsCarryNoNumbers() throws Exception {
        long ticket = publish("Unprovable claim " + Desk.unique("u"), "Unproven", "We cannot tell");
        JsonNode rating = claimReview(ticket, "we-cannot-tell").path("reviewRating");
        assertFalse(rating.has("ratingValue"));
        assertFalse(rating.has("bestRating"));
        assertEquals("Unproven", rating.path("alternateName").asText());
    }

    @Test
    void correctionsStayHiddenUntilPublishedThenAreListed() throws Exception {
        long ticket = publish("A corrected claim " + Desk.unique("c"), "False", "First headline");
        desk.act(desk.carol, ticket, "correct").statusCode(200);
        long version = desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).then().extract().jsonPath().getLong("draft.version");
        long evidence = desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).then().extract().jsonPath().getLong("items[0].id");
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("Mostly false"), "headline", "Second headline",
                "summary", "s2", "explanation", "e2", "evidenceIds", List.of(evidence),
                "correctionNote", "We misread the 2023 series.", "version", version)).put("/api/tickets/{id}/verdict", ticket)
                .then().statusCode(200);
        // While the correction is drafted, the public page still shows the published version.
        given().get("/fact-checks/{id}/first-headline", ticket).then().statusCode(200)
                .body(not(containsString("Second headline")));
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish").statusCode(200);

        given().redirects().follow(false).get("/fact-checks/{id}/first-headline", ticket).then().statusCode(301);
        given().get("/fact-checks/{id}/second-headline", ticket).then().statusCode(200)
                .body(containsString("Corrections"))
                .body(containsString("We misread the 2023 series."))
                .body(containsString("Rating changed from False to Mostly false"));
        JsonNode review = claimReview(ticket, "second-headline");
        assertTrue(review.has("dateModified"));
        assertEquals("Mostly false", review.path("reviewRating").path("alternateName").asText());
    }

    @Test
    void aRetractedFactCheckShowsItsNoticeInsteadOfTheVerdict() {
        long ticket = publish("A retracted claim " + Desk.unique("r"), "True", "Soon retracted");
        desk.act(desk.carol, ticket, "retract", Map.of("reason", "The source was forged.")).statusCode(200);
        given().get("/fact-checks/{id}/soon-retracted", ticket).then().statusCode(200)
                .body(containsString("This fact-check has been retracted"))
                .body(containsString("The source was forged."))
                .body(not(containsString("Our rating")));
    }

    @Test
    void unknownAndUnpublishedPagesAreHtml404s() {
        long draft = desk.newTicket("LOW");
        given().get("/fact-checks/{id}/anything", draft).then().statusCode(404).contentType(containsString("text/html"));
        given().get("/fact-checks/999999999/x").then().statusCode(404).contentType(containsString("text/html"));
        given().get("/fact-checks/not-a-number").then().statusCode(404).contentType(containsString("text/html"));
    }

    JsonNode claimReview(long ticket, String slug) throws Exception {
        String html = given().get("/fact-checks/{id}/{slug}", ticket, slug).then().statusCode(200).extract().asString();
        Matcher block = JSON_LD.matcher(html);
        assertTrue(block.find());
        return new ObjectMapper().readTree(block.group(1));
    }

    long publish(String claimText, String rating, String headline) {
        return desk.publish(Map.of("text", claimText, "claimant", "A senator", "language", "en",
                "appearances", List.of(Map.of("url", "https://video.example/later", "appearedAt", "2026-11-21T09:00:00Z"),
                        Map.of("url", "https://video.example/first", "appearedAt", "2026-11-20T09:00:00Z"))), rating, headline);
    }
}
