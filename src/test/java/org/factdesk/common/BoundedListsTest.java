package org.factdesk.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.factdesk.evidence.Evidence;
import org.factdesk.priorreview.PriorReviewService;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every list has a bound: page caps, histories and discussions paged like every list, list views without large bodies. */
@QuarkusTest
class BoundedListsTest {

    @Inject
    AgroalDataSource dataSource;

    final Desk desk = new Desk();

    @Test
    void pagesBeyondTheCapsAre400ProblemsNotOverflows() {
        for (String list : List.of("/api/tickets", "/api/claims", "/api/articles", "/api/prior-reviews",
                "/api/audit/checkpoints", "/audit/checkpoints", "/api/rating-scales", "/api/webhooks")) {
            desk.as(desk.dave).get(list + "?page=20000000&size=200").then().statusCode(400)
                    .contentType("application/problem+json");
            desk.as(desk.dave).get(list + "?page=0&size=201").then().statusCode(400);
            desk.as(desk.dave).get(list + "?page=" + PageRequest.MAX_PAGE + "&size=" + PageRequest.MAX_SIZE)
                    .then().statusCode(200).body("page", equalTo(PageRequest.MAX_PAGE));
        }
        for (String feed : List.of("/feeds/feed.json", "/feeds/atom.xml", "/feeds/rss.xml", "/feeds/claimreview.json")) {
            given().get(feed + "?page=20000000&size=200").then().statusCode(400).contentType("application/problem+json");
            given().get(feed + "?page=" + PageRequest.MAX_PAGE + "&size=" + PageRequest.MAX_SIZE).then().statusCode(200);
        }
    }

    @Test
    void theArticleListCarriesNoTextsTheArticleDoes() {
        long id = desk.as(desk.carol).body(Map.of("url", "https://news.example/" + Desk.unique("a"), "title", "Budget",
                        "text", "The deficit doubled last year. " + "Padding sentence here. ".repeat(50)))
                .post("/api/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        desk.as(desk.alice).get("/api/articles?size=5").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.title", equalTo("Budget"))
                .body("items.find { it.id == " + id + " }", not(hasKey("text")));
        desk.as(desk.alice).get("/api/articles/{id}", id).then().statusCode(200)
                .body("text", startsWith("The deficit doubled"));
    }

