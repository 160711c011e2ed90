package org.factdesk.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/search: each kind found, LIKE wildcards matched as themselves, bad input refused, roles. */
@QuarkusTest
class SearchTest {

    final Desk desk = new Desk();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CommonWords commonWords;

    /**
     * Each column a search matches has a trigram index (V1, V13): with sequential and plain index
     * scans ruled out the planner still finds a plan for every branch, which it could not if one
     * column of an OR lacked one. (At size the planner picks these indexes itself; a test's few rows it reads in full.)
     */
    @Test
    void everyColumnSearchedHasATrigramIndex() throws Exception {
        // Whole queries (every word common) and rare words alike are looked up in the indexes.
        for (List<String> rare : List.of(List.<String>of(), List.of("budget"))) {
            SearchService.Hits hits = SearchService.hits(null, "the budget", 1L, column -> rare);
            // Only bitmap scans left, which need a condition an index answers: a full scan of
            // the primary key cannot stand in for a missing trigram index.
            String plan = plan(hits.idsSql(), hits.params(), "enable_seqscan", "enable_indexscan", "enable_indexonlyscan");
            assertIndexes(plan);
        }
    }

    private static void assertIndexes(String plan) {
        for (String index : List.of("claim_text_trgm", "claim_claimant_trgm", "verdict_headline_trgm", "verdict_summary_trgm",
                "article_title_trgm", "article_outlet_trgm", "article_url_trgm", "prior_review_claim_text_trgm",
                "prior_review_claimant_trgm", "prior_review_publisher_trgm")) {
            assertTrue(plan.contains(index), index + " not used:\n" + plan);
        }
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    /**
     * A page of hits can be read newest first, kind by kind, stopping at the page (V30): with sorting and the
     * trigram indexes ruled out, each large kind still has an ordered index to read, as a common word needs at size.
     */
    @Test
    void eachKindsNewestHitsCanBeReadInOrder() throws Exception {
        SearchService.Hits hits = SearchService.hits(null, "budget", null, column -> List.of());
        String plan = plan(hits.newestSql(), hits.newestParams(20), "enable_sort", "enable_bitmapscan", "enable_seqscan");
        for (String index : List.of("claim_newest", "article_newest", "prior_review_newest")) {
            assertTrue(plan.contains(index), index + " not used:\n" + plan);
        }
    }

    /** The planner's plan for a statement, with these planner methods switched off. */
    private String plan(String sql, List<Object> params, String... off) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String setting : off) {
                    statement.execute("SET LOCAL " + setting + " = off");
                }
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < params.size(); i++) {
                    explain.setObject(i + 1, params.get(i));
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return plan.toString();
    }

    @Test
    void findsClaimsTicketsArticlesAndPriorReviewsSayingWhatEachIs() {
        String word = Desk.unique("zorblax").replace("-", "");
        long ticket = desk.as(desk.carol).body(Map.of("text", "The " + word + " tax doubled", "language", "en",
                        "priority", "NORMAL", "claimant", "A senator", "topics", List.of("economy")))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().extract().jsonPath().getLong("claim.id");
        long published = desk.publish(Map.of("text", "Rain fell " + Desk.unique("x"), "language", "en", "priority", "NORMAL",
                "claimant", "Someone"), "False", "No, the " + word + " did not rain");
        long article = desk.as(desk.alice).body(Map.of("url", "https://news.example/" + word, "title",
                        "<b>" + word + "</b> in the news", "language", "en", "text", "Nothing to see here at all."))
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        desk.as(desk.carol).body("""
                        {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://c.example/%1$s",
                         "claimReviewed": "The %1$s bridge collapsed", "datePublished": "2024-03-05",
                         "author": {"@type": "Organization", "name": "Checker"},
                         "itemReviewed": {"@type": "CreativeWork", "author": "A Senator"},
                         "reviewRating": {"ratingValue": "2", "bestRating": "5", "worstRating": "1", "alternateName": "Mostly false"}}
                        """.formatted(word))
                .post("/api/prior-reviews/import").then().statusCode(200);

        var all = desk.as(desk.alice).queryParam("q", word.toUpperCase()).get("/api/search").then().statusCode(200)
                .body("total", equalTo(4)).body("totalExact", equalTo(true))
                .body("items.kind", hasItem("CLAIM")).body("items.kind", hasItem("TICKET"))
                .body("items.kind", hasItem("ARTICLE")).body("items.kind", hasItem("PRIOR_REVIEW"))
                .extract().jsonPath();
        assertHit(all, "CLAIM", claim, ticket, "OPEN");
        assertHit(all, "TICKET", published, published, "PUBLISHED");
        assertHit(all, "ARTICLE", article, null, null);
        // Untrusted text comes back as the text it was, for the app to show as text.
        desk.as(desk.alice).queryParam("q", word).queryParam("kind", "article").get("/api/search").then()
                .body("items.size()", equalTo(1)).body("items[0].title", equalTo("<b>" + word + "</b> in the news"));
        desk.as(desk.alice).queryParam("q", word).queryParam("kind", "prior-review").get("/api/search").then()
                .body("items.kind", contains("PRIOR_REVIEW")).body("items[0].snippet", equalTo("Checker"));
        // A ticket number finds its ticket.
        desk.as(desk.bob).queryParam("q", "#" + ticket).queryParam("kind", "TICKET").get("/api/search").then()
                .statusCode(200).body("items.id", contains((int) ticket));
        // Paged like every list; the total is the same on a full page (counted), on the last (which tells it) and
        // past the end (counted again).
        for (int page = 0; page < 3; page++) {
            desk.as(desk.alice).queryParam("q", word).queryParam("size", 3).queryParam("page", page).get("/api/search")
                    .then().body("items.size()", equalTo(new int[]{3, 1, 0}[page])).body("total", equalTo(4))
                    .body("totalExact", equalTo(true)).body("page", equalTo(page)).body("size", equalTo(3));
        }
    }

    private static void assertHit(io.restassured.path.json.JsonPath page, String kind, long id, Long ticket, String status) {
        String hit = "items.find { it.kind == '" + kind + "' && it.id == " + id + " }";
        org.junit.jupiter.api.Assertions.assertEquals(ticket == null ? null : ticket.intValue(), page.get(hit + ".ticketId"), hit);
        org.junit.jupiter.api.Assertions.assertEquals(status, page.get(hit + ".status"), hit);
    }

    /**
     * A query whose words are rare is looked up by its words and still matched whole: a claim with both words
     * in another order is not a hit. A word most values of a column have is not looked up there.
     */
    @Test
    void onlyRareWordsAreLookedUpAndTheWholeQueryIsMatched() throws Exception {
        String run = Desk.unique("order").replace("-", "");
        desk.as(desk.carol).body(Map.of("text", "Wages grew " + run + " percent", "language", "en", "priority", "LOW"))
                .post("/api/claims").then().statusCode(201);
        desk.as(desk.carol).body(Map.of("text", run + " wages grew, percent", "language", "en", "priority", "LOW"))
                .post("/api/claims").then().statusCode(201);
        String query = "GREW " + run + " per";
        // The run's word is in no sample of the column, so it is looked up: the other order is then left out by the
        // whole query's check alone.
        assertTrue(commonWords.rare("claim", "text", query).contains(run));
        desk.as(desk.alice).queryParam("q", query).get("/api/search").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].title", equalTo("Wages grew " + run + " percent"));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE common_words_probe (body text)");
            try {
                statement.execute("INSERT INTO common_words_probe SELECT CASE WHEN g % 2 = 0 THEN 'Claim ' || g"
                        + " ELSE 'Rumour ' || g END FROM generate_series(1, 2000) g");
                statement.execute("ANALYZE common_words_probe");
                commonWords.forget();
                assertEquals(List.of("1999"), commonWords.rare("common_words_probe", "body", "claim 1999"));
                assertEquals(List.of(), commonWords.rare("common_words_probe", "body", "claim rumour"));
            } finally {
                statement.execute("DROP TABLE common_words_probe");
                commonWords.forget();
            }
        }
    }

    @Test
    void percentAndUnderscoreAreMatchedAsThemselves() {
        String run = Desk.unique("pct").replace("-", "");
        desk.as(desk.carol).body(Map.of("text", "Prices rose 50% in " + run, "language", "en", "priority", "LOW"))
                .post("/api/claims").then().statusCode(201);
        desk.as(desk.carol).body(Map.of("text", "Prices rose 50 points in " + run, "language", "en", "priority", "LOW"))
                .post("/api/claims").then().statusCode(201);
        desk.as(desk.alice).queryParam("q", "50% in " + run).queryParam("kind", "claim").get("/api/search").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].title", equalTo("Prices rose 50% in " + run));
        desk.as(desk.alice).queryParam("q", "rose 5_ points in " + run).get("/api/search").then()
                .statusCode(200).body("total", equalTo(0));
        desk.as(desk.alice).queryParam("q", "rose 5% in " + run).get("/api/search").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputIsAProblem() {
        for (Map<String, String> query : List.<Map<String, String>>of(Map.of("q", "ab"), Map.of(), Map.of("q", "   "),
                Map.of("q", "x".repeat(201)), Map.of("q", "enough", "kind", "nonsense"),
                Map.of("q", "enough", "size", "201"), Map.of("q", "enough", "page", "-1"))) {
            desk.as(desk.alice).queryParams(query).get("/api/search").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        desk.as(desk.alice).queryParam("q", "x".repeat(200)).get("/api/search").then().statusCode(200)
                .body("items", everyItem(not(equalTo(null))));
    }

    @Test
    void everyDeskRoleMaySearchAndNoOneElse() {
        for (String who : List.of(desk.alice, desk.bob, desk.carol, desk.dave)) {
            desk.as(who).queryParam("q", "anything").get("/api/search").then().statusCode(200);
        }
        io.restassured.RestAssured.given().queryParam("q", "anything").get("/api/search").then().statusCode(401);
        io.restassured.RestAssured.given().auth().oauth2(org.factdesk.support.Tokens.of(Desk.unique("nobody"), "reader"))
                .queryParam("q", "anything").get("/api/search").then().statusCode(403);
    }
}
