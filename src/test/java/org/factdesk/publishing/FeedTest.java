package org.factdesk.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeds parsed back with real parsers (ROME, Jackson), with hostile text from the wild. */
@QuarkusTest
class FeedTest {

    static final String HOSTILE = "He said \"<script>alert('x')</script>\" ]]> & more \u0001 🧐";

    final Desk desk = new Desk();
    String topic;
    long first;
    long second;
    long third;

    @BeforeEach
    void threePublishedFactChecks() {
        topic = Desk.unique("feedtopic");
        first = publish("First claim", "False", "First verdict");
        second = publish(HOSTILE, "True", "Hostile <b>headline</b> ]]>");
        third = publish("Third claim", "False", "Third verdict");
    }

    @Test
    void atomAndRssParseBackNewestFirstWithTheTextIntact() throws Exception {
        for (String file : List.of("atom.xml", "rss.xml")) {
            SyndFeed feed = parse(given().get("/feeds/" + file + "?topic=" + topic).then().statusCode(200)
                    .extract().asString());
            List<SyndEntry> entries = feed.getEntries();
            assertEquals(3, entries.size(), file);
            assertEquals(List.of("Third verdict", "Hostile <b>headline</b> ]]>", "First verdict"),
                    entries.stream().map(SyndEntry::getTitle).toList(), file);
            String text = entries.get(1).getDescription().getValue();
            assertTrue(text.contains("He said \"<script>alert('x')</script>\" ]]> & more  🧐"), file + ": " + text);
            assertTrue(entries.get(0).getLink().endsWith("/fact-checks/" + third + "/third-verdict"), file);
        }
    }

    @Test
    void jsonFeedAndClaimReviewDataFeed() throws Exception {
        JsonNode feed = json("/feeds/feed.json?topic=" + topic);
        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
        assertEquals(3, feed.path("items").size());
        assertTrue(feed.path("items").get(1).path("content_text").asText().contains(HOSTILE));
        assertFalse(feed.has("next_url"));

        JsonNode dataFeed = json("/feeds/claimreview.json?topic=" + topic);
        assertEquals("DataFeed", dataFeed.path("@type").asText());
        assertEquals(3, dataFeed.path("dataFeedElement").size());
        JsonNode review = dataFeed.path("dataFeedElement").get(1);
        assertEquals("ClaimReview", review.path("@type").asText());
        assertEquals(HOSTILE, review.path("claimReviewed").asText());
        assertEquals(5, review.path("reviewRating").path("ratingValue").asInt());
    }

    @Test
    void pagesAndFilters() throws Exception {
        JsonNode page0 = json("/feeds/feed.json?size=2&topic=" + topic);
        assertEquals(2, page0.path("items").size());
        String next = page0.path("next_url").asText();
        assertTrue(next.contains("after="), next);
        JsonNode page1 = json(next.replace("http://localhost:8080", ""));
        assertEquals(1, page1.path("items").size());
        assertTrue(page1.path("items").get(0).path("url").asText().contains("/fact-checks/" + first + "/"));

        SyndFeed atom = parse(given().get("/feeds/atom.xml?size=2&topic=" + topic).then().extract().asString());
        assertTrue(atom.getLinks().stream().anyMatch(l -> "next".equals(l.getRel()) && l.getHref().contains("after=")));
        // Offset paging keeps working, and a cursor of another list is a 400 problem.
        assertEquals(1, json("/feeds/feed.json?size=2&page=1&topic=" + topic).path("items").size());
        given().get("/feeds/feed.json?after=e30").then().statusCode(400).contentType("application/problem+json");
        given().get("/feeds/atom.xml?page=1&after=" + next.replaceAll(".*after=", "")).then().statusCode(400);

        assertEquals(2, json("/feeds/feed.json?rating=false&topic=" + topic).path("items").size());
        assertEquals(0, json("/feeds/feed.json?language=fr&topic=" + topic).path("items").size());
        assertEquals(0, json("/feeds/feed.json?from=2000-01-01&to=2000-12-31&topic=" + topic).path("items").size());
        given().get("/feeds/feed.json?size=100000").then().statusCode(400);
    }