    @Test
    void historyAndCommentsPageNewestFirstByKeyOrByOffset() {
        long ticket = desk.newTicket("LOW");
        int comments = PageRequest.MAX_SIZE + 50; // the history also has its opening event
        for (int i = 1; i <= comments; i++) {
            desk.as(desk.carol).body(Map.of("body", "note " + i)).post("/api/tickets/{id}/comments", ticket)
                    .then().statusCode(201);
        }
        int size = PageRequest.MAX_SIZE;
        Response history = desk.as(desk.carol).get("/api/tickets/{id}/history?size=" + size, ticket);
        history.then().statusCode(200).body("items.size()", equalTo(size)).body("total", equalTo(comments + 1))
                .body("totalExact", equalTo(true))
                .body("items[0].seq", equalTo(comments + 1)).body("items[-1].seq", equalTo(comments + 2 - size));
        String next = history.jsonPath().getString("next");
        desk.as(desk.carol).queryParam("after", next).get("/api/tickets/{id}/history?size=" + size, ticket).then()
                .statusCode(200).body("items.size()", equalTo(comments + 1 - size))
                .body("items[0].seq", equalTo(comments + 1 - size)).body("items[-1].seq", equalTo(1))
                .body("next", nullValue());
        desk.as(desk.carol).get("/api/tickets/{id}/history?page=1&size=" + size, ticket).then().statusCode(200)
                .body("items[0].seq", equalTo(comments + 1 - size)).body("next", nullValue());

        Response page = desk.as(desk.alice).get("/api/tickets/{id}/comments?size=" + size, ticket);
        page.then().statusCode(200).body("items.size()", equalTo(size)).body("total", equalTo(comments))
                .body("items[0].body", equalTo("note " + comments))
                .body("items[-1].body", equalTo("note " + (comments - size + 1)));
        desk.as(desk.alice).queryParam("after", page.jsonPath().getString("next"))
                .get("/api/tickets/{id}/comments?size=" + size, ticket).then().statusCode(200)
                .body("items.size()", equalTo(comments - size)).body("items[0].body", equalTo("note " + (comments - size)))
                .body("items[-1].body", equalTo("note 1")).body("next", nullValue());
        // A cursor of another list, a forged one, or one with a page number: 400 problems.
        for (String after : List.of(next, "e30", "not base64!", "x".repeat(Cursor.MAX_LENGTH + 1))) {
            desk.as(desk.alice).queryParam("after", after).get("/api/tickets/{id}/comments", ticket).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        desk.as(desk.carol).queryParam("after", next).get("/api/tickets/{id}/history?page=1", ticket).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTicketTakesAtMostItsStatedNumberOfEvidenceItems() {
        long ticket = desk.newTicket("LOW");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        for (int i = 0; i < Evidence.MAX_PER_TICKET; i++) {
            desk.addEvidence(desk.alice, ticket);
        }
        desk.addEvidenceExpecting(desk.alice, ticket, 409).contentType("application/problem+json")
                .body("title", equalTo("Evidence limit reached"));
        desk.as(desk.alice).get("/api/tickets/{id}/evidence?size=" + PageRequest.MAX_SIZE, ticket).then()
                .body("items.size()", equalTo(Evidence.MAX_PER_TICKET)).body("total", equalTo(Evidence.MAX_PER_TICKET));
    }

    @Test
    void evidenceDeletesTakeTheVersionRead() {
        long ticket = desk.newTicket("LOW");
        desk.act(desk.alice, ticket, "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).delete("/api/tickets/{t}/evidence/{e}", ticket, evidence).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'version'"));
        desk.as(desk.alice).delete("/api/tickets/{t}/evidence/{e}?version=7", ticket, evidence).then().statusCode(409)
                .body("currentVersion", equalTo(0));
        desk.as(desk.alice).delete("/api/tickets/{t}/evidence/{e}?version=0", ticket, evidence).then().statusCode(204);
    }

    @Test
    void searchesMatchWildcardsLiterally() {
        String run = Desk.unique("like");
        importReviews(review("https://c.example/pct-" + run, "Prices rose 50% in " + run),
                review("https://c.example/pts-" + run, "Prices rose 50 points in " + run));
        desk.as(desk.alice).queryParam("q", "50% in " + run).get("/api/prior-reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].claimText", equalTo("Prices rose 50% in " + run));
        desk.as(desk.alice).queryParam("q", "rose 50_points in " + run).get("/api/prior-reviews").then()
                .body("total", equalTo(0));

        desk.as(desk.carol).body(Map.of("text", "Taxes rose 50% in " + run, "language", "en", "priority", "LOW"))
                .post("/api/claims").then().statusCode(201);
        desk.as(desk.carol).body(Map.of("text", "Taxes rose 50 points in " + run, "language", "en", "priority", "LOW"))
                .post("/api/claims").then().statusCode(201);
        desk.as(desk.carol).queryParam("q", "50% in " + run).get("/api/tickets").then().body("total", equalTo(1));
        desk.as(desk.carol).queryParam("q", "50% in " + run).get("/api/claims").then().body("total", equalTo(1));
    }

    @Test
    void anImportHoldsAtMostTheStatedNumberOfClaimReviews() {
        StringJoiner items = new StringJoiner(",", "{\"@type\": \"DataFeed\", \"dataFeedElement\": [", "]}");
        for (int i = 0; i <= PriorReviewService.MAX_IMPORT_ITEMS; i++) {
            items.add("{\"@type\":\"ClaimReview\",\"url\":\"https://c.example/n" + i + "\",\"claimReviewed\":\"c" + i + "\"}");
        }
        desk.as(desk.carol).body(items.toString()).post("/api/prior-reviews/import").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most " + PriorReviewService.MAX_IMPORT_ITEMS));
    }

    private void importReviews(String... reviews) {
        desk.as(desk.carol).body("{\"@type\": \"DataFeed\", \"dataFeedElement\": [" + String.join(",", reviews) + "]}")
                .post("/api/prior-reviews/import").then().statusCode(200).body("imported", equalTo(reviews.length));
    }

    private static String review(String url, String claim) {
        return """
                {"@type": "ClaimReview", "url": "%s", "claimReviewed": "%s", "datePublished": "2024-03-05",
                 "author": {"@type": "Organization", "name": "Checker Example"},
                 "reviewRating": {"ratingValue": "2", "bestRating": "5", "worstRating": "1", "alternateName": "Mostly false"}}
                """.formatted(url, claim);
    }
}
