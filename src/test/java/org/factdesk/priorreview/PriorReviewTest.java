package org.factdesk.priorreview;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Importing other fact-checkers' ClaimReviews: upload, HTML pages, URLs behind the outgoing-call guard. */
@QuarkusTest
class PriorReviewTest {

    final Desk desk = new Desk();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    HttpServer site;

    @BeforeEach
    void startSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/feed.json", "application/json", feed("Feed claim about tractors " + run));
        serve("/page.html", "text/html; charset=utf-8", "<html><head><script type=\"application/ld+json\">"
                + review("https://c.example/page-" + run, "Page claim about ferries " + run) + "</script></head></html>");
        serve("/huge.json", "application/json", "[" + "{\"@type\": \"ClaimReview\"},".repeat(300_000) + "{}]");
        site.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/feed.json");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
        desk.allowPrivateTargets(false);
    }

    @Test
    void uploadImportsGoodItemsReportsBadOnesAndReimportUpdates() {
        String feed = "{\"@type\": \"DataFeed\", \"dataFeedElement\": [" + review("https://c.example/a-" + run, "Claim A " + run)
                + ", {\"@type\": \"ClaimReview\", \"url\": \"https://c.example/b-" + run + "\"}"
                + ", " + review("https://c.example/c-" + run, "Claim C " + run).replace("\"2\"", "\"two\"") + "]}";
        desk.as(desk.carol).body(feed).post("/api/prior-reviews/import").then().statusCode(200)
                .body("source", equalTo("upload"))
                .body("received", equalTo(3)).body("imported", equalTo(1)).body("updated", equalTo(0))
                .body("errors.size()", equalTo(2))
                .body("errors[0].index", equalTo(1)).body("errors[0].detail", equalTo("claimReviewed is missing"))
                .body("errors[1].detail", equalTo("reviewRating.ratingValue is not a number: two"));
        desk.as(desk.carol).body(review("https://c.example/a-" + run, "Claim A " + run).replace("Mostly false", "False"))
                .post("/api/prior-reviews/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(1));
        desk.as(desk.alice).queryParam("q", "Claim A " + run).get("/api/prior-reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].rating", equalTo("False"))
                .body("items[0].ratingValue", equalTo(2.0f)).body("items[0].publisher", equalTo("Checker Example"))
                .body("items[0].importedBy", equalTo(desk.carol));
    }

    @Test
    void nothingReadableIsA422AndOnlyEditorsImport() {
        desk.as(desk.carol).body("{\"@type\": \"NewsArticle\"}").post("/api/prior-reviews/import").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("no ClaimReview found"));
        desk.as(desk.carol).body("{broken").post("/api/prior-reviews/import").then().statusCode(422)
                .body("detail", containsString("not valid JSON"));
        desk.as(desk.alice).body(review("https://c.example/x", "x")).post("/api/prior-reviews/import").then().statusCode(403);
        desk.as(desk.bob).body(Map.of("url", "https://c.example/x")).post("/api/prior-reviews/import-url").then().statusCode(403);
    }

    @Test
    void htmlUploadReadsItsJsonLd() {
        desk.as(desk.carol).contentType("text/html")
                .body("<html><script type=\"application/ld+json\">" + review("https://c.example/h-" + run, "Html claim " + run)
                        + "</script></html>")
                .post("/api/prior-reviews/import").then().statusCode(200).body("imported", equalTo(1));
    }

    @Test
    void urlImportFollowsRedirectsReadsPagesAndIsGuarded() {
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        desk.as(desk.carol).body(Map.of("url", base + "/feed.json")).post("/api/prior-reviews/import-url").then()
                .statusCode(422).body("title", equalTo("URL refused"))
                .body("detail", containsString("the address of this host is not allowed (127.0.0.1)"));

        desk.allowPrivateTargets(true);
        desk.as(desk.carol).body(Map.of("url", base + "/moved")).post("/api/prior-reviews/import-url").then()
                .statusCode(200).body("source", equalTo(base + "/feed.json")).body("imported", equalTo(1));
        desk.as(desk.carol).body(Map.of("url", base + "/page.html")).post("/api/prior-reviews/import-url").then()
                .statusCode(200).body("imported", equalTo(1));
        desk.as(desk.carol).body(Map.of("url", base + "/huge.json")).post("/api/prior-reviews/import-url").then()
                .statusCode(422).body("title", equalTo("Too large"));
        desk.as(desk.carol).body(Map.of("url", base + "/missing")).post("/api/prior-reviews/import-url").then()
                .statusCode(422).body("detail", containsString("answered HTTP 404"));
        desk.as(desk.carol).body(Map.of("url", "ftp://c.example/feed")).post("/api/prior-reviews/import-url").then()
                .statusCode(400);
        desk.as(desk.alice).queryParam("q", run).get("/api/prior-reviews").then().statusCode(200)
                .body("items.claimText", hasItem(startsWith("Page claim about ferries")));
    }

    @Test
    void similarFindsPriorVerdictsAndDeskClaims() {
        desk.as(desk.carol).body(review("https://c.example/s-" + run,
                        "The harbour tunnel " + run + " carried nine million cars last year"))
                .post("/api/prior-reviews/import").then().statusCode(200);
        desk.as(desk.carol).body(Map.of("text", "The harbour tunnel " + run + " carried nine million cars in 2023",
                "language", "en")).post("/api/claims").then().statusCode(201);
        desk.as(desk.alice).queryParam("text", "Last year the harbour tunnel " + run + " carried nine million cars")
                .get("/api/similar").then().statusCode(200)
                .body("priorReviews[0].reviewUrl", equalTo("https://c.example/s-" + run))
                .body("priorReviews[0].publisher", equalTo("Checker Example"))
                .body("claims[0].text", equalTo("The harbour tunnel " + run + " carried nine million cars in 2023"))
                .body("claims[0].status", equalTo("OPEN"));
        desk.as(desk.alice).queryParam("text", "Completely unrelated words about gardening " + run)
                .get("/api/similar").then().statusCode(200)
                .body("priorReviews.size()", equalTo(0)).body("claims.size()", equalTo(0));
        desk.as(desk.alice).get("/api/similar").then().statusCode(400);
    }

    static String review(String url, String claim) {
        return """
                {"@context": "https://schema.org", "@type": "ClaimReview", "url": "%s", "claimReviewed": "%s",
                 "datePublished": "2024-03-05", "author": {"@type": "Organization", "name": "Checker Example"},
                 "itemReviewed": {"@type": "CreativeWork", "author": "A Senator"},
                 "reviewRating": {"ratingValue": "2", "bestRating": "5", "worstRating": "1", "alternateName": "Mostly false"}}
                """.formatted(url, claim);
    }

    static String feed(String claim) {
        return "{\"@type\": \"DataFeed\", \"dataFeedElement\": [{\"@type\": \"DataFeedItem\", \"item\": ["
                + review("https://c.example/feed-" + UUID.randomUUID(), claim) + "]}]}";
    }

    void serve(String path, String contentType, String body) {
        site.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
