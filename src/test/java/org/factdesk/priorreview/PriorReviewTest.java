package org.factdesk.priorreview;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        serve("/relative.html", "text/html", "<html lang=\"pt-br\"><script type=\"application/ld+json\">"
                + review("checks/fetched-" + run, "Fetched relative " + run) + "</script></html>");
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
                .body("received", equalTo(3)).body("imported", equalTo(2)).body("updated", equalTo(0))
                .body("errors.size()", equalTo(1))
                .body("errors[0].index", equalTo(1)).body("errors[0].detail", equalTo("claimReviewed is missing"))
                .body("warnings.size()", equalTo(1)).body("warnings[0].index", equalTo(2))
                .body("warnings[0].detail", equalTo("reviewRating.ratingValue is not a number: two; left out"));
        desk.as(desk.carol).body(review("https://c.example/a-" + run, "Claim A " + run).replace("Mostly false", "False"))
                .post("/api/prior-reviews/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(1));
        desk.as(desk.alice).queryParam("q", "Claim A " + run).get("/api/prior-reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].rating", equalTo("False"))
                .body("items[0].ratingValue", equalTo(2.0f)).body("items[0].publisher", equalTo("Checker Example"))
                .body("items[0].importedBy", equalTo(desk.carol));
    }

    @Test
    void uploadTakesAsMuchAsImportUrlFetchesAndOtherEndpointsStayAtTheirLimit() throws Exception {
        String claim = "Large page claim about harbours " + run;
        String page = "<html lang=\"nl\"><head><script type=\"application/ld+json\">"
                + review("https://c.example/large-" + run, claim) + "</script></head><body>"
                + "<p>padding</p>".repeat(300_000) + "</body></html>"; // about 4 MiB, the size of a long live blog
        assertTrue(page.length() > 4_000_000 && page.length() < 5_242_880, "" + page.length());
        desk.as(desk.carol).contentType("text/html").body(page).post("/api/prior-reviews/import").then().statusCode(200)
                .body("imported", equalTo(1));
        desk.as(desk.alice).queryParam("q", claim).get("/api/prior-reviews").then()
                .body("items[0].language", equalTo("nl"));

        desk.as(desk.carol).contentType("text/html").body(page + "x".repeat(1_300_000)).post("/api/prior-reviews/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("Request bodies are limited to 5242880 bytes."));
        desk.as(desk.carol).body(Map.of("text", "x".repeat(1_100_000), "language", "en")).post("/api/claims").then()
                .statusCode(413).body("detail", equalTo("Request bodies are limited to 1048576 bytes."));

        // without Content-Length (chunked), the same limits hold while the body is read
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String[] call : new String[][]{{"/api/claims", "1100000"}, {"/api/prior-reviews/import", "5300000"}}) {
            byte[] body = ("{\"text\": \"" + "y".repeat(Integer.parseInt(call[1])) + "\", \"language\": \"en\"}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + RestAssured.port + call[0]))
                    .header("Authorization", "Bearer " + desk.token(desk.carol)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode(), call[0] + ": " + answer.body());
            assertTrue(answer.body().contains("Request bodies are limited to"), answer.body());
        }
    }

    @Test
    void relativeUrlsResolveAgainstTheGivenOrFetchedAddressAndPublicationTimesKeepTheirOffset() {
        String feed = "[{\"@type\": \"ClaimReview\", \"url\": \"/checks/rel-" + run + "\", \"claimReviewed\": \"Relative "
                + run + "\", \"datePublished\": \"2024-03-05T14:30:00+0200\", \"inLanguage\": {\"@type\": \"Language\","
                + " \"name\": \"French\", \"alternateName\": \"fr\"}, \"author\": {\"name\": \"Rel\", \"url\": \"/\"},"
                + " \"itemReviewed\": {\"@type\": \"Claim\", \"author\": [{\"name\": \"Ann\"}, {\"name\": \"Bob\"}]}}]";
        desk.as(desk.carol).body(feed).post("/api/prior-reviews/import").then().statusCode(422)
                .body("detail", containsString("url is relative (/checks/rel-" + run + ") and the page's address is unknown"));
        desk.as(desk.carol).queryParam("baseUrl", "javascript:alert(1)").body(feed).post("/api/prior-reviews/import").then()
                .statusCode(400);
        desk.as(desk.carol).queryParam("baseUrl", "https://rel.example/feed.json").body(feed).post("/api/prior-reviews/import")
                .then().statusCode(200).body("imported", equalTo(1)).body("warnings.size()", equalTo(0));
        desk.as(desk.alice).queryParam("q", "Relative " + run).get("/api/prior-reviews").then().statusCode(200)
                .body("items[0].reviewUrl", equalTo("https://rel.example/checks/rel-" + run))
                .body("items[0].publisherUrl", equalTo("https://rel.example/"))
                .body("items[0].reviewedAt", equalTo("2024-03-05T12:30:00Z"))
                .body("items[0].reviewedAtOffset", equalTo("+02:00"))
                .body("items[0].language", equalTo("fr"))
                .body("items[0].claimant", equalTo("Ann, Bob"));

        desk.allowPrivateTargets(true);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        desk.as(desk.carol).body(Map.of("url", base + "/relative.html")).post("/api/prior-reviews/import-url").then()
                .statusCode(200).body("imported", equalTo(1));
        desk.as(desk.alice).queryParam("q", "Fetched relative " + run).get("/api/prior-reviews").then()
                .body("items[0].reviewUrl", equalTo(base + "/checks/fetched-" + run))
                .body("items[0].language", equalTo("pt-BR"));
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