    @Test
    void feedsCarryTheDesksLanguageOrTheFilteredOneAndEachEntryItsOwn() throws Exception {
        long french = desk.publish(Map.of("text", "Affirmation " + Desk.unique("fr"), "language", "fr", "topics", List.of(topic)),
                "False", "Vérification");
        String desks = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("factdesk.publisher.language", String.class);

        assertEquals(desks, json("/feeds/feed.json?topic=" + topic).path("language").asText());
        JsonNode frenchOnly = json("/feeds/feed.json?language=fr&topic=" + topic);
        assertEquals("fr", frenchOnly.path("language").asText());
        assertEquals(1, frenchOnly.path("items").size());
        assertEquals("fr", frenchOnly.path("items").get(0).path("language").asText());
        assertEquals(desks, json("/feeds/feed.json?language=%3Cx%3E&topic=" + topic).path("language").asText(),
                "a filter that is no language tag is not echoed as the feed's language");

        for (String file : List.of("atom.xml", "rss.xml")) {
            SyndFeed all = parse(given().get("/feeds/" + file + "?topic=" + topic).then().statusCode(200).extract().asString());
            assertEquals(desks, all.getLanguage(), file);
            List<String> entryLanguages = all.getEntries().stream().map(e -> ((com.rometools.rome.feed.module.DCModule)
                    e.getModule(com.rometools.rome.feed.module.DCModule.URI)).getLanguage()).toList();
            assertEquals(List.of("fr", "en", "en", "en"), entryLanguages, file);
            assertEquals("fr", parse(given().get("/feeds/" + file + "?language=fr&topic=" + topic).then().extract().asString())
                    .getLanguage(), file);
        }
        JsonNode review = json("/feeds/claimreview.json?topic=" + topic).path("dataFeedElement").get(0);
        assertTrue(review.path("url").asText().contains("/fact-checks/" + french + "/"));
        assertEquals("fr", review.path("inLanguage").asText());
    }

    @Test
    void conditionalRequestsAnd304() {
        Response answer = given().get("/feeds/atom.xml?topic=" + topic);
        String etag = answer.header("ETag");
        String lastModified = answer.header("Last-Modified");
        assertNotNull(etag);
        assertNotNull(lastModified);
        given().header("If-None-Match", etag).get("/feeds/atom.xml?topic=" + topic).then().statusCode(304);
        given().header("If-Modified-Since", lastModified).get("/feeds/atom.xml?topic=" + topic).then().statusCode(304);

        desk.act(desk.carol, first, "retract", Map.of("reason", "Withdrawn")).statusCode(200);
        Response changed = given().header("If-None-Match", etag).get("/feeds/atom.xml?topic=" + topic);
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void retractionsAndCorrectionsAreVisible() throws Exception {
        desk.act(desk.carol, first, "retract", Map.of("reason", "The source was forged.")).statusCode(200);
        JsonNode items = json("/feeds/feed.json?topic=" + topic).path("items");
        assertEquals(3, items.size());
        assertEquals("Retracted: First verdict", items.get(0).path("title").asText()); // newest change first
        assertTrue(items.get(0).path("_factdesk").path("retracted").asBoolean());
        assertTrue(items.get(0).path("content_text").asText().contains("The source was forged."));
        given().get("/feeds/rss.xml?topic=" + topic).then().body(containsString("Retracted: First verdict"));
        SyndEntry atomEntry = parse(given().get("/feeds/atom.xml?topic=" + topic).then().extract().asString()).getEntries().get(0);
        assertEquals("Retracted: First verdict", atomEntry.getTitle());
        assertTrue(atomEntry.getDescription().getValue().contains("The source was forged."));
        JsonNode review = json("/feeds/claimreview.json?topic=" + topic).path("dataFeedElement").get(0);
        assertEquals("Retracted", review.path("reviewRating").path("alternateName").asText());
    }

    @Test
    void aScheduledPublicationStaysOutOfTheFeedsAndOffThePublicPageUntilItsTime() throws Exception {
        long ticket = desk.as(desk.carol).body(Map.of("text", "Scheduled claim", "language", "en", "topics", List.of(topic)))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("True"), "headline", "Scheduled verdict", "summary", "s",
                "explanation", "e", "evidenceIds", List.of(evidence))).put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        desk.act(desk.carol, ticket, "publish", Map.of("publishAt", java.time.OffsetDateTime.now().plusHours(2).toString()))
                .statusCode(200);
        assertEquals(3, json("/feeds/feed.json?topic=" + topic).path("items").size());
        given().get("/fact-checks/{id}/scheduled-verdict", ticket).then().statusCode(404);
    }

    JsonNode json(String path) throws Exception {
        return new ObjectMapper().readTree(given().get(path).then().statusCode(200).extract().asString());
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new StringReader(xml)));
    }

    long publish(String claimText, String rating, String headline) {
        return desk.publish(Map.of("text", claimText, "claimant", "A senator", "language", "en", "topics", List.of(topic)),
                rating, headline);
    }
}
